// Tests of engine/diff/alignment.h: tokens, alignment and framing labels.
#include "engine/diff/alignment.h"

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

TEST(Alignment, AlignsUnicodeTextByWholeTokens) {
  EXPECT_EQ(Show(NormalizePhrasing("Việt Nam là đối tác"), NormalizePhrasing("Việt Nam là bạn")),
            "=việt =nam =là đối>bạn -tác");
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
