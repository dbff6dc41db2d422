// Compiled rule sets: immutable, and safe to share across threads.
//
// Built by `CompileRules` (rule_compiler.h). Every method is const and
// thread-safe; a `CompiledRules` outlives any number of concurrent scans.
//
//   std::vector<ClaimMatch> hits;
//   rules->FindClaim("largest_trading_partner")->Match(sentence, &hits);
#ifndef REFRAIN_ENGINE_RULES_COMPILED_RULES_H_
#define REFRAIN_ENGINE_RULES_COMPILED_RULES_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "engine/rules/rule_loader.h"
#include "engine/text/normalizer.h"
#include "proto/rule.pb.h"
#include "re2/re2.h"

namespace refrain {

// One hit of a claim in a sentence.
struct ClaimMatch {
  size_t begin = 0;  // byte offsets into the sentence, begin < end
  size_t end = 0;
  int pattern_index = 0;  // into `Claim.pattern`
  // Named captures that took part: name -> [begin, end) in the sentence.
  std::map<std::string, std::pair<size_t, size_t>> slots;

  // The text of each slot, taken from `sentence` (the text matched).
  std::map<std::string, std::string> SlotTexts(absl::string_view sentence) const;

  // Rewrites the span and slots, found in the sentence at byte `base` of
  // `normalized.text()`, as spans of the original text counted from
  // `original_base` (NormalizedText::MapSpan).
  void MapToOriginal(const NormalizedText& normalized, size_t base,
                     size_t original_base);
};

// A regex compiled the first time it is needed, once, from any thread.
class LazyRegex {
 public:
  LazyRegex(std::string source, const RE2::Options& options)
      : source_(std::move(source)), options_(options) {}

  // The regex, or null when it does not compile.
  const RE2* get() const;

 private:
  const std::string source_;
  const RE2::Options options_;
  mutable absl::once_flag once_;
  mutable std::unique_ptr<const RE2> re_;  // null until get(), or if broken
};

// One compiled claim.
class CompiledClaim {
 public:
  // One compiled pattern of the claim. `regex` is the translated RE2 source.
  struct Pattern {
    std::string regex;
    std::unique_ptr<const RE2> re2;
    // The slot each named group fills: (slot name, group index).
    std::vector<std::pair<std::string, int>> slots;
    // For a pattern with gaps: the same with lazy gaps, matched
    // leftmost-first from a hit's start to pull in its end
    // (TranslatedPattern::shortest), compiled at its first use: most
    // patterns never hit in a day's articles. Null otherwise.
    std::unique_ptr<const LazyRegex> shortest;
    // Regexes a text must all match for this pattern to match: `regex`, or
    // for a pattern with gaps the segments without them
    // (TranslatedPattern::prefilter).
    std::vector<std::string> prefilter;
  };

  // The patterns of each kind, as in `Claim`.
  struct Patterns {
    std::vector<Pattern> pattern;
    std::vector<Pattern> exclude;
    std::vector<Pattern> exclude_overlap;
    std::vector<Pattern> require;
    std::vector<Pattern> anchor;  // for near-miss discovery only
  };

  CompiledClaim(const Claim* claim, int index, Patterns patterns)
      : claim_(claim), index_(index), patterns_(std::move(patterns)) {}

  const std::string& id() const { return claim_->id(); }
  const Claim& claim() const { return *claim_; }
  // Position of the claim in its `RuleSet.claim`.
  int index() const { return index_; }
  const Patterns& patterns() const { return patterns_; }

  // Appends to `out` the claim's hits in `sentence`, ordered by `begin`.
  // Patterns match leftmost-longest, and a hit must start and end at word
  // boundaries: a match that starts inside a word is skipped, one that ends
  // inside a word is cut back to the longest match ending at a boundary. Overlapping hits of different patterns
  // collapse into the earliest, longest one. Nothing is appended when an
  // `exclude` pattern matches anywhere in the sentence, or when there are
  // `require` patterns and none matches; a hit that an `exclude_overlap`
  // match overlaps is dropped. Cost: one RE2 search per pattern per hit,
  // plus one per exclusion and requirement, and one per word in which a
  // match starts; for a pattern with gaps, up to six anchored searches of
  // each hit's span (its closest part, TranslatedPattern::shortest); then
  // one anchored search with captures per hit kept (captures are the
  // costly part: hits dropped as overlapping or vetoed skip it); linear
  // in the sentence for patterns whose matches span a bounded number of
  // words (tests/cli/linear_time_test.sh).
  // With `only`, just those patterns (indices, ascending) are tried: the
  // others are known not to match.
  void Match(absl::string_view sentence, std::vector<ClaimMatch>* out,
             const std::vector<int>* only = nullptr) const;

  // Appends to `out` every match of the claim's `anchor` patterns in
  // `sentence`, at word boundaries as in Match (each anchor's matches do
  // not overlap one another), ordered by `begin`, then anchor; `slots` are
  // empty and `pattern_index` is the index into `Claim.anchor`. Exclusions
  // and requirements do not apply. Cost: one RE2 search per anchor per
  // match.
  void FindAnchors(absl::string_view sentence, std::vector<ClaimMatch>* out) const;

 private:
  const Claim* claim_;  // owned by the enclosing CompiledRuleSet
  int index_;
  Patterns patterns_;
};

// One compiled rule file.
class CompiledRuleSet {
 public:
  CompiledRuleSet(std::unique_ptr<RuleFile> source, std::string fingerprint)
      : source_(std::move(source)), fingerprint_(std::move(fingerprint)) {}

  const std::string& name() const { return source_->rule_set.name(); }
  const std::string& version() const { return source_->rule_set.version(); }
  // 16 hex digits identifying this exact rule set (see Mention).
  const std::string& fingerprint() const { return fingerprint_; }
  // The file it was compiled from, with field locations.
  const RuleFile& source() const { return *source_; }
  // In the order they are written.
  const std::vector<CompiledClaim>& claims() const { return claims_; }

 private:
  friend class RuleCompiler;
  std::unique_ptr<RuleFile> source_;
  std::string fingerprint_;
  std::vector<CompiledClaim> claims_;
};

// Every rule set loaded together; claim ids are unique across them.
class CompiledRules {
 public:
  const std::vector<std::unique_ptr<CompiledRuleSet>>& rule_sets() const {
    return rule_sets_;
  }
  // The claim with this id, or null.
  const CompiledClaim* FindClaim(absl::string_view id) const;
  int claim_count() const { return static_cast<int>(by_id_.size()); }

  // Whether patterns were compiled with diacritics folded, so that text
  // must be folded too (CompileOptions::fold_diacritics).
  bool fold_diacritics() const { return fold_diacritics_; }

  // Matches `claim` in `sentence` after normalising it as these rules
  // require (see NormalizedText); the spans in `out` refer to `sentence`.
  void MatchNormalized(const CompiledClaim& claim, absl::string_view sentence,
                       std::vector<ClaimMatch>* out) const;

 private:
  friend class RuleCompiler;
  bool fold_diacritics_ = false;
  std::vector<std::unique_ptr<CompiledRuleSet>> rule_sets_;
  absl::flat_hash_map<std::string, const CompiledClaim*> by_id_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_RULES_COMPILED_RULES_H_
