// Tests of engine/text/char_families.h: the families are folded alike by
// report keys (engine/diff/alignment.h) and matched alike by patterns
// (engine/rules/pattern.h).
#include "engine/text/char_families.h"

#include <memory>
#include <string>
#include <vector>

#include "engine/diff/alignment.h"
#include "engine/rules/pattern.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

// A pattern written with a family's ASCII member, and what report keys
// fold the family to.
struct Family {
  const char* pattern;  // "x'y" matches x, any single quote, y
  const char* folded;   // NormalizePhrasing("x’y")
};

// Every character that pattern translation lets stand for the ASCII member
// is folded to it by the report key, and every character the report key
// folds to it is matched by the pattern: the two cannot drift apart.
TEST(CharFamilies, PatternsMatchWhatReportKeysFoldTogether) {
  const LexiconLookup none = [](const std::string&) {
    return absl::StatusOr<const std::string*>(nullptr);
  };
  const std::vector<Family> families = {{"x'y", "x'y"}, {"x\"y", "x\"y"},
                                        {"x-y", "x-y"}, {"x y", "x y"}};
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const Family& family : families) {
    std::vector<PatternError> errors;
    const TranslatedPattern t = TranslatePattern(family.pattern, none, &errors);
    ASSERT_TRUE(errors.empty());
    patterns.push_back(std::make_unique<RE2>(t.regex));
    ASSERT_TRUE(patterns.back()->ok()) << t.regex;
  }
  int members = 0;
  for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string text = "x" + testing::EncodeUtf8(cp) + "y";
    const std::string key = NormalizePhrasing(text);
    for (size_t f = 0; f < families.size(); ++f) {
      const bool matched = RE2::FullMatch(text, *patterns[f]);
      ASSERT_EQ(matched, key == families[f].folded)
          << families[f].pattern << " U+" << std::hex << cp;
      members += matched;
    }
  }
  // ' ‘ ’ ʼ; " “ ”; - ‐ ‑ ‒ – — ― −; RE2's \s (tab, newline, form feed,
  // carriage return, space) and the no-break, thin and narrow no-break
  // spaces.
  EXPECT_EQ(members, 4 + 3 + 8 + 8);
}

TEST(CharFamilies, FoldsEachFamilyToItsAsciiMember) {
  EXPECT_EQ(FoldCharFamilies("China\u2019s \u201Ctop\u201D\u00A0\u2009partner\u2014"
                             "\u2212 \u02BCok\u2018"),
            "China's \"top\" partner-- 'ok'");
  EXPECT_EQ(FoldCharFamilies(" a \t\n b "), " a b ");
  EXPECT_EQ(FoldCharFamilies(""), "");
}

TEST(CharFamilies, QuotesAreCharacterLists) {
  EXPECT_EQ(std::string(kSingleQuotes), "'\u2018\u2019\u02BC");
  EXPECT_EQ(std::string(kDoubleQuotes), "\"\u201C\u201D");
}

}  // namespace
}  // namespace refrain
