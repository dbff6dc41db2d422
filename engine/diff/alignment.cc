#include "engine/diff/alignment.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "engine/text/char_families.h"
#include "re2/re2.h"

namespace refrain {
namespace {

bool IsEdgePunctuation(char c) {
  return absl::StrContains(",;:.!?()[]\"'", c);
}

bool InSet(const char* const* words, size_t n, absl::string_view token) {
  return std::find(words, words + n, token) != words + n;
}

bool IsSuperlative(absl::string_view t) {
  static const char* const kWords[] = {"largest", "biggest", "top", "leading",
                                       "greatest", "no.1", "number-one", "#1",
                                       "main", "foremost", "first"};
  return InSet(kWords, std::size(kWords), t);
}

bool IsHedge(absl::string_view t) {
  static const char* const kWords[] = {
      "approximately", "about", "around", "nearly", "almost", "roughly", "some",
      "over", "more", "than", "at", "least", "up", "close", "properly", "better",
      "appropriately", "actively", "effectively", "carefully", "jointly", "well",
      "possibly", "reportedly", "likely", "allegedly", "expected", "estimated"};
  return InSet(kWords, std::size(kWords), t);
}

bool IsNegation(absl::string_view t) {
  static const char* const kWords[] = {"not", "no", "never", "none", "nor",
                                       "neither", "without", "cannot", "n't"};
  return InSet(kWords, std::size(kWords), t);
}

bool IsNumber(absl::string_view t) {
  static const RE2 kNumber(
      "[\\d.,]*\\d[\\d.,]*%?|one|two|three|four|five|six|seven|eight|nine|ten|"
      "eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|"
      "trillion|dozen|dozens");
  return RE2::FullMatch(re2::StringPiece(t.data(), t.size()), kNumber);
}

bool IsPunctuation(absl::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), IsEdgePunctuation);
}

AlignedToken Step(AlignedToken::Op op, absl::string_view base, absl::string_view variant) {
  AlignedToken t;
  t.set_op(op);
  t.set_base(std::string(base));
  t.set_variant(std::string(variant));
  return t;
}

// One step of an edit script: an `AlignedToken` without its own copies of
// the words (`ForEachChangeRun` reads either).
class Edit {
 public:
  Edit(AlignedToken::Op op, absl::string_view base, absl::string_view variant)
      : op_(op), base_(base), variant_(variant) {}
  AlignedToken::Op op() const { return op_; }
  absl::string_view base() const { return base_; }
  absl::string_view variant() const { return variant_; }

 private:
  AlignedToken::Op op_;
  absl::string_view base_, variant_;
};

// The steps of a longest common subsequence of `base` and `variant`: EQUAL,
// DELETE and INSERT only (`AlignTokens` pairs them into substitutions),
// pointing into both. A table too large for `kMaxAlignmentCells` gives way
// to the common beginning and end, with everything between deleted and
// inserted.
std::vector<Edit> EditScript(const std::vector<std::string>& base,
                             const std::vector<std::string>& variant) {
  const size_t n = base.size(), m = variant.size();
  std::vector<Edit> out;
  out.reserve(n + m);
  if ((n + 1) * (m + 1) > kMaxAlignmentCells) {
    size_t prefix = 0, suffix = 0;
    while (prefix < n && prefix < m && base[prefix] == variant[prefix]) ++prefix;
    while (suffix < n - prefix && suffix < m - prefix &&
           base[n - 1 - suffix] == variant[m - 1 - suffix]) {
      ++suffix;
    }
    for (size_t k = 0; k < prefix; ++k) out.emplace_back(AlignedToken::EQUAL, base[k], base[k]);
    for (size_t k = prefix; k < n - suffix; ++k) {
      out.emplace_back(AlignedToken::DELETE, base[k], "");
    }
    for (size_t k = prefix; k < m - suffix; ++k) {
      out.emplace_back(AlignedToken::INSERT, "", variant[k]);
    }
    for (size_t k = n - suffix; k < n; ++k) out.emplace_back(AlignedToken::EQUAL, base[k], base[k]);
    return out;
  }

  // lcs[i][j]: length of the longest common subsequence of base[i..] and
  // variant[j..].
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] = base[i] == variant[j] ? lcs[i + 1][j + 1] + 1
                                        : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && base[i] == variant[j]) {
      out.emplace_back(AlignedToken::EQUAL, base[i++], variant[j++]);
    } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      out.emplace_back(AlignedToken::DELETE, base[i++], "");
    } else {
      out.emplace_back(AlignedToken::INSERT, "", variant[j++]);
    }
  }
  return out;
}

