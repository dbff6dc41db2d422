// Unicode normalisation for matching, with a map back to the original bytes.
//
//   NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/true);
//   ... match in n.text() ...
//   auto [begin, end] = n.ToOriginal(match_begin, match_end);
//   // text.substr(begin, end - begin) are the original bytes of the match
//
// The normalised text is NFC (so "Việt" typed with combining marks matches
// "Việt" typed precomposed), and with `fold_diacritics` also stripped of
// diacritics ("Việt Nam" -> "Viet Nam", "Đà Nẵng" -> "Da Nang"). Quotes,
// dashes and spaces are not changed here: patterns match their variants
// (see engine/rules/pattern.h). Uses ICU's normaliser.
#ifndef REFRAIN_ENGINE_TEXT_NORMALIZER_H_
#define REFRAIN_ENGINE_TEXT_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace refrain {

class NormalizedText {
 public:
  // Normalises `original`, which must be valid UTF-8 and must outlive the
  // result. Linear; costs nothing beyond a check when `original` is
  // already normalised (ASCII text always is).
  static NormalizedText Make(absl::string_view original, bool fold_diacritics);

  // The normalised text: `original` itself when nothing changed.
  absl::string_view text() const { return identity_ ? original_ : normalized_; }

  // The smallest span of the original text that produced bytes
  // [begin, end) of `text()`. REQUIRES: begin < end <= text().size(), both
  // at character boundaries.
  std::pair<size_t, size_t> ToOriginal(size_t begin, size_t end) const {
    if (identity_) return {begin, end};
    return {begin_[begin], EndOfSource(end - 1)};
  }

  // Rewrites `*span`, bytes [first, second) of `text()` counted from byte
  // `base` (a sentence matched at that byte, say), as the span of the
  // original text that produced them, counted from byte `original_base` of
  // the original (where that sentence begins there). An empty span, such as
  // an empty capture, is left as it is: it has no source. REQUIRES: as for
  // ToOriginal, and `original_base` at or before the span's source.
  void MapSpan(size_t base, size_t original_base,
               std::pair<size_t, size_t>* span) const {
    if (span->second <= span->first) return;
    const auto [begin, end] = ToOriginal(base + span->first, base + span->second);
    *span = {begin - original_base, end - original_base};
  }

 private:
  NormalizedText() = default;
  explicit NormalizedText(absl::string_view original) : original_(original) {}

  // Where the original bytes that produced byte `i` of `normalized_` end:
  // where those of the next byte from other original bytes begin (sources
  // are contiguous and in order), or the end of the original. Logarithmic.
  size_t EndOfSource(size_t i) const;

  absl::string_view original_;
  bool identity_ = true;
  std::string normalized_;
  // For each byte of `normalized_`: where in the original the character it
  // belongs to begins. Four bytes a byte: the memory a long non-ASCII
  // article costs (docs/reliability.md).
  std::vector<uint32_t> begin_;
};

// Folds diacritics out of a pattern or other short text (NFC first), as
// NormalizedText does with `fold_diacritics`. Regex syntax is ASCII and
// passes through unchanged.
std::string FoldDiacritics(absl::string_view text);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_NORMALIZER_H_
