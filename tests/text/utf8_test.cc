#include "engine/text/utf8.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

TEST(Utf8, ContinuationBytesAreExactly0x80To0xBF) {
  for (int b = 0; b < 256; ++b) {
    EXPECT_EQ(IsUtf8Continuation(static_cast<char>(b)), b >= 0x80 && b <= 0xBF) << b;
  }
}

TEST(Utf8, SequenceLengthFollowsTheLeadByte) {
  EXPECT_EQ(Utf8SequenceLength('a'), 1u);
  EXPECT_EQ(Utf8SequenceLength('\x7F'), 1u);
  EXPECT_EQ(Utf8SequenceLength('\x80'), 1u);  // a stray continuation byte
  EXPECT_EQ(Utf8SequenceLength('\xBF'), 1u);
  EXPECT_EQ(Utf8SequenceLength('\xC0'), 2u);  // overlong, but announces 2
  EXPECT_EQ(Utf8SequenceLength('\xDF'), 2u);
  EXPECT_EQ(Utf8SequenceLength('\xE0'), 3u);
  EXPECT_EQ(Utf8SequenceLength('\xEF'), 3u);
  EXPECT_EQ(Utf8SequenceLength('\xF0'), 4u);
  EXPECT_EQ(Utf8SequenceLength('\xFF'), 4u);  // never valid; still at most 4
}

TEST(Utf8, LengthsAgreeWithTheDecoderOverEveryCodePoint) {
  for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string s = testing::EncodeUtf8(cp);
    uint32_t decoded = 0;
    ASSERT_EQ(DecodeUtf8(s, 0, &decoded), static_cast<int>(s.size())) << cp;
    ASSERT_EQ(decoded, cp);
    ASSERT_EQ(Utf8SequenceLength(s[0]), s.size()) << cp;
    ASSERT_EQ(Utf8EncodedLength(cp), s.size()) << cp;
    // Between two ASCII letters, found from either side.
    const std::string t = "a" + s + "b";
    ASSERT_EQ(Utf8CharStartBefore(t, 1 + s.size()), 1u) << cp;
    for (size_t k = 1; k <= s.size(); ++k) {
      ASSERT_EQ(Utf8BoundaryAtOrBefore(t, k, 0), 1u) << cp << " " << k;
      ASSERT_EQ(Utf8BoundaryAtOrAfter(t, k), k == 1 ? 1 : 1 + s.size()) << cp << " " << k;
    }
  }
}

TEST(Utf8, EncodedLengthAtTheEdges) {
  EXPECT_EQ(Utf8EncodedLength(0), 1u);
  EXPECT_EQ(Utf8EncodedLength(0x7F), 1u);
  EXPECT_EQ(Utf8EncodedLength(0x80), 2u);
  EXPECT_EQ(Utf8EncodedLength(0x7FF), 2u);
  EXPECT_EQ(Utf8EncodedLength(0x800), 3u);
  EXPECT_EQ(Utf8EncodedLength(0xD800), 3u);
  EXPECT_EQ(Utf8EncodedLength(0xFFFF), 3u);
  EXPECT_EQ(Utf8EncodedLength(0x10000), 4u);
  EXPECT_EQ(Utf8EncodedLength(0x10FFFF), 4u);
}

TEST(Utf8, CharStartBeforeStopsAtTheStartOfTheText) {
  const std::string s = "\u00E9";  // C3 A9
  EXPECT_EQ(Utf8CharStartBefore(s, 2), 0u);
  EXPECT_EQ(Utf8CharStartBefore(s, 1), 0u);
  // Continuation bytes only: back to 0, not past it.
  EXPECT_EQ(Utf8CharStartBefore("\x80\x80", 2), 0u);
  EXPECT_EQ(Utf8CharStartBefore("a", 1), 0u);
}

TEST(Utf8, CharStartBeforeTakesAtMostFourBytesOfMalformedText) {
  // Five continuation bytes after 'x': the "character" ending at the end
  // is the last four bytes, as if the first of them led it.
  const std::string s = "x\x80\x80\x80\x80\x80";
  EXPECT_EQ(Utf8CharStartBefore(s, s.size()), s.size() - 4);
  // A lead byte without its continuation bytes is a character of its own.
  const std::string cut = "ab\xE4";
  EXPECT_EQ(Utf8CharStartBefore(cut, 3), 2u);
  EXPECT_EQ(Utf8CharStartBefore(cut, 2), 1u);
}

TEST(Utf8, BoundaryAtOrBeforeRespectsTheFloorAndTheEnd) {
  const std::string s = "ab\u4E2D";  // 61 62 E4 B8 AD
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 0, 0), 0u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 2, 0), 2u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 3, 0), 2u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 4, 0), 2u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 4, 3), 3u);  // not before the floor
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 5, 0), 5u);  // the end is a boundary
  EXPECT_EQ(Utf8BoundaryAtOrBefore(s, 9, 0), 9u);  // and so is past it
  // Only continuation bytes: back to the floor.
  const std::string junk = "\x80\x80\x80\x80\x80\x80";
  EXPECT_EQ(Utf8BoundaryAtOrBefore(junk, 5, 0), 0u);
  EXPECT_EQ(Utf8BoundaryAtOrBefore(junk, 5, 2), 2u);
}

TEST(Utf8, BoundaryAtOrAfterStopsAtTheEnd) {
  const std::string s = "\u4E2D";  // E4 B8 AD
  EXPECT_EQ(Utf8BoundaryAtOrAfter(s, 0), 0u);
  EXPECT_EQ(Utf8BoundaryAtOrAfter(s, 1), 3u);
  EXPECT_EQ(Utf8BoundaryAtOrAfter(s, 3), 3u);
  EXPECT_EQ(Utf8BoundaryAtOrAfter(s, 7), 7u);
  EXPECT_EQ(Utf8BoundaryAtOrAfter("\x80\x80", 0), 2u);
  EXPECT_EQ(Utf8BoundaryAtOrAfter(absl::string_view(), 0), 0u);
}

TEST(Utf8, DecodeRejectsMalformedSequences) {
  uint32_t cp = 0;
  EXPECT_EQ(DecodeUtf8("\x80", 0, &cp), 0);          // continuation byte
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", 0, &cp), 0);      // overlong '/'
  EXPECT_EQ(DecodeUtf8("\xE0\x80\xAF", 0, &cp), 0);  // overlong
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0, &cp), 0);  // surrogate U+D800
  EXPECT_EQ(DecodeUtf8("\xF4\x90\x80\x80", 0, &cp), 0);  // above U+10FFFF
  EXPECT_EQ(DecodeUtf8("\xE4\xB8", 0, &cp), 0);      // cut by the end
  EXPECT_EQ(DecodeUtf8("\xE4" "a" "\xAD", 0, &cp), 0);
  EXPECT_EQ(FindInvalidUtf8("ok \xE4\xB8"), 3u);
  EXPECT_EQ(FindInvalidUtf8("ok \u4E2D"), absl::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8(""), absl::string_view::npos);
}

TEST(Utf8, LineOfCountsNewlinesBeforeTheOffset) {
  EXPECT_EQ(LineOf("a\nb\nc", 0), 1);
  EXPECT_EQ(LineOf("a\nb\nc", 2), 2);
  EXPECT_EQ(LineOf("a\nb\nc", 100), 3);
}

}  // namespace
}  // namespace refrain
