#include "engine/match/scan_pool.h"

#include <utility>

namespace refrain {

ScanPool::ScanPool(const Scanner& scanner, int threads, Render render, Done done)
    : scanner_(scanner),
      threads_(threads),
      capacity_(4 * static_cast<size_t>(threads > 1 ? threads : 1)),
      render_(std::move(render)),
      done_(std::move(done)) {
  for (int i = 1; i < threads_; ++i) {
    workers_.emplace_back([this] { Work(); });
  }
}

ScanPool::~ScanPool() {
  Finish();
  {
    absl::MutexLock lock(&mu_);
    closing_ = true;
  }
  for (std::thread& t : workers_) t.join();
}

ScanPool::Result ScanPool::Process(Make& make) const {
  Result result{make(), {}, 0, {}};
  if (result.document.ok()) {
    result.unrecorded = scanner_.Scan(*result.document, &result.mentions);
    if (render_) result.rendered = render_(*result.document, result.mentions);
  }
  return result;
}

void ScanPool::Submit(Document document) {
  const size_t bytes = document.text().size();
  Submit(
      [document = std::move(document)]() mutable -> absl::StatusOr<Document> {
        return std::move(document);
      },
      bytes);
}

void ScanPool::Submit(Make make, size_t bytes) {
  if (threads_ <= 1) {
    done_(Process(make));
    return;
  }
  constexpr size_t kBatchDocuments = 64, kBatchBytes = 1 << 20;
  batch_.push_back(std::move(make));
  batch_bytes_ += bytes;
  if (batch_.size() >= kBatchDocuments || batch_bytes_ >= kBatchBytes) Enqueue();
}

void ScanPool::Enqueue() {
  if (batch_.empty()) return;
  while (true) {
    Deliver(/*all=*/false);
    absl::MutexLock lock(&mu_);
    if (slots_.size() < capacity_) {
      const int64_t seq = next_in_++;
      slots_[seq].makes = std::move(batch_);
      todo_.push_back(seq);
      break;
    }
    HelpOrWait();  // full: the oldest batch is not done yet
  }
  batch_.clear();
  batch_bytes_ = 0;
}

void ScanPool::HelpOrWait() {
  if (Slot* slot = Take()) {
    mu_.Unlock();
    Run(slot);
    mu_.Lock();
    return;
  }
  mu_.Await(absl::Condition(
      +[](ScanPool* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
        return p->slots_.begin()->second.done;
      },
      this));
}

ScanPool::Slot* ScanPool::Take() {
  if (todo_.empty()) return nullptr;
  Slot* slot = &slots_[todo_.front()];  // map nodes do not move
  todo_.pop_front();
  return slot;
}

void ScanPool::Run(Slot* slot) {
  std::vector<Result> results;
  results.reserve(slot->makes.size());
  for (Make& make : slot->makes) results.push_back(Process(make));
  absl::MutexLock lock(&mu_);
  slot->results = std::move(results);
  slot->done = true;
}

void ScanPool::Deliver(bool all) {
  while (true) {
    Slot slot;
    {
      absl::MutexLock lock(&mu_);
      if (slots_.empty()) return;
      auto it = slots_.begin();  // the oldest batch
      if (!it->second.done) {
        if (!all) return;
        HelpOrWait();
        continue;
      }
      slot = std::move(it->second);
      slots_.erase(it);
    }
    for (Result& result : slot.results) done_(std::move(result));
  }
}

void ScanPool::Finish() {
  if (threads_ <= 1) return;
  Enqueue();
  Deliver(/*all=*/true);
}

void ScanPool::Work() {
  while (true) {
    Slot* slot;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](ScanPool* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
            return p->closing_ || !p->todo_.empty();
          },
          this));
      slot = Take();
      if (slot == nullptr) return;  // closing
    }
    Run(slot);
  }
}

}  // namespace refrain
