// Options of the engine's libraries built from the flags of a command, and
// the flags themselves, defined once for every command that takes them: the
// engine of --rules, reading options, the mention filter, --threads,
// --min-anchors, --out.
//
// The builders read values that ParseArgs (flags.h) has checked with these
// flags' definitions; they fail only on what a flag's value alone cannot
// tell (a missing --rules, rules that do not compile, an --out that is an
// input), returning a status for RunCli to print (exit_code.h).
#ifndef REFRAIN_ENGINE_CLI_OPTIONS_FROM_FLAGS_H_
#define REFRAIN_ENGINE_CLI_OPTIONS_FROM_FLAGS_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/cli/flags.h"
#include "engine/engine.h"
#include "engine/rules/rule_compiler.h"
#include "engine/store/claim_store.h"
#include "engine/text/document_reader.h"
#include "engine/util/file_util.h"

namespace refrain {

// The shared flags named `names`, in that order, from: rules, source (the
// default source of articles), strict, threads, max-document-bytes,
// max-sentence-bytes, max-mentions-per-sentence, max-mentions-per-document,
// fold-diacritics, max-pattern-memory, min-anchors, out.
// REQUIRES: each name is one of these.
std::vector<Flag> SharedFlags(const std::vector<std::string>& names);

// The rule flags of every command that compiles rules: --fold-diacritics,
// --max-pattern-memory.
std::vector<Flag> RuleFlags();

// The flags of the commands that scan (scan, ingest, eval): --rules,
// --source, --threads, --strict, the limits and the rule flags.
std::vector<Flag> ScanFlags();

// The flags of the mention filter: --claim, --source, --since, --until.
std::vector<Flag> MentionQueryFlags();

// The engine of --rules (comma-separated rule files or directories), the
// rule flags and the scan limits, for `command`; as EngineFromPaths, and a
// UsageError when --rules is missing or names nothing.
absl::StatusOr<std::unique_ptr<Engine>> EngineFromFlags(const Args& args,
                                                        const std::string& command,
                                                        std::ostream& err);

// The engine of the rule files at `paths`, with the rule flags of `args`;
// prints every diagnostic to `err`. Fails when the rules cannot be used:
// InvalidArgument (exit 1) for rules with errors, a UsageError for rules
// that cannot be read.
absl::StatusOr<std::unique_ptr<Engine>> EngineFromPaths(const std::vector<std::string>& paths,
                                                        const Args& args, std::ostream& err);

// Reading options from --source and --max-document-bytes.
ReadOptions ReadOptionsFromFlags(const Args& args);

// The mention filter of --claim, --source, --since and --until.
MentionQuery MentionQueryFromFlags(const Args& args);

// The value of --min-anchors (near-miss discovery), 2 when absent.
int MinAnchorsFromFlags(const Args& args);

// Notes on `err` each claim near-miss discovery skips for want of anchors
// (NearMissFinder::skipped), or only `claim` when it is not empty.
void NoteClaimsWithoutAnchors(const std::vector<const CompiledClaim*>& skipped,
                              const std::string& claim, std::ostream& err);

// The value of --threads: its number, the machine's cores for "auto", or 1
// when absent.
int ThreadsFromFlags(const Args& args);

// Opens --out, when given, as an OutputFile (written whole or not at all)
// that is none of `inputs` nor a rule file of --rules; null without --out.
// A UsageError when it cannot be used.
absl::StatusOr<std::unique_ptr<OutputFile>> OpenOutFlag(const Args& args,
                                                        std::vector<std::string> inputs);

// Ends output written to `output` (the stream of `file` from OpenOutFlag,
// or standard output) by a run that ended with `result`: a failed flush
// turns an OK `result` into DataLoss ("cannot write output: ..."), and
// `file`, when there is one, replaces its target unless writing failed or
// the run was `stopped` part way; a failed commit is the status returned.
// Returns `result` otherwise. REQUIRES: `result` is OK or ReportedFindings
// unless writing `output` failed (its failure would be replaced).
absl::Status FinishOutput(std::ostream* output, OutputFile* file, bool stopped,
                          absl::Status result);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_OPTIONS_FROM_FLAGS_H_
