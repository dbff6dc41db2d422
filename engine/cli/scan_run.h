// The scan pipeline of the commands that scan (scan, ingest): read inputs,
// scan them on a pool of threads, hand each document with its mentions to a
// consumer in input order, report skipped inputs and a summary, with a
// progress line on a terminal.
#ifndef REFRAIN_ENGINE_CLI_SCAN_RUN_H_
#define REFRAIN_ENGINE_CLI_SCAN_RUN_H_

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "engine/engine.h"
#include "engine/text/document_reader.h"

namespace refrain {

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

  // Reads `inputs` with `options`. Returns OK when every input was scanned;
  // ReportedFindings (exit_code.h) when some were skipped or had hits beyond
  // the mention limits, each reported as it was met; the error of `consume`
  // when it failed (not printed, and the run ended without a summary).
  absl::Status Run(const std::vector<std::string>& inputs, const ReadOptions& options);

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

// "N hits not recorded: beyond ..." for hits over the mention limits of
// `options`, naming the flags that raise them.
std::string UnrecordedNote(int64_t hits, const ScanOptions& options);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_SCAN_RUN_H_
