// Command-line plumbing shared by refrain's commands: flags, loading rules
// with their diagnostics printed, and scanning inputs with a summary.
#ifndef REFRAIN_ENGINE_CLI_FLAGS_H_
#define REFRAIN_ENGINE_CLI_FLAGS_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "engine/engine.h"
#include "engine/rules/rule_compiler.h"
#include "engine/store/claim_store.h"
#include "engine/store/mention_stream.h"
#include "engine/text/document_reader.h"
#include "engine/util/file_util.h"

namespace refrain {

// The flags and positional arguments of one command.
struct Args {
  std::map<std::string, std::string> flags;
  std::vector<std::string> positional;

  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
  // The flag's value, or `fallback` when it was not given.
  std::string Get(const std::string& flag, const std::string& fallback = "") const {
    auto it = flags.find(flag);
    return it == flags.end() ? fallback : it->second;
  }
};

// Parses `argv[first...]`. `value_flags` take a value (`--name=value` or
// `--name value`), `bool_flags` do not. Prints what is wrong and returns
// false on an unknown flag or a missing value.
bool ParseArgs(const std::vector<std::string>& argv, size_t first,
               const std::set<std::string>& value_flags,
               const std::set<std::string>& bool_flags, Args* args,
               std::ostream& err);

// The flags every command that compiles rules accepts.
extern const std::set<std::string> kRuleValueFlags;  // --max-pattern-memory
extern const std::set<std::string> kRuleBoolFlags;   // --fold-diacritics


// The flags of the commands that scan (scan, ingest): --rules, --source,
// --threads, --strict, the limits and the rule flags.
extern const std::set<std::string> kScanValueFlags;
extern const std::set<std::string> kScanBoolFlags;

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

// Opens the claim store named by --db (and --busy-timeout): with `create`
// (the commands that write) creating it when missing, otherwise for
// reading only. On failure,
// prints why and returns null with the exit code in `*code`: a usage error
// when there is no --db or it is not a store, 1 when it is damaged or
// unreadable.
std::unique_ptr<ClaimStore> OpenStore(const Args& args, bool create, std::ostream& err,
                                      int* code);

// The mention filter of --claim, --source, --since and --until. Prints
// what is wrong and returns false when a date is not YYYY, YYYY-MM or
// YYYY-MM-DD.
bool ParseMentionQuery(const Args& args, MentionQuery* query, std::ostream& err);

// Reads inputs, scans each document (on `threads` threads) and hands it with
// its mentions to `consume`, in input order; reports skipped inputs and, at
// the end, a summary (documents, skipped, mentions per claim) on `err`,
// with a progress line on a terminal.
class ScanRun : public DocumentSink {
 public:
  // Receives each document with its mentions and what `render` (run on the
  // scanning threads; may be null) made of them, to keep or drop.
  using Consumer = std::function<absl::Status(Document, std::vector<Mention>,
                                              std::string rendered)>;

  ScanRun(const Engine& engine, int threads, bool strict, std::ostream& err,
          Engine::Stream::Render render, Consumer consume);

  // Reads `inputs` with `options`. Returns the exit code: 0 when every input
  // was scanned, 1 when some were skipped, had hits beyond the mention
  // limits, or `consume` failed.
  int Run(const std::vector<std::string>& inputs, const ReadOptions& options);

  // Whether --strict stopped the run at a bad input, before its end.
  bool stopped() const { return stopped_; }

  void OnDocument(Document document, const std::string& place) override;
  // Reported in input order, after the documents read before it.
  bool OnSkipped(const absl::Status& error) override;
  // Parses JSON lines on the scanning threads too.
  bool OnJsonLine(const DocumentReader& reader, const std::string& path, int line,
                  std::string text) override;

 private:
  using Clock = std::chrono::steady_clock;
  // Where a document was read: `paths_[path]`, and its line (0 for none).
  struct Place {
    uint32_t path;
    int line;
  };
  void ShowProgress(bool clear);
  void Consume(Engine::Stream::Result result);
  // Reports a skipped input; returns whether to go on.
  bool Skip(const absl::Status& error);
  // Notes that the next document submitted was read at `path`:`line`.
  void Submitted(const std::string& path, int line);
  std::string Describe(Place place) const;
  // Warns when `id`, read at `place`, was already read in this run (in a
  // store the later would silently replace the earlier).
  void CheckDuplicate(const std::string& id, Place place);

  const Engine& engine_;
  const bool strict_;
  std::ostream& err_;
  Consumer consume_;
  const bool progress_;
  const Clock::time_point start_;
  Clock::time_point last_;
  bool shown_ = false;
  std::map<std::string, int> by_claim_;
  int64_t documents_ = 0, skipped_ = 0, bytes_ = 0;
  int64_t limited_ = 0, unrecorded_ = 0;  // documents over the mention limits
  // The places of documents submitted and not yet consumed, in order, and
  // where each document id was first read, by a 64-bit hash of the id
  // (16 bytes per document rather than its id and place).
  std::vector<std::string> paths_;
  std::deque<Place> pending_;
  absl::flat_hash_map<uint64_t, Place> first_read_;
  absl::Status failed_;
  bool stopped_ = false;  // --strict met a bad input on a scanning thread
  Engine::Stream pool_;  // last: its workers use the members above
};

// Largest JSON line of a mention stream, in bytes: 256 MiB (a record holds
// its sentence, at most --max-sentence-bytes, 64 KiB by default).
inline constexpr size_t kMaxMentionLineBytes = 256 << 20;

// The records of a mention stream (import, diff --mentions): a
// MentionReader whose JSON lines are limited to kMaxMentionLineBytes as they
// are read, so an endless line ends with an error instead of filling memory.
class MentionSource {
 public:
  // Reads `format` from `in`, which it does not own; `name` names it in
  // messages.
  MentionSource(std::istream* in, MentionFormat format, const std::string& name)
      : limited_(in->rdbuf(), kMaxMentionLineBytes),
        limited_in_(&limited_),
        reader_(&limited_in_, format, name),
        name_(name) {}

  // MentionReader::Next, or OutOfRange ("name:line: line exceeds the limit
  // of N bytes").
  absl::StatusOr<bool> Next(Mention* mention);

 private:
  LineLimitedBuffer limited_;
  std::istream limited_in_;
  MentionReader reader_;
  const std::string name_;
};

// "N hits not recorded: beyond ..." for hits over the mention limits of
// `options`, naming the flags that raise them.
std::string UnrecordedNote(int64_t hits, const ScanOptions& options);

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

#endif  // REFRAIN_ENGINE_CLI_FLAGS_H_
