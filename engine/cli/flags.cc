#include "engine/cli/flags.h"

#include <unistd.h>

#include <algorithm>
#include <thread>

#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "engine/cli/cli.h"
#include "engine/text/date.h"
#include "engine/text/escape.h"

namespace refrain {

const std::set<std::string> kRuleValueFlags = {"max-pattern-memory"};
const std::set<std::string> kRuleBoolFlags = {"fold-diacritics"};
const std::set<std::string> kScanValueFlags = {
    "rules", "source", "threads", "max-document-bytes", "max-sentence-bytes",
    "max-mentions-per-sentence", "max-mentions-per-document", "max-pattern-memory"};
const std::set<std::string> kScanBoolFlags = {"strict", "fold-diacritics"};

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

bool ParseArgs(const std::vector<std::string>& argv, size_t first,
               const std::set<std::string>& value_flags,
               const std::set<std::string>& bool_flags, Args* args,
               std::ostream& err) {
  for (size_t i = first; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (!absl::StartsWith(arg, "--") || arg == "--") {
      if (arg != "--") args->positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    const size_t eq = name.find('=');
    const bool has_value = eq != std::string::npos;
    if (has_value) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (bool_flags.count(name) && !has_value) {
      args->flags[name] = "true";
    } else if (value_flags.count(name)) {
      if (!has_value) {
        if (i + 1 >= argv.size()) {
          err << "refrain: --" << EscapeControls(name) << " needs a value\n";
          return false;
        }
        value = argv[++i];
      }
      args->flags[name] = value;
    } else {
      err << "refrain: unknown flag --" << EscapeControls(name) << " (see 'refrain help')\n";
      return false;
    }
  }
  return true;
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


// Opens the store named by --db; prints why not and returns null, with the
// exit code in `*code`: usage errors (no --db, not a store) or 1 (damaged,
// unreadable).
std::unique_ptr<ClaimStore> OpenStore(const Args& args, bool create, std::ostream& err,
                                      int* code) {
  *code = kExitUsage;
  if (!args.Has("db")) {
    err << "refrain: needs --db=FILE (the claim store)\n";
    return nullptr;
  }
  StoreOptions options;
  options.create_if_missing = create;
  options.read_only = !create;
  if (args.Has("busy-timeout")) {
    double seconds;
    if (!absl::SimpleAtod(args.Get("busy-timeout"), &seconds) || seconds < 0) {
      err << "refrain: --busy-timeout wants seconds, got '"
          << EscapeControls(args.Get("busy-timeout"))
          << "'\n";
      return nullptr;
    }
    options.busy_timeout_ms = static_cast<int>(seconds * 1000);
  }
  absl::StatusOr<std::unique_ptr<ClaimStore>> store =
      ClaimStore::Open(args.Get("db"), options);
  if (!store.ok()) {
    err << "refrain: " << EscapeControls(store.status().message()) << "\n";
    if (!absl::IsNotFound(store.status()) && !absl::IsFailedPrecondition(store.status())) {
      *code = kExitFindings;
    }
    return nullptr;
  }
  *code = kExitOk;
  return std::move(*store);
}

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

ScanRun::ScanRun(const Engine& engine, int threads, bool strict, std::ostream& err,
                 Engine::Stream::Render render, Consumer consume)
    : engine_(engine),
      strict_(strict),
      err_(err),
      consume_(std::move(consume)),
      progress_(isatty(STDERR_FILENO)),
      start_(Clock::now()),
      pool_(engine, threads, std::move(render),
            [this](Engine::Stream::Result result) { Consume(std::move(result)); }) {}

void ScanRun::OnDocument(Document document, const std::string& place) {
  if (!failed_.ok()) return;
  bytes_ += document.text().size();
  Submitted(place, 0);
  pool_.Submit(std::move(document));
}

void ScanRun::Submitted(const std::string& path, int line) {
  if (paths_.empty() || paths_.back() != path) paths_.push_back(path);
  pending_.push_back({static_cast<uint32_t>(paths_.size() - 1), line});
}

std::string ScanRun::Describe(Place place) const {
  return place.line > 0 ? absl::StrCat(paths_[place.path], ":", place.line)
                        : paths_[place.path];
}

void ScanRun::CheckDuplicate(const std::string& id, Place place) {
  // The first million ids are remembered (at most about 50 MB); later ones
  // are checked against them only, so that memory stays bounded.
  constexpr size_t kMaxRemembered = 1000000;
  const uint64_t hash = absl::HashOf(id);
  auto it = first_read_.find(hash);
  if (it == first_read_.end()) {
    if (first_read_.size() < kMaxRemembered) first_read_.emplace(hash, place);
    return;
  }
  ShowProgress(true);
  err_ << "refrain: warning: " << EscapeControls(Describe(place)) << ": document id '"
       << EscapeControls(id) << "' was already read at "
       << EscapeControls(Describe(it->second))
       << " (in a store, the later replaces the earlier)\n";
}

bool ScanRun::OnJsonLine(const DocumentReader& reader, const std::string& path,
                         int line, std::string text) {
  if (!failed_.ok() || stopped_) return false;
  bytes_ += text.size();
  Submitted(path, line);
  const size_t size = text.size();
  pool_.Submit([&reader, path, line, text = std::move(text)]() {
    return reader.ParseJsonLine(path, line, text);
  }, size);
  return failed_.ok() && !stopped_;
}

void ScanRun::Consume(Engine::Stream::Result result) {
  const Place place = pending_.front();  // results come in submission order
  pending_.pop_front();
  if (!failed_.ok() || stopped_) return;
  if (!result.document.ok()) {
    stopped_ = !Skip(result.document.status());
    return;
  }
  CheckDuplicate(result.document->id(), place);
  ++documents_;
  if (result.unrecorded > 0) {
    ShowProgress(true);
    ++limited_;
    unrecorded_ += result.unrecorded;
    err_ << "refrain: " << EscapeControls(result.document->id()) << ": "
         << UnrecordedNote(result.unrecorded, engine_.scan_options()) << "\n";
  }
  for (const Mention& m : result.mentions) ++by_claim_[m.claim_id()];
  failed_ = consume_(*std::move(result.document), std::move(result.mentions),
                     std::move(result.rendered));
  ShowProgress(false);
}

bool ScanRun::OnSkipped(const absl::Status& error) {
  // Through the pool, so that it is reported after the documents read
  // before it, on any number of threads.
  if (!failed_.ok() || stopped_) return false;
  Submitted("", 0);
  pool_.Submit([error]() -> absl::StatusOr<Document> { return error; }, 0);
  return !strict_ && failed_.ok() && !stopped_;
}

bool ScanRun::Skip(const absl::Status& error) {
  ShowProgress(true);
  ++skipped_;
  err_ << (strict_ ? "refrain: error: " : "refrain: skipped: ")
       << EscapeControls(error.message()) << "\n";
  return !strict_ && failed_.ok();
}

absl::StatusOr<bool> MentionSource::Next(Mention* mention) {
  absl::StatusOr<bool> more = reader_.Next(mention);
  if (absl::Status limit = limited_.status(name_); !limit.ok()) return limit;
  return more;
}

std::string UnrecordedNote(int64_t hits, const ScanOptions& options) {
  return absl::StrCat(hits, " hits not recorded: beyond ", options.max_mentions_per_sentence,
                      " mentions per sentence or ", options.max_mentions_per_document,
                      " per document (--max-mentions-per-sentence, "
                      "--max-mentions-per-document)");
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

int ScanRun::Run(const std::vector<std::string>& inputs, const ReadOptions& options) {
  const DocumentReader reader(options);  // outlives the parsing it hands out
  absl::Status status = reader.Read(inputs, this);
  pool_.Finish();
  if (stopped_) status = absl::CancelledError("stopped");
  ShowProgress(true);
  if (!failed_.ok()) {
    err_ << "refrain: " << EscapeControls(failed_.message()) << "\n";
    return kExitFindings;
  }
  if (absl::IsCancelled(status)) {
    err_ << "refrain: stopped at the first bad input (--strict)\n";
  }
  int total = 0;
  for (const auto& [claim, n] : by_claim_) total += n;
  err_ << "refrain: " << documents_ << " documents scanned, " << skipped_
       << " skipped, " << total << " mentions";
  if (limited_ > 0) {
    err_ << ", " << unrecorded_ << " hits not recorded in " << limited_
         << " documents (mention limits)";
  }
  err_ << "\n";
  for (const auto& rule_set : engine_.rules().rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      auto it = by_claim_.find(claim.id());
      if (it != by_claim_.end()) {
        err_ << absl::StrFormat("  %-28s %d\n", claim.id(), it->second);
      }
    }
  }
  return skipped_ == 0 && limited_ == 0 ? kExitOk : kExitFindings;
}

// On a terminal, after the first second: "\rN documents, X MB" every
// quarter second; `clear` erases it before other output.
void ScanRun::ShowProgress(bool clear) {
  if (!progress_) return;
  const auto now = Clock::now();
  if (clear) {
    if (shown_) err_ << "\r\033[K" << std::flush;
    shown_ = false;
    return;
  }
  if (now - start_ < std::chrono::seconds(1) ||
      now - last_ < std::chrono::milliseconds(250)) {
    return;
  }
  last_ = now;
  shown_ = true;
  err_ << absl::StrFormat("\rrefrain: %d documents, %.1f MB", documents_, bytes_ / 1e6)
       << std::flush;
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
