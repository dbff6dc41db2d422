// The exit codes of the `refrain` tool, shared by its commands.
#ifndef REFRAIN_ENGINE_CLI_EXIT_CODE_H_
#define REFRAIN_ENGINE_CLI_EXIT_CODE_H_

namespace refrain {

// Exit codes of every command.
enum ExitCode : int {
  kExitOk = 0,         // done, nothing wrong
  kExitFindings = 1,   // rule errors, failing examples, skipped inputs
  kExitUsage = 2,      // bad arguments, unreadable rules or output
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_EXIT_CODE_H_
