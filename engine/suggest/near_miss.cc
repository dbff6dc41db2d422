#include "engine/suggest/near_miss.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "engine/diff/alignment.h"
#include "engine/match/scanner.h"
#include "engine/text/escape.h"
#include "engine/text/normalizer.h"
#include "engine/text/utf8.h"

namespace refrain {
NearMissFinder::NearMissFinder(const CompiledRules& rules, const NearMissOptions& options)
    : rules_(rules), options_(options) {
  options_.min_anchors = std::max(options_.min_anchors, 1);
  RE2::Options re2_options;
  re2_options.set_case_sensitive(false);
  re2_options.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(re2_options, RE2::UNANCHORED);
  for (const auto& rule_set : rules.rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      const std::vector<CompiledClaim::Pattern>& anchors = claim.patterns().anchor;
      if (anchors.empty()) {
        skipped_.push_back(&claim);
        continue;
      }
      for (const CompiledClaim::Pattern& anchor : anchors) {
        set->Add(anchor.regex, nullptr);
        owner_.push_back(static_cast<int>(claims_.size()));
      }
      claims_.push_back(
          {&claim, std::min(options_.min_anchors, static_cast<int>(anchors.size()))});
    }
  }
  if (!claims_.empty() && set->Compile()) set_ = std::move(set);
}

namespace {

// The number of distinct anchors among `anchors` (sorted by start, of a
// claim with `patterns` anchor patterns), on separate words: one span
// matched by two anchors ("no force" by "forces?" and "no (?:force...)")
// counts once.
int DistinctAnchors(const std::vector<ClaimMatch>& anchors, size_t patterns) {
  std::vector<bool> seen(patterns);
  int distinct = 0;
  size_t counted_end = 0;
  for (const ClaimMatch& a : anchors) {
    if (seen[a.pattern_index] || a.begin < counted_end) continue;
    seen[a.pattern_index] = true;
    counted_end = a.end;
    ++distinct;
  }
  return distinct;
}

// The near miss of `claim` in sentence `s` of `normalized` (the text of
// `document`), with its `anchors` (offsets in the sentence), `distinct` of
// them distinct: offsets, anchors and sentence in the original text.
NearMiss MakeNearMiss(const Document& document, const NormalizedText& normalized,
                      const Sentence& s, const CompiledClaim& claim,
                      const std::vector<ClaimMatch>& anchors, int distinct) {
  const absl::string_view original = document.text();
  NearMiss near_miss;
  near_miss.set_claim_id(claim.id());
  near_miss.set_doc_id(document.id());
  near_miss.set_source(document.source());
  near_miss.set_date(document.date());
  size_t first = std::string::npos, last = 0;
  for (const ClaimMatch& a : anchors) {
    const auto [begin, end] = normalized.ToOriginal(s.begin + a.begin, s.begin + a.end);
    NearMiss::Anchor* anchor = near_miss.add_anchor();
    anchor->set_index(static_cast<uint32_t>(a.pattern_index));
    anchor->set_begin(static_cast<uint32_t>(begin));
    anchor->set_end(static_cast<uint32_t>(end));
    anchor->set_text(std::string(original.substr(begin, end - begin)));
    first = std::min(first, begin);
    last = std::max(last, end);
  }
  near_miss.set_distinct_anchors(static_cast<uint32_t>(distinct));
  near_miss.set_phrasing(NearMissPhrasing(original.substr(first, last - first)));
  // The sentence, or of a long one the part around its anchors.
  const auto [sentence_begin, sentence_end] = normalized.ToOriginal(s.begin, s.end);
  const absl::string_view whole = original.substr(sentence_begin, sentence_end - sentence_begin);
  const auto [from, to] = ContextWindow(whole, first - sentence_begin, last - sentence_begin);
  near_miss.set_sentence_begin(static_cast<uint32_t>(sentence_begin + from));
  near_miss.set_sentence(std::string(whole.substr(from, to - from)));
  return near_miss;
}

}  // namespace

void NearMissFinder::Find(const Document& document, std::vector<NearMiss>* out) const {
  if (claims_.empty()) return;
  const NormalizedText normalized =
      NormalizedText::Make(document.text(), rules_.fold_diacritics());
  const absl::string_view text = normalized.text();

  std::vector<int> matched;  // set entries found in a sentence
  std::vector<int> candidates(claims_.size());  // distinct set entries per claim
  std::vector<ClaimMatch> anchors, hits;
  for (const Sentence& s : SentencePieces(text, options_.max_sentence_bytes)) {
    const absl::string_view sentence = text.substr(s.begin, s.end - s.begin);
    std::fill(candidates.begin(), candidates.end(), 0);
    matched.clear();
    RE2::Set::ErrorInfo info;
    if (set_ != nullptr &&
        (set_->Match(re2::StringPiece(sentence.data(), sentence.size()), &matched, &info) ||
         info.kind == RE2::Set::kNoError)) {
      for (int entry : matched) ++candidates[owner_[entry]];
    } else {
      for (size_t c = 0; c < claims_.size(); ++c) candidates[c] = claims_[c].needed;
    }
    for (size_t c = 0; c < claims_.size(); ++c) {
      const ClaimAnchors& claim = claims_[c];
      if (candidates[c] < claim.needed) continue;
      anchors.clear();
      claim.claim->FindAnchors(sentence, &anchors);
      const int distinct =
          DistinctAnchors(anchors, claim.claim->patterns().anchor.size());
      if (distinct < claim.needed) continue;
      hits.clear();
      claim.claim->Match(sentence, &hits);
      if (!hits.empty()) continue;
      out->push_back(MakeNearMiss(document, normalized, s, *claim.claim, anchors, distinct));
    }
  }
}

