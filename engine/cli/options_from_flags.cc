#include "engine/cli/options_from_flags.h"

#include <algorithm>
#include <limits>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/cli/cli_message.h"
#include "engine/cli/exit_code.h"
#include "engine/text/escape.h"

namespace refrain {

namespace {

// The flags of SharedFlags, by name.
const std::vector<Flag>& SharedFlagTable() {
  static const std::vector<Flag>* const kFlags = new std::vector<Flag>{
      Flag::Text("rules", "PATH[,PATH...]",
                 "rule files or directories (every *.textproto in them)"),
      Flag::Text("source", "NAME", "the source of articles that name none"),
      Flag::Switch("strict", "stop at the first bad input"),
      Flag::Int("threads", "N|auto", "parse, scan and render on N threads (1)", 1, 256,
                "a number from 1 to 256 or auto", "auto"),
      Flag::Size("max-document-bytes", "BYTES",
                 "larger articles are skipped with an error (64 MiB)", "bytes"),
      Flag::Size("max-sentence-bytes", "BYTES",
                 "longer sentences are matched in pieces (64 KiB; at least 256)", "bytes",
                 kMinSentenceBytes),
      Flag::Size("max-mentions-per-sentence", "N",
                 "further hits in a sentence are counted, not recorded (100)", "mentions"),
      Flag::Size("max-mentions-per-document", "N",
                 "further hits in an article are counted, not recorded (10000)", "mentions"),
      Flag::Switch("fold-diacritics", "match without diacritics (\"Viet Nam\" matches "
                                      "\"Việt Nam\")"),
      Flag::Int("max-pattern-memory", "BYTES", "RE2's memory budget per pattern (8 MiB)", 1,
                std::numeric_limits<int64_t>::max(), "a positive number of bytes"),
      Flag::Int("min-anchors", "N",
                "a near miss matches at least N of a claim's anchors (2)", 1, 1000,
                "a number from 1 to 1000"),
      Flag::Text("out", "FILE", "write to FILE (whole or not at all) instead of standard output"),
  };
  return *kFlags;
}

}  // namespace

std::vector<Flag> SharedFlags(const std::vector<std::string>& names) {
  std::vector<Flag> flags;
  for (const std::string& name : names) {
    for (const Flag& flag : SharedFlagTable()) {
      if (flag.name == name) flags.push_back(flag);
    }
  }
  return flags;
}

std::vector<Flag> RuleFlags() { return SharedFlags({"fold-diacritics", "max-pattern-memory"}); }

std::vector<Flag> ScanFlags() {
  return Join(SharedFlags({"rules", "source", "strict", "threads", "max-document-bytes",
                           "max-sentence-bytes", "max-mentions-per-sentence",
                           "max-mentions-per-document"}),
              RuleFlags());
}

std::vector<Flag> MentionQueryFlags() {
  return {Flag::Text("claim", "ID", "only mentions of this claim"),
          Flag::Text("source", "NAME", "only mentions from this source"),
          Flag::Date("since", "only mentions dated DATE or later (YYYY, YYYY-MM, YYYY-MM-DD)"),
          Flag::Date("until", "only mentions dated DATE or earlier")};
}

int MinAnchorsFromFlags(const Args& args) {
  return static_cast<int>(args.Int("min-anchors", 2));
}

ReadOptions ReadOptionsFromFlags(const Args& args) {
  ReadOptions options;
  options.default_source = args.Get("source");
  options.max_document_bytes = args.Size("max-document-bytes", options.max_document_bytes);
  return options;
}

MentionQuery MentionQueryFromFlags(const Args& args) {
  return {args.Get("claim"), args.Get("source"), args.Get("since"), args.Get("until")};
}

absl::StatusOr<std::unique_ptr<Engine>> EngineFromFlags(const Args& args,
                                                        const std::string& command,
                                                        std::ostream& err) {
  if (!args.Has("rules")) {
    return UsageError(command + " needs --rules=PATH (a rule file or directory)");
  }
  const std::vector<std::string> paths =
      absl::StrSplit(args.Get("rules"), ',', absl::SkipWhitespace());
  if (paths.empty()) {
    // No rules would find nothing, and a rescan would delete every mention.
    return UsageError("--rules is empty; " + command + " needs a rule file or directory");
  }
  return EngineFromPaths(paths, args, err);
}

absl::StatusOr<std::unique_ptr<Engine>> EngineFromPaths(const std::vector<std::string>& paths,
                                                        const Args& args, std::ostream& err) {
  EngineOptions options;
  options.compile.fold_diacritics = args.Has("fold-diacritics");
  options.compile.max_pattern_memory =
      args.Int("max-pattern-memory", options.compile.max_pattern_memory);
  ScanOptions& scan = options.scan;
  scan.max_sentence_bytes = args.Size("max-sentence-bytes", scan.max_sentence_bytes);
  scan.max_mentions_per_sentence =
      args.Size("max-mentions-per-sentence", scan.max_mentions_per_sentence);
  scan.max_mentions_per_document =
      args.Size("max-mentions-per-document", scan.max_mentions_per_document);
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::unique_ptr<Engine>> engine =
      Engine::FromFiles(paths, options, &diagnostics);
  for (const Diagnostic& d : diagnostics) err << CliDiagnostic(d) << "\n";
  // Rules with errors are findings; rules that cannot be read, the command line's.
  if (!engine.ok() && !absl::IsInvalidArgument(engine.status())) {
    return UsageError(engine.status());
  }
  return engine;
}

int ThreadsFromFlags(const Args& args) {
  const int threads = static_cast<int>(args.Int("threads", 1));
  if (threads > 0) return threads;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));  // auto
}

absl::StatusOr<std::unique_ptr<OutputFile>> OpenOutFlag(const Args& args,
                                                        std::vector<std::string> inputs) {
  if (!args.Has("out")) return nullptr;
  for (absl::string_view rules : absl::StrSplit(args.Get("rules"), ',', absl::SkipEmpty())) {
    inputs.emplace_back(rules);
  }
  absl::StatusOr<std::unique_ptr<OutputFile>> opened =
      OutputFile::Create(args.Get("out"), inputs);
  if (!opened.ok()) return UsageError(opened.status());
  return opened;
}

absl::Status FinishOutput(std::ostream* output, OutputFile* file, bool stopped,
                          absl::Status result) {
  if (!output->flush() && result.ok()) result = WriteStatus(*output);
  if (file != nullptr && output->good() && !stopped) {
    if (absl::Status s = file->Commit(); !s.ok()) result = s;
  }
  return result;
}

void NoteClaimsWithoutAnchors(const std::vector<const CompiledClaim*>& skipped,
                              const std::string& claim, std::ostream& err) {
  for (const CompiledClaim* c : skipped) {
    if (!claim.empty() && c->id() != claim) continue;
    err << "refrain: note: claim '" << c->id()
        << "' has no anchors; near-miss discovery skips it\n";
  }
}

}  // namespace refrain
