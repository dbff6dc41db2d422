// The `refrain` command line, as a function so that tests and `main` share
// it. See README.md for the commands.
//
//   int code = RunCli({"rules", "check", "rules/"}, std::cout, std::cerr);
#ifndef REFRAIN_ENGINE_CLI_CLI_H_
#define REFRAIN_ENGINE_CLI_CLI_H_

#include <ostream>
#include <string>
#include <vector>

#include "engine/cli/exit_code.h"

namespace refrain {

// Runs the command `args` (without the program name); writes results to
// `out` and diagnostics to `err`. The one place where a command's failure is
// printed and becomes an exit code (PrintStatus, exit_code.h): returns
// kExitOk, kExitFindings or kExitUsage.
int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_CLI_H_
