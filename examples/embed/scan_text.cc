// Embedding refrain: compile the rules once, scan a document, print its
// mentions. The README's "Embedding" section shows this code.
//
//   bazel run //examples/embed:scan_text -- rules/ "China is Vietnam's top trade partner."
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "engine/match/scanner.h"
#include "engine/rules/rule_compiler.h"

int main(int argc, char** argv) {
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) (void)chdir(dir);
  if (argc != 3) {
    std::cerr << "usage: scan_text RULES TEXT\n";
    return 2;
  }
  std::vector<refrain::Diagnostic> diagnostics;
  absl::StatusOr<std::unique_ptr<const refrain::CompiledRules>> rules =
      refrain::LoadRules({argv[1]}, refrain::CompileOptions(), &diagnostics);
  for (const refrain::Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
  if (!rules.ok()) return 1;  // InvalidArgument: rule errors; others: unreadable paths

  absl::StatusOr<std::unique_ptr<refrain::Scanner>> scanner =
      refrain::Scanner::Create(std::move(*rules));
  if (!scanner.ok()) return 1;
  refrain::Document doc;
  doc.set_id("d1");
  doc.set_text(argv[2]);
  std::vector<refrain::Mention> mentions;
  (*scanner)->Scan(doc, &mentions);
  for (const refrain::Mention& m : mentions) {
    std::cout << m.claim_id() << " [" << m.begin() << ", " << m.end() << ") \""
              << m.text() << "\"";
    for (const auto& [name, value] : std::map<std::string, std::string>(
             m.slots().begin(), m.slots().end())) {
      std::cout << " " << name << "=" << value;
    }
    std::cout << "\n";
  }
  return 0;
}