std::vector<NearMissGroup> GroupNearMisses(const CompiledRules& rules,
                                           const std::vector<NearMiss>& near_misses) {
  std::map<std::string, int> claim_order;
  for (const auto& rule_set : rules.rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      claim_order.emplace(claim.id(), static_cast<int>(claim_order.size()));
    }
  }
  // Groups in order of first appearance, keyed by claim and phrasing.
  std::vector<NearMissGroup> groups;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const NearMiss& n : near_misses) {
    auto [it, added] = index.try_emplace({n.claim_id(), n.phrasing()}, groups.size());
    if (added) {
      groups.emplace_back();
      groups.back().set_claim_id(n.claim_id());
      groups.back().set_phrasing(n.phrasing());
    }
    NearMissGroup& group = groups[it->second];
    *group.add_near_miss() = n;
    group.set_distinct_anchors(std::max(group.distinct_anchors(), n.distinct_anchors()));
  }
  std::vector<size_t> sources(groups.size());
  for (size_t g = 0; g < groups.size(); ++g) {
    std::map<std::string, uint32_t> counts;
    for (const NearMiss& n : groups[g].near_miss()) ++counts[n.source()];
    std::vector<std::pair<std::string, uint32_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [source, count] : sorted) {
      NearMissGroup::SourceCount* c = groups[g].add_source();
      c->set_source(source);
      c->set_sentences(count);
    }
    sources[g] = sorted.size();
  }
  std::vector<size_t> order(groups.size());
  for (size_t g = 0; g < order.size(); ++g) order[g] = g;
  auto order_of = [&claim_order](const std::string& id) {
    auto it = claim_order.find(id);
    return it == claim_order.end() ? static_cast<int>(claim_order.size()) : it->second;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const NearMissGroup& x = groups[a];
    const NearMissGroup& y = groups[b];
    return std::make_tuple(order_of(x.claim_id()), -static_cast<int64_t>(x.distinct_anchors()),
                           -static_cast<int64_t>(x.near_miss_size()),
                           -static_cast<int64_t>(sources[a])) <
           std::make_tuple(order_of(y.claim_id()), -static_cast<int64_t>(y.distinct_anchors()),
                           -static_cast<int64_t>(y.near_miss_size()),
                           -static_cast<int64_t>(sources[b]));
  });
  std::vector<NearMissGroup> ranked;
  ranked.reserve(groups.size());
  uint32_t rank = 0;
  for (size_t g : order) {
    if (!ranked.empty() && ranked.back().claim_id() != groups[g].claim_id()) rank = 0;
    groups[g].set_rank(++rank);
    ranked.push_back(std::move(groups[g]));
  }
  return ranked;
}

std::string NearMissPhrasing(absl::string_view text) {
  std::string phrasing = NormalizePhrasing(text);
  static const RE2 kDigits("\\d+");
  RE2::GlobalReplace(&phrasing, kDigits, "0");
  if (phrasing.size() > kMaxPhrasingBytes) {
    phrasing.resize(Utf8BoundaryAtOrBefore(phrasing, kMaxPhrasingBytes, 0));
    phrasing += "\u2026";
  }
  return phrasing;
}

std::string HighlightAnchors(const NearMiss& near_miss, absl::string_view open,
                             absl::string_view close) {
  const absl::string_view sentence = near_miss.sentence();
  const size_t base = near_miss.sentence_begin();
  // Anchor spans within the sentence, overlapping ones merged.
  std::vector<std::pair<size_t, size_t>> spans;
  for (const NearMiss::Anchor& a : near_miss.anchor()) {
    if (a.begin() < base || a.end() > base + sentence.size() || a.begin() >= a.end()) continue;
    spans.emplace_back(a.begin() - base, a.end() - base);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& span : spans) {
    if (!merged.empty() && span.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, span.second);
    } else {
      merged.push_back(span);
    }
  }
  // Escapes `piece` with its whitespace runs as one space.
  auto plain = [](absl::string_view piece) {
    std::string collapsed;
    for (size_t i = 0; i < piece.size(); ++i) {
      if (absl::ascii_isspace(static_cast<unsigned char>(piece[i]))) {
        if (collapsed.empty() || collapsed.back() != ' ') collapsed += ' ';
      } else {
        collapsed += piece[i];
      }
    }
    return EscapeControls(collapsed);
  };
  std::string out;
  size_t at = 0;
  for (const auto& [begin, end] : merged) {
    absl::StrAppend(&out, plain(sentence.substr(at, begin - at)), open,
                    plain(sentence.substr(begin, end - begin)), close);
    at = end;
  }
  absl::StrAppend(&out, plain(sentence.substr(at)));
  return out;
}

}  // namespace refrain
