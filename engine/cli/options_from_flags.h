// Options of the engine's libraries built from the flags of a command:
// the engine of --rules, reading options, the mention filter, --threads,
// --min-anchors, --out. Each prints what is wrong on `err`.
#ifndef REFRAIN_ENGINE_CLI_OPTIONS_FROM_FLAGS_H_
#define REFRAIN_ENGINE_CLI_OPTIONS_FROM_FLAGS_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/cli/flags.h"
#include "engine/engine.h"
#include "engine/rules/rule_compiler.h"
#include "engine/store/claim_store.h"
#include "engine/text/document_reader.h"
#include "engine/util/file_util.h"

namespace refrain {

// The engine of --rules (comma-separated rule files or directories), the
// rule flags and --max-sentence-bytes, for `command`. On failure, prints why
// and returns null with the exit code in `*code`.
std::unique_ptr<Engine> EngineFromFlags(const Args& args, const std::string& command,
                                        std::ostream& err, int* code);

// The engine of the rule files at `paths`, with the rule flags of `args`;
// prints every diagnostic to `err`. Returns null, with the exit code in
// `*code`, when the rules cannot be used.
std::unique_ptr<Engine> EngineFromPaths(const std::vector<std::string>& paths,
                                        const Args& args, std::ostream& err, int* code);

// Reading options from --source and --max-document-bytes. Prints what is
// wrong and returns false on a bad value.
bool ReadOptionsFromFlags(const Args& args, ReadOptions* options, std::ostream& err);

// The mention filter of --claim, --source, --since and --until. Prints
// what is wrong and returns false when a date is not YYYY, YYYY-MM or
// YYYY-MM-DD.
bool ParseMentionQuery(const Args& args, MentionQuery* query, std::ostream& err);

// The value of --min-anchors (near-miss discovery): a number of at least 1,
// or 2 when absent. Prints what is wrong and returns 0 otherwise.
int MinAnchorsFromFlags(const Args& args, std::ostream& err);

// Notes on `err` each claim near-miss discovery skips for want of anchors
// (NearMissFinder::skipped), or only `claim` when it is not empty.
void NoteClaimsWithoutAnchors(const std::vector<const CompiledClaim*>& skipped,
                              const std::string& claim, std::ostream& err);

// The value of --threads: a positive number, "auto" (the machine's cores),
// or 1 when absent. Prints what is wrong and returns 0 otherwise.
int ThreadsFromFlags(const Args& args, std::ostream& err);

// Opens --out, when given, as an OutputFile (written whole or not at all)
// that is none of `inputs` nor a rule file of --rules. Returns false, having
// said why on `err`, when it cannot be used; without --out, `*file` is null.
bool OpenOutFlag(const Args& args, std::vector<std::string> inputs,
                 std::unique_ptr<OutputFile>* file, std::ostream& err);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_OPTIONS_FROM_FLAGS_H_
