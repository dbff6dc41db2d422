// Stores documents in a ClaimStore on a thread of its own, committing them
// in batches, so that reading and scanning the next documents overlaps
// writing the last ones (an SQLite store takes one writer at a time).
//
//   StoreWriter writer(store.get(), StoreWriter::Options());
//   for (...) {
//     std::string hash = ContentHash(document);  // on any thread
//     if (!writer.Add(std::move(document), std::move(mentions), hash).ok()) break;
//   }
//   absl::Status status = writer.Finish();  // then writer.counts()
//
// Each document is atomic, as with ClaimStore::Ingest; a batch (up to
// `batch_documents` documents or `batch_bytes` of text) is one transaction.
// After an error the writer commits the documents stored before it, stores
// nothing more, and Add and Finish return that error.
//
// Add, Finish and the destructor must be called from one thread, and the
// store must not be used otherwise until Finish returns.
#ifndef REFRAIN_ENGINE_STORE_STORE_WRITER_H_
#define REFRAIN_ENGINE_STORE_STORE_WRITER_H_

#include <cstdint>
#include <optional>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "engine/store/claim_store.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"

namespace refrain {

class StoreWriter {
 public:
  struct Options {
    int batch_documents = 1000;
    size_t batch_bytes = 16 << 20;
    // How much may wait for the writer (text, and documents); Add blocks
    // beyond either.
    size_t queue_bytes = 32 << 20;
    size_t queue_documents = 10000;
  };
  struct Counts {
    int64_t added = 0, replaced = 0, unchanged = 0;
  };

  StoreWriter(ClaimStore* store, Options options);
  ~StoreWriter();  // Finish()es.

  // Queues a document, its mentions and its ContentHash (which callers
  // compute, so that it can be computed on scanning threads); blocks while
  // the queue is full. Returns the writer's error, if it has failed (the
  // document is dropped).
  absl::Status Add(Document document, std::vector<Mention> mentions,
                   std::string content_hash);

  // Stores everything queued, commits, and stops the thread. Returns the
  // first error. Calling it again returns the same.
  absl::Status Finish();

  // What was committed. After Finish.
  const Counts& counts() const { return counts_; }

 private:
  struct Item {
    Document document;
    std::vector<Mention> mentions;
    std::string content_hash;
  };

  void Work();
  // Stores one document, opening and committing batches as needed.
  absl::Status Store(const Item& item);
  // Commits the open batch and counts its documents.
  absl::Status Commit();

  ClaimStore* const store_;
  const Options options_;
  // Only the worker touches these (until Finish has joined it).
  std::optional<ClaimStore::Batch> batch_;  // the open batch, if any
  int in_batch_ = 0;
  size_t batch_bytes_ = 0;
  Counts batch_counts_;  // of the open batch
  Counts counts_;        // committed

  absl::Mutex mu_;
  std::vector<Item> queue_ ABSL_GUARDED_BY(mu_);
  size_t queued_bytes_ ABSL_GUARDED_BY(mu_) = 0;
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status status_ ABSL_GUARDED_BY(mu_);
  std::thread worker_;  // last: it uses the members above
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_STORE_STORE_WRITER_H_