// Adds to `labels` those of one run of changed words: the words it drops
// and the words it adds, compared as classes (superlatives, numbers,
// negations, hedges), then what remains as terms and qualifiers.
void LabelRun(std::vector<absl::string_view> dropped, std::vector<absl::string_view> added,
              std::set<FramingLabel>* labels) {
  auto take = [](std::vector<absl::string_view>* words, bool (*is)(absl::string_view)) {
    const auto split = std::stable_partition(words->begin(), words->end(),
                                             [is](absl::string_view w) { return !is(w); });
    const bool any = split != words->end();
    words->erase(split, words->end());
    return any;
  };
  for (std::vector<absl::string_view>* words : {&dropped, &added}) take(words, IsPunctuation);
  // Words of one kind on both sides changed; on one side, a qualifier came
  // or went.
  auto label_kind = [&](auto is_kind, auto changed) {
    const bool kind_dropped = take(&dropped, is_kind);
    const bool kind_added = take(&added, is_kind);
    if (kind_dropped && kind_added) {
      labels->insert(changed);
    } else if (kind_dropped || kind_added) {
      labels->insert(kind_added ? QUALIFIER_ADDED : QUALIFIER_DROPPED);
    }
  };
  label_kind(IsSuperlative, SUPERLATIVE_CHANGED);
  label_kind(IsNumber, NUMBER_CHANGED);
  if (take(&dropped, IsNegation) != take(&added, IsNegation)) {
    labels->insert(NEGATION_CHANGED);
  }
  const bool hedge_dropped = take(&dropped, IsHedge);
  const bool hedge_added = take(&added, IsHedge);
  if (hedge_dropped && hedge_added) {
    labels->insert(TERM_CHANGED);  // one hedge for another
  } else if (hedge_dropped || hedge_added) {
    labels->insert(hedge_added ? HEDGE_ADDED : HEDGE_DROPPED);
  }
  if (!dropped.empty() && !added.empty()) {
    labels->insert(TERM_CHANGED);
  } else if (!dropped.empty() || !added.empty()) {
    labels->insert(added.empty() ? QUALIFIER_DROPPED : QUALIFIER_ADDED);
  }
}

}  // namespace

std::string NormalizePhrasing(absl::string_view text) {
  std::string s = FoldCharFamilies(text);
  absl::AsciiStrToLower(&s);
  return std::string(absl::StripAsciiWhitespace(s));
}

std::vector<std::string> Tokenize(absl::string_view phrasing) {
  std::string s(phrasing);
  static const RE2 kRanking("\\b(?:no\\. ?1|number[ -]one)\\b");
  RE2::GlobalReplace(&s, kRanking, "no.1");
  std::vector<std::string> tokens;
  for (absl::string_view word : absl::StrSplit(s, ' ', absl::SkipEmpty())) {
    std::vector<std::string> tail;
    while (!word.empty() && IsEdgePunctuation(word.front())) {
      tokens.emplace_back(1, word.front());
      word.remove_prefix(1);
    }
    while (!word.empty() && IsEdgePunctuation(word.back()) && word != "no.1") {
      tail.emplace_back(1, word.back());
      word.remove_suffix(1);
    }
    if (!word.empty()) tokens.emplace_back(word);
    tokens.insert(tokens.end(), tail.rbegin(), tail.rend());
  }
  return tokens;
}

std::vector<AlignedToken> AlignTokens(const std::vector<std::string>& base,
                                      const std::vector<std::string>& variant) {
  std::vector<AlignedToken> out;
  ForEachChangeRun(
      EditScript(base, variant),
      [&out](const Edit& equal) {
        out.push_back(Step(AlignedToken::EQUAL, equal.base(), equal.variant()));
      },
      [&out](std::vector<absl::string_view> deleted, std::vector<absl::string_view> inserted) {
        const size_t paired = std::min(deleted.size(), inserted.size());
        for (size_t k = 0; k < paired; ++k) {
          out.push_back(Step(AlignedToken::SUBSTITUTE, deleted[k], inserted[k]));
        }
        for (size_t k = paired; k < deleted.size(); ++k) {
          out.push_back(Step(AlignedToken::DELETE, deleted[k], ""));
        }
        for (size_t k = paired; k < inserted.size(); ++k) {
          out.push_back(Step(AlignedToken::INSERT, "", inserted[k]));
        }
      });
  return out;
}

size_t LongestCommonSubsequenceLength(const std::vector<std::string>& a,
                                      const std::vector<std::string>& b) {
  const std::vector<std::string>& outer = a.size() >= b.size() ? a : b;
  const std::vector<std::string>& inner = a.size() >= b.size() ? b : a;
  // row[j]: the length for the words of `outer` seen so far and inner[..j];
  // `above` is the same before the current word of `outer`.
  std::vector<size_t> above(inner.size() + 1, 0), row(inner.size() + 1, 0);
  for (const std::string& word : outer) {
    for (size_t j = 0; j < inner.size(); ++j) {
      row[j + 1] = word == inner[j] ? above[j] + 1 : std::max(above[j + 1], row[j]);
    }
    std::swap(above, row);
  }
  return above[inner.size()];
}

std::vector<FramingLabel> LabelFraming(const std::vector<AlignedToken>& alignment) {
  std::set<FramingLabel> labels;
  ForEachChangeRun(
      alignment, [](const AlignedToken&) {},
      [&labels](std::vector<absl::string_view> dropped, std::vector<absl::string_view> added) {
        LabelRun(std::move(dropped), std::move(added), &labels);
      });
  return std::vector<FramingLabel>(labels.begin(), labels.end());
}

}  // namespace refrain
