// Tests of engine/rules/pattern.h: translation into RE2 syntax.
#include "engine/rules/pattern.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kSpace[] = "(?:[\\s\\x{00A0}\\x{2009}\\x{202F}]+)";

TranslatedPattern Translate(const std::string& pattern,
                            std::vector<PatternError>* errors) {
  static const auto* const kLexicons = new absl::flat_hash_map<std::string, std::string>{
      {"VN", "(?:Vietnam|Hanoi)"}};
  return TranslatePattern(
      pattern,
      [](const std::string& name) -> absl::StatusOr<const std::string*> {
        auto it = kLexicons->find(name);
        if (it == kLexicons->end()) return absl::NotFoundError("no " + name);
        return &it->second;
      },
      errors);
}

std::string Regex(const std::string& pattern) {
  std::vector<PatternError> errors;
  TranslatedPattern t = Translate(pattern, &errors);
  EXPECT_TRUE(errors.empty()) << pattern;
  return t.regex;
}

TEST(Pattern, ExpandsLexiconReferences) {
  EXPECT_EQ(Regex("{VN}s"), "(?:Vietnam|Hanoi)s");
}

TEST(Pattern, LeavesRepetitionsAndEscapedBracesAlone) {
  EXPECT_EQ(Regex("\\d{4}"), "\\d{4}");
  EXPECT_EQ(Regex("\\p{Greek}\\x{41}"), "\\p{Greek}\\x{41}");
  EXPECT_EQ(Regex("[{VN}]"), "[{VN}]");
}

TEST(Pattern, TurnsRunsOfSpacesIntoWhitespaceRuns) {
  EXPECT_EQ(Regex("a  b"), absl::StrCat("a", kSpace, "b"));
  EXPECT_EQ(Regex("a ?b"), absl::StrCat("a", kSpace, "?b"));
  EXPECT_EQ(Regex("a\\ b"), "a\\ b");  // an escaped space stays one space
}

TEST(Pattern, WidensQuotesAndDashes) {
  EXPECT_EQ(Regex("a's"), "a['\u2018\u2019\u02BC]s");
  EXPECT_EQ(Regex("a\u2019s"), "a['\u2018\u2019\u02BC]s");
  EXPECT_EQ(Regex("\u201Cx\""), "[\"\u201C\u201D]x[\"\u201C\u201D]");
  EXPECT_EQ(Regex("[a']"), "[a'\u2018\u2019\u02BC]");
  EXPECT_EQ(Regex("a-b"), "a[\\-\\x{2010}-\\x{2015}\\x{2212}]b");
  EXPECT_EQ(Regex("[a-z]"), "[a-z]");
  EXPECT_EQ(Regex("(?i-s:x)"), "(?i-s:x)");
}

TEST(Pattern, CollectsCaptureNamesAndLexicons) {
  std::vector<PatternError> errors;
  TranslatedPattern t = Translate("(?P<who>{VN}) (?P<rank>top)", &errors);
  EXPECT_THAT(errors, IsEmpty());
  EXPECT_THAT(t.captures, ElementsAre("who", "rank"));
  EXPECT_THAT(t.lexicons, ElementsAre("VN"));
}

TEST(Pattern, ReportsErrorsAtTheirOffset) {
  std::vector<PatternError> errors;
  Translate("(?P<a>x) {NOPE} (?P<a>y)\b", &errors);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].offset, 9u);
  EXPECT_EQ(errors[0].message, "no NOPE");
  EXPECT_EQ(errors[1].offset, 16u);
  EXPECT_EQ(errors[1].message, "capture name 'a' is used twice in one pattern");
  EXPECT_EQ(errors[2].offset, 24u);
  EXPECT_THAT(errors[2].message, ::testing::StartsWith("control character U+0008"));
}

TEST(Pattern, SlotNameDropsTheSuffixOfReorderedParts) {
  EXPECT_EQ(SlotName("who"), "who");
  EXPECT_EQ(SlotName("who__5"), "who");
}

TEST(Pattern, NearRenamesTheCapturesOfEveryOrderButTheFirst) {
  std::vector<PatternError> errors;
  TranslatedPattern t = Translate("(?P<a>x) {near 2} (?P<b>y)", &errors);
  EXPECT_THAT(errors, IsEmpty());
  EXPECT_THAT(t.captures, ElementsAre("a", "b"));
  EXPECT_TRUE(t.has_gaps);
  EXPECT_NE(t.regex.find("(?P<a>x)"), std::string::npos) << t.regex;
  EXPECT_NE(t.regex.find("(?P<b__1>y)"), std::string::npos) << t.regex;
  EXPECT_NE(t.regex.find("(?P<a__1>x)"), std::string::npos) << t.regex;
  EXPECT_NE(t.shortest.find("}?"), std::string::npos) << t.shortest;
  EXPECT_EQ(t.regex.find("}?"), std::string::npos) << t.regex;
}

TEST(Pattern, PrefilterHoldsTheSegmentsWithoutGaps) {
  std::vector<PatternError> errors;
  TranslatedPattern t = Translate("(?:the )?a {then 2} b {near 3} (c {then 1} d)", &errors);
  EXPECT_THAT(errors, IsEmpty());
  // Top-level segments of the first part, the optional "the" dropped; a gap
  // inside a group becomes `.*`.
  EXPECT_THAT(t.prefilter, ElementsAre("a", "b", "(c(?s:.*)d)"));
  t = Translate("(?:x )?plain", &errors);
  EXPECT_THAT(t.prefilter, ElementsAre("plain"));
  EXPECT_FALSE(t.has_gaps);
}

TEST(Pattern, PrefilterDropsOptionalGroupsAtTheEnd) {
  std::vector<PatternError> errors;
  // Each trailing optional group goes, greedy or lazy; what must match stays.
  EXPECT_THAT(Translate("partner(?: (?P<s>in ASEAN))?(?: now)??", &errors).prefilter,
              ElementsAre("partner"));
  // Kept: a group that must match, one followed by more, a group that is
  // the whole pattern or a whole alternative, and an escaped parenthesis.
  for (const char* kept : {"a(?:b)", "a(?:b)?c", "(?:a)?", "a|(?:b)?",
                           "a\\(?:b\\)?", "a[(](?:b)+"}) {
    EXPECT_THAT(Translate(kept, &errors).prefilter, ElementsAre(kept)) << kept;
  }
  EXPECT_THAT(errors, IsEmpty());
}

TEST(Pattern, ExpandShowsWordFormsAndEachOrder) {
  EXPECT_THAT(ExpandPattern("{~sow} {VN}"),
              ElementsAre("(?:sowing|sowers|sowed|sower|sows|sown|sow) {VN}"));
  EXPECT_THAT(ExpandPattern("a {near 3} b {near 3} c"),
              ElementsAre("a {then 3} b {then 3} c", "a {then 3} c {then 3} b",
                          "b {then 3} a {then 3} c", "b {then 3} c {then 3} a",
                          "c {then 3} a {then 3} b", "c {then 3} b {then 3} a"));
  EXPECT_THAT(ExpandPattern("x’s {&} y"), ElementsAre("x’s {&} y"));
}

}  // namespace
}  // namespace refrain
