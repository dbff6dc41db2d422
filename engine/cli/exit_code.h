// The exit codes of the `refrain` tool, and how the status a command returns
// becomes one. Commands and their helpers return `absl::Status`; RunCli
// (cli.h) alone prints what a failed status says and exits with its code:
//
//   if (!args.Has("gold")) return UsageError("eval needs --gold=FILE ...");  // 2
//   ASSIGN_OR_RETURN(auto report, Evaluate(...));          // any error: 1
//   if (skipped > 0) return ReportedFindings();  // 1, each skip printed already
//   ...
//   absl::Status status = command->run(parsed, out, err);
//   return PrintStatus(status, err);  // "refrain: MESSAGE\n", returns the code
//
// A status's kind, not its code, chooses the exit code:
//   - OK: kExitOk.
//   - UsageError: kExitUsage; the command line is at fault (a bad or missing
//     flag or argument, rules that cannot be read, an --out that cannot be
//     opened, a store that is not one).
//   - ReportedFindings: kExitFindings, with no message: what is wrong was
//     printed where it arose (each skipped input, each failing example).
//   - any other error: kExitFindings; the data is at fault (a damaged store,
//     bad gold rows, rule errors, recall below --min-recall, ...).
// Notes (WithNote) add lines after the message, whatever the kind.
//
// Thread-safe: pure functions.
#ifndef REFRAIN_ENGINE_CLI_EXIT_CODE_H_
#define REFRAIN_ENGINE_CLI_EXIT_CODE_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace refrain {

// Exit codes of every command.
enum ExitCode : int {
  kExitOk = 0,         // done, nothing wrong
  kExitFindings = 1,   // rule errors, failing examples, skipped inputs
  kExitUsage = 2,      // bad arguments, unreadable rules or output
};

// The payload the CLI marks its statuses with: kUsage (exit 2) or kReported
// (exit 1, printed already). Statuses of the libraries carry neither.
inline constexpr char kCliPayload[] = "refrain.cli";
inline constexpr char kUsage[] = "usage";
inline constexpr char kReported[] = "reported";

// A further line printed after a status's message, "refrain: NOTE" (WithNote).
inline constexpr char kCliNotePayload[] = "refrain.cli.note";

// InvalidArgument(`message`) marked as a usage error: exit 2. An empty
// `message` prints nothing (for a usage printed already).
absl::Status UsageError(absl::string_view message);

// `cause`, with its code, message and payloads (which CliMessage reads),
// marked as a usage error: exit 2. REQUIRES: `!cause.ok()`.
absl::Status UsageError(const absl::Status& cause);

// Exit 1 with nothing more printed: the problems (skipped inputs, failing
// examples, diagnostics) were printed as they were found.
absl::Status ReportedFindings();

// `status` with `note` printed after its message on a line of its own,
// "refrain: NOTE" (escaped), after any notes it has, even when the message
// itself is not printed (ReportedFindings): what the failure left behind
// ("N mentions were imported before the error"), a second finding, or a
// summary that comes last. REQUIRES: `!status.ok()`.
absl::Status WithNote(absl::Status status, absl::string_view note);

// The exit code of `status`: kExitOk, kExitUsage or kExitFindings (above).
int ExitCodeFor(const absl::Status& status);

// What PrintStatus prints for `status`: "refrain: " + CliMessage(status) +
// "\n" unless it is OK, ReportedFindings or has an empty message; then
// "refrain: NOTE\n" for each of its notes.
std::string StatusText(const absl::Status& status);

// Prints StatusText(status) on `err`; returns ExitCodeFor(status).
int PrintStatus(const absl::Status& status, std::ostream& err);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_EXIT_CODE_H_
