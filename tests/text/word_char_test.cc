// Tests of engine/text/word_char.h.
#include "engine/text/word_char.h"

#include <string>

#include "gtest/gtest.h"
#include "re2/re2.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

// The class that IsWordChar replaced; RE2 and ICU must agree on it.
const RE2& Re2WordClass() {
  static const RE2* const kWord = new RE2("[\\pL\\pN\\pM_]");
  return *kWord;
}

bool Re2IsWordChar(absl::string_view c) {
  return RE2::FullMatch(re2::StringPiece(c.data(), c.size()), Re2WordClass());
}

// With Debian's ICU 72 (Unicode 15.0) and RE2 2022-06-01 the two agree on
// every code point; a difference means one of them moved to another
// Unicode version, and the boundaries of matches would move with it.
TEST(WordChar, AgreesWithRe2OnEveryCodePoint) {
  int differences = 0;
  for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // not encodable
    const std::string c = testing::EncodeUtf8(cp);
    const bool re2 = Re2IsWordChar(c);
    if (IsWordCodePoint(cp) != re2 || IsWordChar(c) != re2) {
      if (++differences <= 20) ADD_FAILURE() << "U+" << std::hex << cp << " RE2 says " << re2;
    }
  }
  EXPECT_EQ(differences, 0);
}

// Malformed non-ASCII input is never a word character, as RE2 never
// matched it: every byte alone, and every pair of bytes.
TEST(WordChar, AgreesWithRe2OnMalformedBytes) {
  for (int a = 0x80; a < 0x100; ++a) {
    const std::string one(1, static_cast<char>(a));
    EXPECT_FALSE(IsWordChar(one)) << a;
    for (int b = 0; b < 0x100; ++b) {
      const std::string two = {static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(IsWordChar(two), Re2IsWordChar(two)) << a << " " << b;
    }
  }
  for (absl::string_view c : {"\xC0\x81",           // overlong 'A'
                              "\xE0\x81\x81",       // overlong 'A'
                              "\xF0\x80\x81\x81",   // overlong 'A'
                              "\xED\xA0\x80",       // surrogate
                              "\xE4\xB8",           // cut short
                              "\xC3\xA9\x80",       // a byte too many
                              "\xF8\x88\x80\x80"}) {
    EXPECT_FALSE(IsWordChar(c));
    EXPECT_FALSE(Re2IsWordChar(c));
  }
}

TEST(WordChar, LooksOnlyAtALeadingAsciiByte) {
  EXPECT_TRUE(IsWordChar("a"));
  EXPECT_TRUE(IsWordChar("_"));
  EXPECT_TRUE(IsWordChar("7"));
  EXPECT_FALSE(IsWordChar("-"));
  EXPECT_FALSE(IsWordChar(""));
  EXPECT_TRUE(IsWordChar("a\x80"));  // as CharBefore may hand it over
}

TEST(WordChar, KnowsLettersMarksAndDigitsOfOtherScripts) {
  EXPECT_TRUE(IsWordChar("\u1EC7"));    // ệ
  EXPECT_TRUE(IsWordChar("\u0323"));    // combining dot below
  EXPECT_TRUE(IsWordChar("\u4E2D"));    // 中
  EXPECT_TRUE(IsWordChar("\u0663"));    // Arabic-Indic three
  EXPECT_FALSE(IsWordChar("\u2019"));   // right single quote
  EXPECT_FALSE(IsWordChar("\u00A0"));   // no-break space
  EXPECT_FALSE(IsWordChar("\u2013"));   // en dash
}

}  // namespace
}  // namespace refrain
