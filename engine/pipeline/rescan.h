// Applies changed rules to the documents already in a claim store
// (`refrain ingest --rescan`), and reports the difference per claim.
//
//   absl::StatusOr<RescanReport> preview = Rescan(*engine, store, /*dry_run=*/true);
//   ... check preview->removed ...
//   absl::StatusOr<RescanReport> report = Rescan(*engine, store);
//
// The store only stores (ClaimStore::RewriteMentions); scanning, and what
// counts as the same mention across rule changes, live here.
#ifndef REFRAIN_ENGINE_PIPELINE_RESCAN_H_
#define REFRAIN_ENGINE_PIPELINE_RESCAN_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/engine.h"
#include "engine/store/claim_store.h"
#include "proto/claim.pb.h"

namespace refrain {

// Mentions that appeared and disappeared, per claim, when documents were
// scanned again with changed rules. A mention is the same across a rescan
// when its claim id and byte span are.
struct RescanReport {
  int documents = 0;
  int changed_documents = 0;
  int64_t old_mentions = 0;  // what the rescanned documents held before
  std::map<std::string, int> added;    // claim id -> mentions
  std::map<std::string, int> removed;  // claim id -> mentions
  int64_t unrecorded = 0;  // hits beyond the engine's mention limits
  // The first few (up to 10) of each change, for the rule author.
  std::vector<Mention> added_examples, removed_examples;
};

// Scans every stored document that has text again with `engine`, replacing
// its mentions (one transaction per document), and reports what appeared
// and disappeared. With `dry_run`, only reports: the store is left as it
// was. Errors are the store's (ClaimStore::RewriteMentions); after one, the
// documents before it stay rescanned. Uses `store` from this thread only.
absl::StatusOr<RescanReport> Rescan(const Engine& engine, ClaimStore* store,
                                    bool dry_run = false);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_PIPELINE_RESCAN_H_
