#include "engine/cli/scan_run.h"

#include <unistd.h>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/cli/cli_message.h"
#include "engine/cli/exit_code.h"
#include "engine/text/escape.h"

namespace refrain {

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
       << CliMessage(error) << "\n";
  return !strict_ && failed_.ok();
}

std::string UnrecordedNote(int64_t hits, const ScanOptions& options) {
  return absl::StrCat(hits, " hits not recorded: beyond ", options.max_mentions_per_sentence,
                      " mentions per sentence or ", options.max_mentions_per_document,
                      " per document (--max-mentions-per-sentence, "
                      "--max-mentions-per-document)");
}

absl::Status ScanRun::Run(const std::vector<std::string>& inputs, const ReadOptions& options) {
  const DocumentReader reader(options);  // outlives the parsing it hands out
  absl::Status status = reader.Read(inputs, this);
  pool_.Finish();
  if (stopped_) status = absl::CancelledError("stopped");
  ShowProgress(true);
  if (!failed_.ok()) return failed_;
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
  return skipped_ == 0 && limited_ == 0 ? absl::OkStatus() : ReportedFindings();
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

}  // namespace refrain
