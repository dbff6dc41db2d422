#include "engine/rules/compiled_rules.h"

#include <algorithm>
#include <tuple>

#include "engine/text/utf8.h"
#include "engine/text/word_char.h"

namespace refrain {
namespace {

// The character that starts at byte `i`.
absl::string_view CharAt(absl::string_view s, size_t i) {
  if (i >= s.size()) return {};
  return s.substr(i, Utf8SequenceLength(s[i]));
}

// The character that ends at byte `i`.
absl::string_view CharBefore(absl::string_view s, size_t i) {
  if (i == 0 || i > s.size()) return {};
  const size_t start = Utf8CharStartBefore(s, i);
  return s.substr(start, i - start);
}

// Whether a word continues across byte `i`.
bool InsideWord(absl::string_view s, size_t i) {
  return IsWordChar(CharBefore(s, i)) && IsWordChar(CharAt(s, i));
}

// The first byte at or after `i` at which no word continues: the end of the
// word that `i` is inside, or `i` itself.
size_t EndOfWord(absl::string_view s, size_t i) {
  while (i < s.size() && InsideWord(s, i)) i += CharAt(s, i).size();
  return i;
}

// Finds the first match of `re` at or after `pos` that starts and ends at
// word boundaries; fills `groups` (size `re.NumberOfCapturingGroups()+1`).
// `re` is compiled leftmost-longest, so the match found at a start is the
// longest; when it ends inside a word, the longest match from the same
// start that ends at a word boundary is taken instead: one anchored search
// up to the last boundary before the end, again only when that match too
// ends inside a word.
//
// Linear in the text for patterns whose matches span a bounded number of
// words: a match that starts inside a word means that no match can start
// anywhere else inside that word either, so the next search starts at the
// word's end (restarting one character later made a 65,000-digit word
// quadratic). Each search reads from its start to a little past the match
// it finds (RE2's longest-match DFA drops later starts once it has a match).
bool FindAtWordBoundaries(const RE2& re, absl::string_view text, size_t pos,
                          std::vector<re2::StringPiece>* groups) {
  const re2::StringPiece piece(text.data(), text.size());
  const int n = static_cast<int>(groups->size());
  while (pos <= text.size() &&
         re.Match(piece, pos, text.size(), RE2::UNANCHORED, groups->data(), n)) {
    const size_t begin = (*groups)[0].data() - text.data();
    const size_t end = begin + (*groups)[0].size();
    if (InsideWord(text, begin)) {
      pos = EndOfWord(text, begin);
      continue;
    }
    // Cut back: the longest match from `begin` that ends no later than the
    // last boundary before where the previous attempt ended mid-word.
    if (!InsideWord(text, end)) return true;
    for (size_t limit = end;;) {
      size_t q = limit - CharBefore(text, limit).size();
      while (q > begin && InsideWord(text, q)) q -= CharBefore(text, q).size();
      if (q <= begin ||
          !re.Match(piece, begin, q, RE2::ANCHOR_START, groups->data(), n) ||
          (*groups)[0].empty()) {
        break;
      }
      limit = begin + (*groups)[0].size();
      if (!InsideWord(text, limit)) return true;
    }
    pos = begin + std::max<size_t>(1, CharAt(text, begin).size());
  }
  return false;
}

// Calls `found(begin, end)` for each match of `re` in `sentence` that
// FindAtWordBoundaries finds, left to right, none overlapping the last.
template <typename Found>
void ForEachMatch(const RE2& re, absl::string_view sentence, Found found) {
  std::vector<re2::StringPiece> groups(1);
  size_t pos = 0;
  while (FindAtWordBoundaries(re, sentence, pos, &groups)) {
    const size_t begin = groups[0].data() - sentence.data();
    pos = begin + groups[0].size();
    found(begin, pos);
  }
}

// Where the match of `re` from `begin` (its longest ends at `end`) ends
// when its gaps are as short as they can be. `lazy`
// (TranslatedPattern::shortest) finds the closest end, which for an
// alternation is its first alternative ("big" of "big|big deal"); the span
// then grows a word at a time, at most kMaxGrowth words, while `re` still
// matches it whole, so that the last part takes its longest form ("big
// deal"). Each step is one anchored search of the span, without captures.
size_t ClosestEnd(const RE2& re, const RE2& lazy, absl::string_view sentence,
                  size_t begin, size_t end) {
  constexpr int kMaxGrowth = 4;
  const re2::StringPiece piece(sentence.data(), sentence.size());
  re2::StringPiece closest;
  if (!lazy.Match(piece, begin, end, RE2::ANCHOR_START, &closest, 1) ||
      closest.empty() || begin + closest.size() >= end ||
      InsideWord(sentence, begin + closest.size()) ||
      !re.Match(piece, begin, begin + closest.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
    return end;
  }
  size_t best = begin + closest.size();
  for (int grown = 0; grown < kMaxGrowth && best < end; ++grown) {
    size_t next = best;
    while (next < end && !IsWordChar(CharAt(sentence, next))) {
      next += CharAt(sentence, next).size();
    }
    next = EndOfWord(sentence, next + (next < end ? CharAt(sentence, next).size() : 0));
    if (next > end ||
        !re.Match(piece, begin, next, RE2::ANCHOR_BOTH, nullptr, 0)) {
      break;
    }
    best = next;
  }
  return best;
}

using Pattern = CompiledClaim::Pattern;

// Whether the claim may have hits in `sentence` at all: no `exclude`
// pattern matches, and some `require` pattern does (when there are any).
bool Applies(const CompiledClaim::Patterns& all, absl::string_view sentence) {
  std::vector<re2::StringPiece> groups(1);
  auto matches_sentence = [&](const Pattern& p) {
    return FindAtWordBoundaries(*p.re2, sentence, 0, &groups);
  };
  return std::none_of(all.exclude.begin(), all.exclude.end(), matches_sentence) &&
         (all.require.empty() ||
          std::any_of(all.require.begin(), all.require.end(), matches_sentence));
}

// The spans of the hits of `patterns` (all, or the indices in `only`) in
// `sentence`, without captures; those of a pattern with gaps end at its
// closest part.
std::vector<ClaimMatch> FindSpans(const std::vector<Pattern>& patterns,
                                  absl::string_view sentence,
                                  const std::vector<int>* only) {
  std::vector<ClaimMatch> found;
  std::vector<re2::StringPiece> groups(1);
  const size_t tries = only != nullptr ? only->size() : patterns.size();
  for (size_t t = 0; t < tries; ++t) {
    const size_t p = only != nullptr ? (*only)[t] : t;
    const RE2& re = *patterns[p].re2;
    const LazyRegex* const lazy = patterns[p].shortest.get();
    size_t pos = 0;
    while (FindAtWordBoundaries(re, sentence, pos, &groups)) {
      ClaimMatch m;
      m.begin = groups[0].data() - sentence.data();
      m.end = m.begin + groups[0].size();
      const RE2* const closest = lazy != nullptr ? lazy->get() : nullptr;
      if (closest != nullptr) m.end = ClosestEnd(re, *closest, sentence, m.begin, m.end);
      m.pattern_index = static_cast<int>(p);
      pos = m.end;
      found.push_back(std::move(m));
    }
  }
  return found;
}

// Fills the slots of `m`, a hit of `pattern`: the captures of the longest
// match of exactly its span, which is what the unanchored search would
// have reported with them.
void ReadSlots(const Pattern& pattern, absl::string_view sentence, ClaimMatch* m) {
  std::vector<re2::StringPiece> groups(pattern.re2->NumberOfCapturingGroups() + 1);
  pattern.re2->Match(re2::StringPiece(sentence.data(), sentence.size()), m->begin,
                     m->end, RE2::ANCHOR_BOTH, groups.data(),
                     static_cast<int>(groups.size()));
  for (const auto& [name, index] : pattern.slots) {
    if (groups[index].data() != nullptr) {
      const size_t b = groups[index].data() - sentence.data();
      m->slots[name] = {b, b + groups[index].size()};
    }
  }
}

}  // namespace

void CompiledClaim::Match(absl::string_view sentence,
                          std::vector<ClaimMatch>* out,
                          const std::vector<int>* only) const {
  if (!Applies(patterns_, sentence)) return;
  // Spans first; captures are read only for the hits that survive vetoes
  // and overlaps (a third of the hits on claim-dense text do not).
  std::vector<ClaimMatch> found = FindSpans(patterns_.pattern, sentence, only);
  if (found.empty()) return;

  // Spans that veto the hits they overlap.
  std::vector<std::pair<size_t, size_t>> vetoed;
  for (const Pattern& p : patterns_.exclude_overlap) {
    ForEachMatch(*p.re2, sentence, [&vetoed](size_t begin, size_t end) {
      vetoed.emplace_back(begin, end);
    });
  }

  // One hit per span: earliest start first, then the longest, then the
  // first pattern; anything overlapping a kept hit, or vetoed, is dropped.
  std::sort(found.begin(), found.end(),
            [](const ClaimMatch& a, const ClaimMatch& b) {
              return std::make_tuple(a.begin, b.end, a.pattern_index) <
                     std::make_tuple(b.begin, a.end, b.pattern_index);
            });
  size_t kept_end = 0;
  bool any = false;
  for (ClaimMatch& m : found) {
    const auto overlaps = [&m](const std::pair<size_t, size_t>& v) {
      return v.first < m.end && m.begin < v.second;
    };
    if ((any && m.begin < kept_end) ||
        std::any_of(vetoed.begin(), vetoed.end(), overlaps)) {
      continue;
    }
    kept_end = m.end;
    any = true;
    ReadSlots(patterns_.pattern[m.pattern_index], sentence, &m);
    out->push_back(std::move(m));
  }
}

void CompiledClaim::FindAnchors(absl::string_view sentence,
                                std::vector<ClaimMatch>* out) const {
  const size_t first = out->size();
  for (size_t a = 0; a < patterns_.anchor.size(); ++a) {
    ForEachMatch(*patterns_.anchor[a].re2, sentence, [out, a](size_t begin, size_t end) {
      ClaimMatch m;
      m.begin = begin;
      m.end = end;
      m.pattern_index = static_cast<int>(a);
      out->push_back(std::move(m));
    });
  }
  std::sort(out->begin() + first, out->end(),
            [](const ClaimMatch& a, const ClaimMatch& b) {
              return std::tie(a.begin, a.pattern_index) < std::tie(b.begin, b.pattern_index);
            });
}

const RE2* LazyRegex::get() const {
  absl::call_once(once_, [this] {
    auto re = std::make_unique<const RE2>(source_, options_);
    if (re->ok()) re_ = std::move(re);
  });
  return re_.get();
}

std::map<std::string, std::string> ClaimMatch::SlotTexts(
    absl::string_view sentence) const {
  std::map<std::string, std::string> texts;
  for (const auto& [name, span] : slots) {
    texts[name] = std::string(sentence.substr(span.first, span.second - span.first));
  }
  return texts;
}

void ClaimMatch::MapToOriginal(const NormalizedText& normalized, size_t base,
                               size_t original_base) {
  std::pair<size_t, size_t> whole{begin, end};
  normalized.MapSpan(base, original_base, &whole);
  begin = whole.first;
  end = whole.second;
  for (auto& [name, span] : slots) normalized.MapSpan(base, original_base, &span);
}

void CompiledRules::MatchNormalized(const CompiledClaim& claim,
                                    absl::string_view sentence,
                                    std::vector<ClaimMatch>* out) const {
  NormalizedText normalized = NormalizedText::Make(sentence, fold_diacritics_);
  const size_t first = out->size();
  claim.Match(normalized.text(), out);
  for (size_t i = first; i < out->size(); ++i) {
    (*out)[i].MapToOriginal(normalized, 0, 0);
  }
}

const CompiledClaim* CompiledRules::FindClaim(absl::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : it->second;
}

}  // namespace refrain
