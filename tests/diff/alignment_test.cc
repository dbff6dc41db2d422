// Tests of engine/diff/alignment.h: tokens, alignment and framing labels.
#include "engine/diff/alignment.h"

#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "=word", "-word", "+word" or "word>other" per step.
std::string Show(const std::string& base, const std::string& variant) {
  std::vector<std::string> steps;
  for (const AlignedToken& t : AlignTokens(Tokenize(base), Tokenize(variant))) {
    switch (t.op()) {
      case AlignedToken::EQUAL: steps.push_back("=" + t.base()); break;
      case AlignedToken::SUBSTITUTE: steps.push_back(t.base() + ">" + t.variant()); break;
      case AlignedToken::DELETE: steps.push_back("-" + t.base()); break;
      case AlignedToken::INSERT: steps.push_back("+" + t.variant()); break;
      default: break;
    }
  }
  return absl::StrJoin(steps, " ");
}

std::vector<FramingLabel> Labels(const std::string& base, const std::string& variant) {
  return LabelFraming(AlignTokens(Tokenize(NormalizePhrasing(base)),
                                  Tokenize(NormalizePhrasing(variant))));
}

TEST(Alignment, NormalizesCaseQuotesDashesAndSpaces) {
  EXPECT_EQ(NormalizePhrasing("  China\u2013Vietnam \u201CCommunity\u201D\n of\u00A0Vietnam\u2019s "),
            "china-vietnam \"community\" of vietnam's");
}

TEST(Alignment, TokenizesWordsPunctuationAndRankings) {
  EXPECT_THAT(Tokenize("(over 30), u.s. vietnam's china-vietnam"),
              ElementsAre("(", "over", "30", ")", ",", "u.s", ".", "vietnam's",
                          "china-vietnam"));
  EXPECT_THAT(Tokenize("vietnam's no. 1 partner, number one"),
              ElementsAre("vietnam's", "no.1", "partner", ",", "no.1"));
  EXPECT_THAT(Tokenize(""), IsEmpty());
}

TEST(Alignment, AlignsIdenticalEmptyAndDisjointPhrasings) {
  EXPECT_EQ(Show("largest trading partner", "largest trading partner"),
            "=largest =trading =partner");
  EXPECT_EQ(Show("", ""), "");
  EXPECT_EQ(Show("", "new words"), "+new +words");
  EXPECT_EQ(Show("old words", ""), "-old -words");
  EXPECT_EQ(Show("alpha beta", "gamma delta epsilon"),
            "alpha>gamma beta>delta +epsilon");
}

TEST(Alignment, ShowsSubstitutionsInsertionsAndDeletions) {
  EXPECT_EQ(Show("china is vietnam's largest trading partner",
                 "china is vietnam's biggest trading partner within asean"),
            "=china =is =vietnam's largest>biggest =trading =partner +within +asean");
  EXPECT_EQ(Show("for more than 20 years, china has remained the largest",
                 "china has remained the largest"),
            "-for -more -than -20 -years -, =china =has =remained =the =largest");
}

TEST(Alignment, AlignsVeryLongPhrasingsByTheirCommonEnds) {
  // 3,000 words each: a table of 9 million cells, over the limit. The two
  // share words in the middle too, which the linear fallback does not look
  // for: the middle is one run of changes.
  std::vector<std::string> base = {"china", "is"}, variant = {"china", "is"};
  for (int k = 0; k < 3000; ++k) {
    base.push_back("a" + std::to_string(k % 7));
    variant.push_back("a" + std::to_string(k % 5));
  }
  base.push_back("partner");
  variant.push_back("partner");
  ASSERT_GT((base.size() + 1) * (variant.size() + 1), kMaxAlignmentCells);
  const std::vector<AlignedToken> steps = AlignTokens(base, variant);
  ASSERT_EQ(steps.size(), 3003u);
  // "china is a0 a1 a2 a3 a4" begin both (k % 7 == k % 5 below 5).
  for (size_t k = 0; k < 7; ++k) ASSERT_EQ(steps[k].op(), AlignedToken::EQUAL) << k;
  for (size_t k = 7; k + 1 < steps.size(); ++k) {
    ASSERT_EQ(steps[k].op(), AlignedToken::SUBSTITUTE) << k;
  }
  EXPECT_EQ(steps.back().op(), AlignedToken::EQUAL);
  EXPECT_EQ(steps.back().base(), "partner");
}

TEST(Alignment, AlignsUnicodeTextByWholeTokens) {
  EXPECT_EQ(Show(NormalizePhrasing("Việt Nam là đối tác"), NormalizePhrasing("Việt Nam là bạn")),
            "=việt =nam =là đối>bạn -tác");
}

// The EQUAL steps of the full alignment.
size_t EqualSteps(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t equal = 0;
  for (const AlignedToken& t : AlignTokens(a, b)) equal += t.op() == AlignedToken::EQUAL;
  return equal;
}

