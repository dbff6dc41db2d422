// Embedding refrain: compile the rules once, scan a text, print its
// mentions. The README's "Embedding" section shows this code.
//
//   bazel run //examples/embed:scan_text -- rules/ "China is Vietnam's top trade partner."
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "engine/engine.h"

int main(int argc, char** argv) {
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) (void)chdir(dir);
  if (argc != 3) {
    std::cerr << "usage: scan_text RULES TEXT\n";
    return 2;
  }
  std::vector<refrain::Diagnostic> diagnostics;
  absl::StatusOr<std::unique_ptr<refrain::Engine>> engine =
      refrain::Engine::FromFiles({argv[1]}, {}, &diagnostics);
  for (const refrain::Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
  if (!engine.ok()) return 1;  // InvalidArgument: rule errors; others: unreadable paths

  refrain::Document doc;
  doc.set_id("d1");
  doc.set_text(argv[2]);
  for (const refrain::Mention& m : (*engine)->Scan(doc)) {
    std::cout << m.claim_id() << " [" << m.begin() << ", " << m.end() << ") \""
              << m.text() << "\"";
    for (const auto& [name, value] :
         std::map<std::string, std::string>(m.slots().begin(), m.slots().end())) {
      std::cout << " " << name << "=" << value;
    }
    std::cout << "\n";
  }
  return 0;
}
