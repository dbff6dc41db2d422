// Writes a rule set of N generated claims, for the rule-count sweep of
// tools/bench.sh (see generated_rules.h).
//
//   rules_gen --claims=1000 > rules1000/generated.textproto
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "tools/bench/generated_rules.h"

int main(int argc, char** argv) {
  int claims = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--claims=", 0) != 0 || !absl::SimpleAtoi(arg.substr(9), &claims) ||
        claims < 1) {
      std::cerr << "usage: rules_gen --claims=N\n";
      return 2;
    }
  }
  std::cout << refrain::GeneratedRules(claims);
  return 0;
}
