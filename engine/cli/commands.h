// The commands of the `refrain` tool. Each is its name, its part of
// `refrain help`, its table of flags and a function that runs it on the
// parsed arguments, writing results to `out` and progress, skipped inputs
// and summaries to `err`, and returning a status that RunCli (cli.h) prints
// and maps to the exit code (exit_code.h): OK, a UsageError, an error of the
// data, or ReportedFindings when it printed its problems itself. RunCli
// parses the arguments with the table, so a command sees only flags it
// accepts, with values its table checked.
#ifndef REFRAIN_ENGINE_CLI_COMMANDS_H_
#define REFRAIN_ENGINE_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/cli/flags.h"

namespace refrain {

struct Command {
  std::string name;         // "scan", "rules check"
  std::string usage;        // its part of `refrain help`, also the head of --help
  std::vector<Flag> flags;  // every flag it accepts
  absl::Status (*run)(const Args& args, std::ostream& out, std::ostream& err);
};

// Every command, in the order of `refrain help`.
const std::vector<Command>& AllCommands();

Command RulesCheckCommand();
Command RulesTestCommand();
Command ScanCommand();
Command IngestCommand();
Command QueryCommand();
Command StatsCommand();
Command ExportCommand();
Command ImportCommand();
Command DiffCommand();
Command EvalCommand();
Command SuggestCommand();

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_COMMANDS_H_
