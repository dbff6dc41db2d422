#include "engine/store/store_writer.h"

#include <algorithm>
#include <utility>

#include "engine/util/status_macros.h"

namespace refrain {

StoreWriter::StoreWriter(ClaimStore* store, Options options)
    : store_(store), options_(options), worker_([this] { Work(); }) {}

StoreWriter::~StoreWriter() { Finish().IgnoreError(); }

absl::Status StoreWriter::Add(Document document, std::vector<Mention> mentions,
                              std::string content_hash) {
  const size_t bytes = document.text().size();
  absl::MutexLock lock(&mu_);
  // Room, unless the queue is empty (a document larger than the queue
  // still goes through) or the writer has stopped.
  mu_.Await(absl::Condition(
      +[](StoreWriter* w) ABSL_EXCLUSIVE_LOCKS_REQUIRED(w->mu_) {
        return w->queue_.empty() ||
               (w->queued_bytes_ < w->options_.queue_bytes &&
                w->queue_.size() < w->options_.queue_documents) ||
               !w->status_.ok() || w->closing_;
      },
      this));
  if (!status_.ok()) return status_;
  if (closing_) return absl::FailedPreconditionError("StoreWriter::Add after Finish");
  queue_.push_back({std::move(document), std::move(mentions), std::move(content_hash)});
  queued_bytes_ += bytes;
  return absl::OkStatus();
}

absl::Status StoreWriter::Finish() {
  {
    absl::MutexLock lock(&mu_);
    closing_ = true;
  }
  if (worker_.joinable()) worker_.join();
  absl::MutexLock lock(&mu_);
  return status_;
}

absl::Status StoreWriter::Store(const Item& item) {
  if (!batch_.has_value()) {
    ASSIGN_OR_RETURN(ClaimStore::Batch batch, store_->StartBatch());
    batch_.emplace(std::move(batch));
  }
  ++in_batch_;
  ASSIGN_OR_RETURN(IngestOutcome outcome, store_->Ingest(item.document, item.mentions, item.content_hash));
  switch (outcome) {
    case IngestOutcome::kAdded: ++batch_counts_.added; break;
    case IngestOutcome::kReplaced: ++batch_counts_.replaced; break;
    case IngestOutcome::kUnchanged: ++batch_counts_.unchanged; break;
  }
  batch_bytes_ += item.document.text().size();
  if (in_batch_ < options_.batch_documents && batch_bytes_ < options_.batch_bytes) {
    return absl::OkStatus();
  }
  return Commit();
}

absl::Status StoreWriter::Commit() {
  in_batch_ = 0;
  batch_bytes_ = 0;
  absl::Status committed = batch_->Commit();
  batch_.reset();
  RETURN_IF_ERROR(committed);
  counts_.added += batch_counts_.added;
  counts_.replaced += batch_counts_.replaced;
  counts_.unchanged += batch_counts_.unchanged;
  batch_counts_ = Counts();
  return absl::OkStatus();
}

void StoreWriter::Work() {
  absl::Status status;
  std::vector<Item> items;
  while (status.ok()) {
    items.clear();
    {
      absl::MutexLock lock(&mu_);
      // Woken for a good number of documents at a time, not for each: on
      // this VM, waking the writer for every document cost a third of the
      // time of ingest's reading and scanning.
      mu_.Await(absl::Condition(
          +[](StoreWriter* w) ABSL_EXCLUSIVE_LOCKS_REQUIRED(w->mu_) {
            return w->queue_.size() >= std::min<size_t>(64, w->options_.queue_documents) ||
                   w->queued_bytes_ >= std::min<size_t>(1 << 20, w->options_.queue_bytes) ||
                   w->closing_;
          },
          this));
      if (queue_.empty()) break;  // closing, and all stored
      items.swap(queue_);  // everything queued, in one go
      queued_bytes_ = 0;
    }
    for (const Item& item : items) {
      status = Store(item);
      if (!status.ok()) break;
    }
  }
  // Commit the open batch: after an error, the documents before it (a
  // failed Ingest has undone its own document).
  if (batch_.has_value()) {
    absl::Status committed = Commit();
    if (status.ok()) status = committed;
  }
  absl::MutexLock lock(&mu_);
  status_ = status;
}

}  // namespace refrain
