// Near-miss discovery: the sentences that contain a claim's anchors — its
// key concepts, `Claim.anchor` — but match none of its patterns. They are
// where an analyst looks for phrasings the rules do not know yet
// (`refrain suggest`, docs/suggest.md); `refrain eval` reports which misses
// they surface.
//
//   NearMissFinder finder(engine->rules());
//   std::vector<NearMiss> near_misses;
//   finder.Find(document, &near_misses);          // for each document
//   std::vector<NearMissGroup> groups = GroupNearMisses(engine->rules(), near_misses);
//
// A sentence is a near miss of a claim when it matches at least
// `min_anchors` different anchors of the claim (all of them, for a claim
// with fewer) and the claim has no hit in it. Sentences are the pieces the
// scanner matches (SentencePieces: no debris, long sentences cut), in the
// same normalised text, so "no hit" means exactly what `refrain scan`
// would record. Claims without anchors are skipped.
#ifndef REFRAIN_ENGINE_SUGGEST_NEAR_MISS_H_
#define REFRAIN_ENGINE_SUGGEST_NEAR_MISS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/rules/compiled_rules.h"
#include "proto/document.pb.h"
#include "proto/suggest.pb.h"
#include "re2/set.h"

namespace refrain {

struct NearMissOptions {
  // Different anchors of a claim a sentence must match (at least 1; a
  // claim with fewer anchors needs all of its own). Default: 2, since one
  // concept alone ("trading partner", "South China Sea") is everywhere.
  int min_anchors = 2;
  // Sentences longer than this are matched in pieces, as by the scanner
  // (ScanOptions::max_sentence_bytes).
  size_t max_sentence_bytes = 64 << 10;
};

class NearMissFinder {
 public:
  // `rules` must outlive the finder.
  explicit NearMissFinder(const CompiledRules& rules, const NearMissOptions& options = {});

  // The claims that have no anchors, in rule order: near-miss discovery
  // skips them.
  const std::vector<const CompiledClaim*>& skipped() const { return skipped_; }

  // Appends the near misses of `document` to `out`, by sentence, then in
  // claim order. Thread-safe.
  void Find(const Document& document, std::vector<NearMiss>* out) const;

 private:
  struct ClaimAnchors {
    const CompiledClaim* claim;
    int needed;  // distinct anchors a near miss must match
  };

  const CompiledRules& rules_;
  NearMissOptions options_;
  std::vector<ClaimAnchors> claims_;  // those with anchors, in rule order
  std::vector<const CompiledClaim*> skipped_;
  // Every anchor of every claim, to find in one pass which claims a
  // sentence may be a near miss of; `owner_[i]` is the index into `claims_`
  // of set entry i. Null when the set does not compile (every claim is
  // then tried).
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> owner_;
};

// Groups `near_misses` by claim and phrasing: claims in rule order, groups
// ranked within their claim (see NearMissGroup.rank), sentences in the order
// given.
std::vector<NearMissGroup> GroupNearMisses(const CompiledRules& rules,
                                           const std::vector<NearMiss>& near_misses);

// The phrasing key of `text` (see NearMiss.phrasing): the claim-diff
// report's NormalizePhrasing (lower case, straight quotes, "-" for dashes,
// single spaces) with each run of digits as "0"; beyond kMaxPhrasingBytes
// cut at a character boundary and ended with "…" (anchors far apart in a
// long sentence would otherwise make a key as long as the sentence).
inline constexpr size_t kMaxPhrasingBytes = 300;
std::string NearMissPhrasing(absl::string_view text);

// The sentence of `near_miss` for a terminal: each anchor match (overlapping
// ones merged) between `open` and `close`, control characters escaped
// (EscapeControls), runs of whitespace (line breaks included) as one space.
std::string HighlightAnchors(const NearMiss& near_miss, absl::string_view open,
                             absl::string_view close);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_SUGGEST_NEAR_MISS_H_
