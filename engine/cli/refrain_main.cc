// The `refrain` command-line tool: a thin main over RunCli.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "engine/cli/cli.h"
#include "engine/store/claim_store.h"
#include "engine/text/escape.h"

int main(int argc, char** argv) {
  // Under `bazel run`, resolve relative paths against the directory the
  // user ran it from rather than Bazel's runfiles tree.
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) {
    if (chdir(dir) != 0) {
      std::cerr << "refrain: cannot enter " << refrain::EscapeControls(dir) << "\n";
      return refrain::kExitUsage;
    }
  }
  refrain::DisableSqliteMemoryStatistics();  // before any thread starts
  std::vector<std::string> args(argv + 1, argv + argc);
  return refrain::RunCli(args, std::cout, std::cerr);
}
