// Word-level alignment of two phrasings of a claim, and the framing labels
// computed from it.
//
//   std::vector<AlignedToken> steps =
//       AlignTokens(Tokenize("china is vietnam's largest trading partner"),
//                   Tokenize("china is vietnam's biggest trading partner in asean"));
//   // EQUAL x3, SUBSTITUTE largest->biggest, EQUAL x2, INSERT in, INSERT asean
//   std::vector<FramingLabel> labels = LabelFraming(steps);
//   // SUPERLATIVE_CHANGED, QUALIFIER_ADDED
#ifndef REFRAIN_ENGINE_DIFF_ALIGNMENT_H_
#define REFRAIN_ENGINE_DIFF_ALIGNMENT_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace refrain {

// The key of a variant: lower case (ASCII), straight quotes, "-" for every
// dash, single spaces, no leading or trailing space.
std::string NormalizePhrasing(absl::string_view text);

// Splits a normalised phrasing into tokens: words (keeping inner
// apostrophes, hyphens and dots: "vietnam's", "china-vietnam", "u.s.") and
// punctuation at their edges. A ranking such as "no. 1" or "number one" is
// one token.
std::vector<std::string> Tokenize(absl::string_view phrasing);

// Aligns `variant` against `base` by a longest common subsequence of tokens
// (dynamic programming: O(n·m) time and memory for n and m tokens; claim
// phrasings are short). Deletions directly followed by insertions are
// paired into substitutions. Two phrasings too long for a table of
// `kMaxAlignmentCells` ((n+1)·(m+1)) are aligned in linear time instead: their
// common beginning and end are equal, all between is one run of changes.
inline constexpr size_t kMaxAlignmentCells = size_t{1} << 22;
std::vector<AlignedToken> AlignTokens(const std::vector<std::string>& base,
                                      const std::vector<std::string>& variant);

// The length of a longest common subsequence of `a` and `b`: the number of
// EQUAL steps of `AlignTokens(a, b)` wherever its table fits
// `kMaxAlignmentCells`, counted without the table or the steps. O(n·m)
// time, O(min(n, m)) memory.
size_t LongestCommonSubsequenceLength(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b);

// The framing labels of an alignment, each at most once, in enum order.
// Each run of changed words is labelled as a whole: a superlative or a
// number on both sides is SUPERLATIVE_CHANGED or NUMBER_CHANGED; a negation
// on one side only is NEGATION_CHANGED; a hedge on one side only is
// HEDGE_ADDED or HEDGE_DROPPED (one hedge for another is TERM_CHANGED);
// other words on both sides are TERM_CHANGED, on one side only
// QUALIFIER_ADDED or QUALIFIER_DROPPED. Punctuation carries no label.
std::vector<FramingLabel> LabelFraming(const std::vector<AlignedToken>& alignment);

// Walks an alignment as a word diff is read: calls `on_equal(step)` for
// each EQUAL step, and `on_change(dropped, added)` once for each run of
// other steps between them, with the base words the run drops (of its
// DELETE and SUBSTITUTE steps) and the variant words it adds (of its INSERT
// and SUBSTITUTE steps), each a `std::vector<absl::string_view>` in order,
// pointing into `steps`. Calls come in the order of the steps. `steps` is a
// range of `AlignedToken` (a `std::vector` or a `Variant`'s `alignment()`),
// or of anything else with its `op()`, `base()` and `variant()`.
template <typename Steps, typename OnEqual, typename OnChange>
void ForEachChangeRun(const Steps& steps, OnEqual on_equal, OnChange on_change) {
  std::vector<absl::string_view> dropped, added;
  auto end_run = [&]() {
    if (dropped.empty() && added.empty()) return;
    on_change(std::move(dropped), std::move(added));
    dropped.clear();  // moved from: valid, but not necessarily empty
    added.clear();
  };
  for (const auto& step : steps) {
    if (step.op() == AlignedToken::EQUAL) {
      end_run();
      on_equal(step);
      continue;
    }
    if (step.op() != AlignedToken::INSERT) dropped.push_back(step.base());
    if (step.op() != AlignedToken::DELETE) added.push_back(step.variant());
  }
  end_run();
}

}  // namespace refrain

#endif  // REFRAIN_ENGINE_DIFF_ALIGNMENT_H_
