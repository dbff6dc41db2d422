#include "engine/pipeline/rescan.h"

#include <set>
#include <tuple>
#include <utility>

#include "engine/util/status_macros.h"

namespace refrain {
namespace {

constexpr size_t kExamples = 10;

// What identifies a mention across rescans.
using MentionKey = std::tuple<std::string, uint32_t, uint32_t>;
MentionKey KeyOf(const Mention& m) { return {m.claim_id(), m.begin(), m.end()}; }

// Counts in `*report` the mentions of one document that `now` has and
// `before` lacks (`*counts`, `*examples`); returns whether there were any.
bool CountMissing(const std::vector<Mention>& now, const std::vector<Mention>& before,
                  std::map<std::string, int>* counts, std::vector<Mention>* examples) {
  std::set<MentionKey> keys;
  for (const Mention& m : before) keys.insert(KeyOf(m));
  bool any = false;
  for (const Mention& m : now) {
    if (keys.count(KeyOf(m))) continue;
    any = true;
    ++(*counts)[m.claim_id()];
    if (examples->size() < kExamples) examples->push_back(m);
  }
  return any;
}

}  // namespace

absl::StatusOr<RescanReport> Rescan(const Engine& engine, ClaimStore* store, bool dry_run) {
  RescanReport report;
  RETURN_IF_ERROR(store->RewriteMentions(
      [&](const Document& document, std::vector<Mention>* mentions) -> absl::StatusOr<bool> {
        size_t unrecorded = 0;
        std::vector<Mention> rescanned = engine.Scan(document, &unrecorded);
        report.unrecorded += unrecorded;
        bool changed = mentions->size() != rescanned.size();
        changed |= CountMissing(rescanned, *mentions, &report.added, &report.added_examples);
        changed |= CountMissing(*mentions, rescanned, &report.removed, &report.removed_examples);
        ++report.documents;
        report.changed_documents += changed;
        report.old_mentions += static_cast<int64_t>(mentions->size());
        if (dry_run) return false;
        *mentions = std::move(rescanned);
        return true;
      }));
  return report;
}

}  // namespace refrain
