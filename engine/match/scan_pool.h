// Scans documents on several threads and hands the results back in the
// order the documents were submitted, so output is the same for any number
// of threads.
//
//   ScanPool pool(scanner, /*threads=*/2, /*render=*/nullptr,
//                 [](ScanPool::Result result) { ... });
//   for (...) pool.Submit(std::move(doc));
//   pool.Finish();
//
// Work that does not need to be ordered runs in parallel: making the
// document (e.g. parsing a JSON line), scanning it, and rendering its
// mentions (e.g. as JSON). `done` runs on the thread that calls Submit or
// Finish, one document at a time, in submission order.
//
// `threads` counts the calling thread: the pool starts `threads - 1`
// workers, and the caller, instead of waiting for room, works on queued
// documents itself. (With a worker per core, the caller's reading would
// compete with them for a core.)
//
// Documents travel in batches (up to 64 documents or 1 MiB), so that the
// threads synchronise per batch rather than per document; at most
// `4 * threads` batches are in flight, so memory does not grow with the
// input. Submit, Finish and the destructor must be called from one thread.
#ifndef REFRAIN_ENGINE_MATCH_SCAN_POOL_H_
#define REFRAIN_ENGINE_MATCH_SCAN_POOL_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "engine/match/scanner.h"

namespace refrain {

class ScanPool {
 public:
  struct Result {
    absl::StatusOr<Document> document;  // the error of `make`, if it failed
    std::vector<Mention> mentions;
    size_t unrecorded = 0;  // hits beyond the mention limits (Scanner::Scan)
    std::string rendered;  // what `render` made of them
  };
  using Make = std::function<absl::StatusOr<Document>()>;
  using Render = std::function<std::string(const Document&, const std::vector<Mention>&)>;
  using Done = std::function<void(Result)>;

  // `threads` <= 1 works on the calling thread, with no worker threads.
  // `render` may be null.
  ScanPool(const Scanner& scanner, int threads, Render render, Done done);
  ~ScanPool();  // Finish()es.

  // Queues a document, or the making of one from about `bytes` of input;
  // may block until there is room, delivering finished documents meanwhile.
  void Submit(Document document);
  void Submit(Make make, size_t bytes);

  // Waits for every submitted document and delivers it.
  void Finish();

 private:
  struct Slot {
    std::vector<Make> makes;
    std::vector<Result> results;
    bool done = false;
  };

  // Makes, scans and renders one document.
  Result Process(Make& make) const;
  // Queues the batch being gathered.
  void Enqueue();
  // The oldest batch no thread has picked up, now picked up; null if none.
  Slot* Take() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Processes a batch from Take().
  void Run(Slot* slot) ABSL_LOCKS_EXCLUDED(mu_);
  // Works on a queued batch (unlocking meanwhile) if there is one, else
  // waits until the oldest batch in flight is done. Needs a batch in flight.
  void HelpOrWait() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Work();
  // Delivers finished documents in order; with `all`, waits for every one.
  void Deliver(bool all);

  const Scanner& scanner_;
  const int threads_;
  const size_t capacity_;
  Render render_;
  Done done_;
  std::vector<std::thread> workers_;

  absl::Mutex mu_;
  std::map<int64_t, Slot> slots_ ABSL_GUARDED_BY(mu_);  // in flight, by sequence
  std::deque<int64_t> todo_ ABSL_GUARDED_BY(mu_);        // not yet picked up
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  int64_t next_in_ = 0;  // sequence of the next batch
  std::vector<Make> batch_;  // being gathered by Submit
  size_t batch_bytes_ = 0;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_MATCH_SCAN_POOL_H_
