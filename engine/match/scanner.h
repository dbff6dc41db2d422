// The scanner: finds every claim of a compiled rule set in a document and
// turns each hit into a `Mention` record.
//
//   absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Create(rules);
//   std::vector<Mention> mentions;
//   (*scanner)->Scan(document, &mentions);
//
// Compile once, match many: a literal prefilter in front of the claims.
// RE2's FilteredRE2 extracts from every pattern of every claim the literal
// words ("atoms") a match must contain; one RE2::Set of those literals finds
// which occur in a text, and the prefilter turns them into the few patterns
// that can match. A document in which no pattern can match costs one pass of
// the set over its bytes (MayMatch); only the sentences the prefilter flags
// are matched against the individual claims. Literal sets stay small and
// fast as claims grow, where one set of all the full patterns does not; but
// for rule sets of up to `ScanOptions::max_exact_patterns` patterns, one
// RE2::Set of the patterns (of a pattern with gaps, its segments without
// them) is as fast and names exactly the claims to match, so it is used
// instead. A Scanner is immutable after Create and safe to share across
// threads.
#ifndef REFRAIN_ENGINE_MATCH_SCANNER_H_
#define REFRAIN_ENGINE_MATCH_SCANNER_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/match/scan_options.h"
#include "engine/rules/compiled_rules.h"
#include "engine/text/sentence_splitter.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"
#include "re2/filtered_re2.h"
#include "re2/set.h"

namespace refrain {

// The pieces of `text` the scanner matches claims in: its sentences that
// are not debris, with those longer than `max_bytes` (at least
// kMinSentenceBytes) cut at whitespace into pieces of at most that size.
std::vector<Sentence> SentencePieces(absl::string_view text, size_t max_bytes);

// Of a sentence longer than the hit plus this many bytes on either side,
// a mention keeps only that window as its `sentence` (cut at character
// boundaries), so that its size does not grow with the sentence's.
inline constexpr size_t kContextBytes = 512;

// The window [from, to) of `sentence` kept around its span [begin, end):
// kContextBytes on either side, cut at character boundaries.
std::pair<size_t, size_t> ContextWindow(absl::string_view sentence,
                                        size_t begin, size_t end);

class Scanner {
 public:
  // Builds the prefilter over `rules` (the scanner shares ownership).
  // Returns ResourceExhausted when the literal set does not compile within
  // `options.max_set_memory`.
  static absl::StatusOr<std::unique_ptr<Scanner>> Create(
      std::shared_ptr<const CompiledRules> rules, const ScanOptions& options = {});

  // Appends the mentions of `document` to `out`, ordered by position, then
  // by claim order in the rule files. The text is matched in NFC (and
  // without diacritics when the rules were compiled to fold them), but every
  // offset, text and slot of a mention refers to the original bytes.
  // Sentences marked as debris ("READ MORE: ...") are not scanned. Returns
  // the number of hits not appended because they were beyond
  // `ScanOptions::max_mentions_per_sentence` or `max_mentions_per_document`
  // (the first ones in that order are kept). Thread-safe.
  size_t Scan(const Document& document, std::vector<Mention>* out) const;

  const CompiledRules& rules() const { return *rules_; }
  const ScanOptions& options() const { return options_; }

 private:
  // One claim, with its rule set.
  struct Entry {
    const CompiledClaim* claim;
    const CompiledRuleSet* rule_set;
    int claim_order;  // position among all claims, for ordering output
  };
  // One pattern: its claim (index into `entries_`), its index in the claim,
  // and how many regexes of the sets (its prefilter segments) must match.
  struct SetPattern {
    int entry;
    int index;
    int segments;
  };

  Scanner() = default;

  // Indices into `patterns_` of the patterns that may match `text`, in
  // order (so by claim): those all of whose prefilter segments match
  // somewhere in `text` (with the literal prefilter, a superset of them);
  // all of them when a set runs out of memory.
  std::vector<int> Candidates(absl::string_view text) const;

  // Whether some pattern may match somewhere in `text`: with the exact set,
  // whether any prefilter segment matches (the set stops at the first one:
  // on claim-dense text a document costs a few hundred bytes of it instead
  // of a whole pass); with the literal prefilter, whether Candidates has
  // any. Sentences are then asked for their Candidates.
  bool MayMatch(absl::string_view text) const;

  // The record of `hit` of `entry` in `sentence`, which begins at byte
  // `sentence_begin` of the document.
  static Mention MakeMention(const Document& document, const Entry& entry,
                             const ClaimMatch& hit, absl::string_view sentence,
                             size_t sentence_begin);

  std::shared_ptr<const CompiledRules> rules_;
  std::unique_ptr<RE2::Set> exact_;  // all full patterns, or null
  // Used when `exact_` is null: the literal prefilter and its literals.
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::unique_ptr<RE2::Set> atoms_;
  ScanOptions options_;  // max_sentence_bytes at least 256
  std::vector<Entry> entries_;         // one per claim, in rule order
  std::vector<SetPattern> patterns_;  // one per pattern, in rule order
  std::vector<int> segment_pattern_;  // set regex id -> index into patterns_
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_MATCH_SCANNER_H_
