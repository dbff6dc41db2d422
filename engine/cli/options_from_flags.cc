#include "engine/cli/options_from_flags.h"

#include <algorithm>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "engine/cli/exit_code.h"
#include "engine/text/date.h"
#include "engine/text/escape.h"

namespace refrain {

namespace {

// Parses --NAME as a number of `unit` of at least `minimum` (at least 1)
// into `*value` when given.
bool ByteFlag(const Args& args, const std::string& name, size_t* value, std::ostream& err,
              const char* unit = "bytes", size_t minimum = 1) {
  if (!args.Has(name)) return true;
  uint64_t bytes;
  if (!absl::SimpleAtoi(args.Get(name), &bytes) || bytes == 0) {
    err << "refrain: --" << name << " wants a positive number of " << unit << ", got '"
        << EscapeControls(args.Get(name)) << "'\n";
    return false;
  }
  if (bytes < minimum) {
    err << "refrain: --" << name << " must be at least " << minimum << " " << unit << ", got '"
        << EscapeControls(args.Get(name)) << "'\n";
    return false;
  }
  *value = static_cast<size_t>(bytes);
  return true;
}

}  // namespace

int MinAnchorsFromFlags(const Args& args, std::ostream& err) {
  if (!args.Has("min-anchors")) return 2;
  int n;
  if (!absl::SimpleAtoi(args.Get("min-anchors"), &n) || n < 1 || n > 1000) {
    err << "refrain: --min-anchors wants a number from 1 to 1000, got '"
        << EscapeControls(args.Get("min-anchors")) << "'\n";
    return 0;
  }
  return n;
}

bool ReadOptionsFromFlags(const Args& args, ReadOptions* options, std::ostream& err) {
  options->default_source = args.Get("source");
  return ByteFlag(args, "max-document-bytes", &options->max_document_bytes, err);
}

namespace {

// --fold-diacritics and --max-pattern-memory. Prints what is wrong and
// returns false on a bad value.
bool CompileOptionsFromFlags(const Args& args, CompileOptions* options, std::ostream& err) {
  options->fold_diacritics = args.Has("fold-diacritics");
  if (args.Has("max-pattern-memory") &&
      (!absl::SimpleAtoi(args.Get("max-pattern-memory"), &options->max_pattern_memory) ||
       options->max_pattern_memory <= 0)) {
    err << "refrain: --max-pattern-memory wants a positive number of bytes, got '"
        << EscapeControls(args.Get("max-pattern-memory")) << "'\n";
    return false;
  }
  return true;
}

// Prints the diagnostics of loading rules and, when `status` is an error,
// what it means; returns the exit code.
int ReportRules(const absl::Status& status, const std::vector<Diagnostic>& diagnostics,
                std::ostream& err) {
  for (const Diagnostic& d : diagnostics) err << EscapeControls(d.ToString()) << "\n";
  if (status.ok()) return kExitOk;
  err << "refrain: " << EscapeControls(status.message()) << "\n";
  return absl::IsInvalidArgument(status) ? kExitFindings : kExitUsage;
}

}  // namespace

bool ParseMentionQuery(const Args& args, MentionQuery* query, std::ostream& err) {
  for (const char* flag : {"since", "until"}) {
    if (args.Has(flag) && !IsValidDate(args.Get(flag))) {
      err << "refrain: --" << flag << " wants YYYY, YYYY-MM or YYYY-MM-DD, got '"
          << EscapeControls(args.Get(flag)) << "'\n";
      return false;
    }
  }
  *query = {args.Get("claim"), args.Get("source"), args.Get("since"), args.Get("until")};
  return true;
}

std::unique_ptr<Engine> EngineFromFlags(const Args& args, const std::string& command,
                                        std::ostream& err, int* code) {
  if (!args.Has("rules")) {
    err << "refrain: " << command << " needs --rules=PATH (a rule file or directory)\n";
    *code = kExitUsage;
    return nullptr;
  }
  const std::vector<std::string> paths =
      absl::StrSplit(args.Get("rules"), ',', absl::SkipWhitespace());
  if (paths.empty()) {
    // No rules would find nothing, and a rescan would delete every mention.
    err << "refrain: --rules is empty; " << command
        << " needs a rule file or directory\n";
    *code = kExitUsage;
    return nullptr;
  }
  return EngineFromPaths(paths, args, err, code);
}

std::unique_ptr<Engine> EngineFromPaths(const std::vector<std::string>& paths,
                                        const Args& args, std::ostream& err, int* code) {
  *code = kExitUsage;
  EngineOptions options;
  if (!CompileOptionsFromFlags(args, &options.compile, err) ||
      !ByteFlag(args, "max-sentence-bytes", &options.scan.max_sentence_bytes, err, "bytes",
                kMinSentenceBytes) ||
      !ByteFlag(args, "max-mentions-per-sentence", &options.scan.max_mentions_per_sentence,
                err, "mentions") ||
      !ByteFlag(args, "max-mentions-per-document", &options.scan.max_mentions_per_document,
                err, "mentions")) {
    return nullptr;
  }
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::unique_ptr<Engine>> engine =
      Engine::FromFiles(paths, options, &diagnostics);
  *code = ReportRules(engine.status(), diagnostics, err);
  return engine.ok() ? std::move(*engine) : nullptr;
}

int ThreadsFromFlags(const Args& args, std::ostream& err) {
  const std::string value = args.Get("threads", "1");
  int threads = 0;
  if (value == "auto") {
    threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  } else if (!absl::SimpleAtoi(value, &threads) || threads < 1 || threads > 256) {
    err << "refrain: --threads wants a number from 1 to 256 or auto, got '" << EscapeControls(value)
        << "'\n";
    return 0;
  }
  return threads;
}

bool OpenOutFlag(const Args& args, std::vector<std::string> inputs,
                 std::unique_ptr<OutputFile>* file, std::ostream& err) {
  if (!args.Has("out")) return true;
  for (absl::string_view rules : absl::StrSplit(args.Get("rules"), ',', absl::SkipEmpty())) {
    inputs.emplace_back(rules);
  }
  absl::StatusOr<std::unique_ptr<OutputFile>> opened =
      OutputFile::Create(args.Get("out"), inputs);
  if (!opened.ok()) {
    err << "refrain: " << EscapeControls(opened.status().message()) << "\n";
    return false;
  }
  *file = *std::move(opened);
  return true;
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
