// The ceiling of refrain's approach, for tools/bench.sh: the raw RE2::Set of
// the same patterns run over each line of a JSON Lines corpus, with no other
// work (no JSON parsing, no sentences, no records). Prints the number of
// lines the set flags.
//
//   re2set_scan --rules=rules/ corpus.jsonl
//   re2set_scan --rules=rules/ --print-patterns > patterns.txt   (for ripgrep)
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "engine/rules/rule_compiler.h"
#include "re2/re2.h"
#include "re2/set.h"

int main(int argc, char** argv) {
  std::string rules_path, input;
  bool print = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--rules=", 0) == 0) rules_path = arg.substr(8);
    else if (arg == "--print-patterns") print = true;
    else input = arg;
  }
  std::vector<refrain::Diagnostic> diagnostics;
  auto rules = refrain::LoadRules({rules_path}, refrain::CompileOptions(), &diagnostics);
  if (!rules.ok()) {
    std::cerr << "re2set_scan: " << rules.status() << "\n";
    return 1;
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_max_mem(64 << 20);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const auto& rule_set : (*rules)->rule_sets()) {
    for (const refrain::CompiledClaim& claim : rule_set->claims()) {
      for (const auto& pattern : claim.patterns().pattern) {
        // A pattern with gaps is its segments (what the scanner's set has).
        for (const std::string& segment : pattern.prefilter) {
          if (print) {
            // ripgrep joins patterns into one regex: capture names must go.
            std::string plain = segment;
            RE2::GlobalReplace(&plain, "\\(\\?P<\\w+>", "(?:");
            std::cout << plain << "\n";
          } else {
            set.Add(segment, nullptr);
          }
        }
      }
    }
  }
  if (print) return 0;
  if (!set.Compile()) {
    std::cerr << "re2set_scan: the set does not compile\n";
    return 1;
  }
  std::ifstream in(input);
  std::string line;
  std::vector<int> matched;
  long flagged = 0;
  while (std::getline(in, line)) flagged += set.Match(line, &matched);
  std::cout << flagged << "\n";
  return 0;
}
