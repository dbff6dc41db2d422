// Tests of engine/text/normalizer.h.
#include "engine/text/normalizer.h"

#include "gtest/gtest.h"

namespace refrain {
namespace {

// "Việt" precomposed (NFC) and decomposed (NFD: e + dot below + circumflex).
constexpr char kNfc[] = "Vi\u1EC7t Nam";
constexpr char kNfd[] = "Vie\u0323\u0302t Nam";

std::string Original(absl::string_view original, const NormalizedText& n,
                     size_t begin, size_t end) {
  auto [b, e] = n.ToOriginal(begin, end);
  return std::string(original.substr(b, e - b));
}

TEST(Normalizer, LeavesNormalisedTextAlone) {
  const std::string text = "Plain ASCII, and \u201Cquotes\u201D in NFC: Vi\u1EC7t.";
  NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/false);
  EXPECT_EQ(n.text().data(), text.data());  // no copy
  EXPECT_EQ(n.ToOriginal(3, 9), (std::pair<size_t, size_t>{3, 9}));
  NormalizedText ascii = NormalizedText::Make("Only ASCII", /*fold_diacritics=*/true);
  EXPECT_EQ(ascii.text(), "Only ASCII");
}

TEST(Normalizer, ComposesToNfcAndMapsBackToTheDecomposedBytes) {
  const std::string text = std::string("In ") + kNfd + ".";
  NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/false);
  EXPECT_EQ(n.text(), std::string("In ") + kNfc + ".");
  // "Việt" in the normalised text covers all of "Vie\u0323\u0302t".
  const size_t begin = 3, end = 3 + std::string("Vi\u1EC7t").size();
  EXPECT_EQ(Original(text, n, begin, end), "Vie\u0323\u0302t");
  EXPECT_EQ(Original(text, n, end + 1, end + 4), "Nam");
}

TEST(Normalizer, FoldsDiacriticsFromEitherForm) {
  for (const char* form : {kNfc, kNfd}) {
    const std::string text = std::string(form) + " and \u0110\u00E0 N\u1EB5ng";
    NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/true);
    EXPECT_EQ(n.text(), "Viet Nam and Da Nang");
    EXPECT_EQ(Original(text, n, 0, 4), std::string(form).substr(0, text.find(' ')));
    EXPECT_EQ(Original(text, n, 13, 20), "\u0110\u00E0 N\u1EB5ng");
  }
}

TEST(Normalizer, MapsBackAcrossThePiecesOfALongText) {
  // Over 64 KiB, so normalised in several pieces; each "Việt Nam" (written
  // with combining marks) maps back to its own bytes, with and without
  // folding.
  const std::string word = "Vie\u0323\u0302t Nam";  // NFD
  std::string text;
  for (int i = 0; i < 12000; ++i) text += word + ", ";
  for (bool fold : {false, true}) {
    NormalizedText n = NormalizedText::Make(text, fold);
    const std::string normalized_word = fold ? "Viet Nam" : "Vi\u1EC7t Nam";
    const size_t stride = normalized_word.size() + 2;
    ASSERT_EQ(n.text().size(), 12000 * stride);
    for (size_t k = 0; k < 12000; ++k) {
      ASSERT_EQ(n.text().substr(k * stride, normalized_word.size()), normalized_word);
      const auto [b, e] = n.ToOriginal(k * stride, k * stride + normalized_word.size());
      ASSERT_EQ(b, k * (word.size() + 2)) << k;
      ASSERT_EQ(e, b + word.size()) << k;
    }
  }
}

TEST(Normalizer, CutsRunsOfMoreThanThirtyMarks) {
  // Alternating combining classes, which NFC would reorder: in pieces of
  // 30 marks, each sorted on its own (UAX #15), every byte still mapped.
  std::string text = "a";
  for (int i = 0; i < 5000; ++i) text += "\u0301\u0316";
  text += " b";
  NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/false);
  EXPECT_EQ(n.text().size(), text.size() - 1);  // "a" + U+0301 composed: 2 bytes
  EXPECT_EQ(n.text().substr(n.text().size() - 2), " b");
  const auto [b, e] = n.ToOriginal(n.text().size() - 1, n.text().size());
  EXPECT_EQ(text.substr(b, e - b), "b");
  EXPECT_EQ(Original(text, n, 0, n.text().size()), text);
  NormalizedText folded = NormalizedText::Make(text, /*fold_diacritics=*/true);
  EXPECT_EQ(folded.text(), "a b");
}

TEST(Normalizer, FoldsPatternsTheSameWay) {
  EXPECT_EQ(FoldDiacritics("(?P<x>Vi[e\u1EC7]t ?Nam|H\u00E0 N\u1ED9i)"),
            "(?P<x>Vi[ee]t ?Nam|Ha Noi)");
}

TEST(Normalizer, MapSpanCountsFromBothBasesAndKeepsEmptySpans) {
  // "Việt" written with combining marks, after a first sentence.
  const std::string first = "Ok. ";
  const std::string text = first + "Vie\u0323\u0302t Nam";
  NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/true);
  ASSERT_EQ(n.text(), "Ok. Viet Nam");
  // "Viet" at 0 of the second sentence, which starts at byte 4 of both.
  std::pair<size_t, size_t> span{0, 4};
  n.MapSpan(first.size(), first.size(), &span);
  EXPECT_EQ(span, std::make_pair(size_t{0}, size_t{1 + 2 + 2 + 2 + 1}));
  // "Nam" at 5 of the sentence: 9 of the sentence in the original.
  span = {5, 8};
  n.MapSpan(first.size(), first.size(), &span);
  EXPECT_EQ(span, std::make_pair(size_t{9}, size_t{12}));
  // Counted from the start of the original instead.
  span = {5, 8};
  n.MapSpan(first.size(), 0, &span);
  EXPECT_EQ(span, std::make_pair(size_t{13}, size_t{16}));
  // An empty capture is left where it was found.
  span = {3, 3};
  n.MapSpan(first.size(), first.size(), &span);
  EXPECT_EQ(span, std::make_pair(size_t{3}, size_t{3}));
}

}  // namespace
}  // namespace refrain