TEST(LongestCommonSubsequenceLength, CountsTheEqualStepsOfTheAlignment) {
  const std::vector<std::string> empty, words = Tokenize("china is vietnam's largest partner"),
                                 others = Tokenize("beijing remains hanoi's top friend");
  EXPECT_EQ(LongestCommonSubsequenceLength(empty, empty), 0u);
  EXPECT_EQ(LongestCommonSubsequenceLength(empty, words), 0u);
  EXPECT_EQ(LongestCommonSubsequenceLength(words, empty), 0u);
  EXPECT_EQ(LongestCommonSubsequenceLength(words, words), 5u);
  EXPECT_EQ(LongestCommonSubsequenceLength(words, others), 0u);
  EXPECT_EQ(LongestCommonSubsequenceLength(Tokenize("a b c d e f"), Tokenize("b x d f a")), 3u);

  // Random sequences of 0 to 40 words from a small vocabulary, so that they
  // share words in and out of order.
  std::mt19937 random(16);
  auto sequence = [&random]() {
    std::vector<std::string> out(std::uniform_int_distribution<int>(0, 40)(random));
    std::uniform_int_distribution<int> letter('a', 'f');
    for (std::string& word : out) word = std::string(1, static_cast<char>(letter(random)));
    return out;
  };
  for (int k = 0; k < 2000; ++k) {
    const std::vector<std::string> a = sequence(), b = sequence();
    ASSERT_EQ(LongestCommonSubsequenceLength(a, b), EqualSteps(a, b))
        << absl::StrJoin(a, " ") << " | " << absl::StrJoin(b, " ");
    ASSERT_EQ(LongestCommonSubsequenceLength(b, a), EqualSteps(a, b));
  }
}

TEST(ForEachChangeRun, GathersTheChangesBetweenEqualWords) {
  // =china largest>biggest -trading =partner +within +asean
  const std::vector<AlignedToken> alignment =
      AlignTokens(Tokenize("china largest trading partner"),
                  Tokenize("china biggest partner within asean"));
  std::vector<std::string> walk;
  ForEachChangeRun(
      alignment, [&](const AlignedToken& equal) { walk.push_back("=" + equal.base()); },
      [&](std::vector<absl::string_view> dropped, std::vector<absl::string_view> added) {
        walk.push_back("-" + absl::StrJoin(dropped, " ") + " +" + absl::StrJoin(added, " "));
      });
  EXPECT_THAT(walk, ElementsAre("=china", "-largest trading +biggest", "=partner",
                                "- +within asean"));
}

TEST(FramingLabels, SuperlativeChanged) {
  EXPECT_THAT(Labels("China is Vietnam's largest partner", "China is Vietnam's biggest partner"),
              ElementsAre(SUPERLATIVE_CHANGED));
  EXPECT_THAT(Labels("China is Vietnam's largest partner", "China is Vietnam's No. 1 partner"),
              ElementsAre(SUPERLATIVE_CHANGED));
}

TEST(FramingLabels, LabelsARunOfChangedWordsAsAWhole) {
  // The LCS pairs words by position inside the run; labels do not depend on it.
  EXPECT_THAT(Labels("Beijing is Hanoi's biggest trading partner",
                     "China remains Viet Nam's No. 1 trade partner"),
              ElementsAre(SUPERLATIVE_CHANGED, TERM_CHANGED));
}

TEST(FramingLabels, QualifierAddedAndDropped) {
  EXPECT_THAT(Labels("largest trading partner", "largest trading partner within ASEAN"),
              ElementsAre(QUALIFIER_ADDED));
  EXPECT_THAT(Labels("largest trading partner within ASEAN", "largest trading partner"),
              ElementsAre(QUALIFIER_DROPPED));
}

TEST(FramingLabels, HedgeAddedAndDropped) {
  EXPECT_THAT(Labels("manage maritime differences", "properly manage maritime differences"),
              ElementsAre(HEDGE_ADDED));
  EXPECT_THAT(Labels("approximately 40 agreements", "40 agreements"),
              ElementsAre(HEDGE_DROPPED));
}

TEST(FramingLabels, NegationChanged) {
  EXPECT_THAT(Labels("external forces can sow discord", "no external forces can sow discord"),
              ElementsAre(NEGATION_CHANGED));
  EXPECT_THAT(Labels("China is Vietnam's largest partner", "China is not Vietnam's largest partner"),
              ElementsAre(NEGATION_CHANGED));
}

TEST(FramingLabels, NumberChanged) {
  EXPECT_THAT(Labels("over 30 agreements", "over 45 agreements"), ElementsAre(NUMBER_CHANGED));
  EXPECT_THAT(Labels("1.45 trillion yuan", "1.2 trillion yuan"), ElementsAre(NUMBER_CHANGED));
}

TEST(FramingLabels, TermChanged) {
  EXPECT_THAT(Labels("properly manage maritime differences", "properly manage maritime disputes"),
              ElementsAre(TERM_CHANGED));
}

TEST(FramingLabels, NoneForIdenticalOrPunctuationOnlyChanges) {
  EXPECT_THAT(Labels("comrades and brothers", "Comrades and Brothers"), IsEmpty());
  EXPECT_THAT(Labels("comrades and brothers", "comrades and brothers,"), IsEmpty());
}

TEST(FramingLabels, SeveralAtOnceInEnumOrder) {
  EXPECT_THAT(Labels("over 30 cooperation agreements were signed",
                     "approximately 40 agreements across various sectors were signed"),
              ElementsAre(QUALIFIER_ADDED, QUALIFIER_DROPPED, NUMBER_CHANGED, TERM_CHANGED));
}

}  // namespace
}  // namespace refrain
