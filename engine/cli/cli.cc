#include "engine/cli/cli.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/cli/exit_code.h"
#include "engine/cli/commands.h"
#include "engine/text/escape.h"

namespace refrain {
namespace {

constexpr char kUsageHead[] = R"(refrain: find recurring claims in news articles

usage:
)";

constexpr char kUsageTail[] = R"(  refrain help

rule options:
  --fold-diacritics           match without diacritics ("Viet Nam" matches
                              "Việt Nam"); records keep the original text
  --max-pattern-memory=BYTES  RE2's memory budget per pattern (8 MiB)

limits (scan, ingest):
  --max-document-bytes=BYTES  larger articles are skipped with an error (64 MiB)
  --max-sentence-bytes=BYTES  longer sentences are matched in pieces cut at
                              whitespace (64 KiB; at least 256)
  --max-mentions-per-sentence=N, --max-mentions-per-document=N
                              further hits are counted and reported, not
                              recorded; exit code 1 (100; 10000)

Only regular files and pipes are read. --out files are written whole or not
at all, and never onto an input.

exit codes: 0 all good; 1 rule errors, failing examples, or inputs that
were skipped; 2 usage errors (bad flags, unreadable rules or output)
)";

// `refrain help`: the head, each command's usage, the tail.
std::string Usage() {
  std::string usage = kUsageHead;
  for (const Command& command : AllCommands()) usage += command.usage;
  return usage + kUsageTail;
}

// The command named by `args` (one word, or "rules check|test"), or null.
const Command* FindCommand(const std::vector<std::string>& args) {
  std::string name = args[0];
  if (name == "rules" && args.size() >= 2) name += " " + args[1];
  for (const Command& command : AllCommands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

}  // namespace

const std::vector<Command>& AllCommands() {
  static const std::vector<Command>* const kCommands = new std::vector<Command>{
      ScanCommand(),  RulesCheckCommand(), RulesTestCommand(), IngestCommand(),
      QueryCommand(), StatsCommand(),      ExportCommand(),    ImportCommand(),
      DiffCommand(),  EvalCommand(),       SuggestCommand()};
  return *kCommands;
}

namespace {

// Runs the command `args` names. Returns the status of the command, or a
// usage error for no command, an unknown one or flags its table refuses.
absl::Status RunCommand(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
  if (args.empty()) {
    err << Usage();
    return UsageError("");
  }
  const std::string& name = args[0];
  if (name == "help" || name == "--help" || name == "-h") {
    out << Usage();
    return absl::OkStatus();
  }
  const Command* command = FindCommand(args);
  if (command == nullptr) {
    err << "refrain: unknown command '"
        << EscapeControls(args.size() >= 2 && name == "rules" ? name + " " + args[1] : name)
        << "'\n\n"
        << Usage();
    return UsageError("");
  }
  const size_t first = name == "rules" ? 2 : 1;
  if (std::find(args.begin() + first, args.end(), "--help") != args.end()) {
    out << command->usage << "\nflags:\n" << FlagHelp(command->flags);
    return absl::OkStatus();
  }
  Args parsed;
  if (absl::Status s = ParseArgs(command->flags, args, first, &parsed); !s.ok()) {
    return UsageError(s);
  }
  return command->run(parsed, out, err);
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  return PrintStatus(RunCommand(args, out, err), err);
}

}  // namespace refrain
