// Tests of engine/text/escape.h.
#include "engine/text/escape.h"

#include "gtest/gtest.h"

namespace refrain {
namespace {

TEST(EscapeControls, CopiesPrintableTextAsItIs) {
  EXPECT_EQ(EscapeControls("Việt Nam — \"top\" partner \\ 100%"),
            "Việt Nam — \"top\" partner \\ 100%");
  EXPECT_EQ(EscapeControls(""), "");
}

TEST(EscapeControls, WritesTerminalSequencesVisibly) {
  // An OSC that retitles the terminal, then CSI 2J that clears it.
  EXPECT_EQ(EscapeControls("\x1b]0;pwned\a\x1b[2Jok"), "\\x1b]0;pwned\\x07\\x1b[2Jok");
  EXPECT_EQ(EscapeControls("a\tb\nc\rd\x7f" "e"), "a\\tb\\nc\\rd\\x7fe");
  EXPECT_EQ(EscapeControls(std::string("nul\0!", 5)), "nul\\x00!");
}

TEST(EscapeControls, WritesC1AndBidiControlsAsCodePoints) {
  EXPECT_EQ(EscapeControls("\xc2\x9b" "2J"), "\\u009b2J");  // C1 CSI
  EXPECT_EQ(EscapeControls("\xc2\x85"), "\\u0085");
  EXPECT_EQ(EscapeControls("abc\xe2\x80\xae" "fed"), "abc\\u202efed");  // RLO
  EXPECT_EQ(EscapeControls("\xe2\x81\xa6x\xe2\x81\xa9"), "\\u2066x\\u2069");
  EXPECT_EQ(EscapeControls("\xc2\xa0"), "\xc2\xa0");  // no-break space stays
}

TEST(EscapeControls, WritesBytesThatAreNotUtf8AsHex) {
  EXPECT_EQ(EscapeControls("a\x9b" "b\xff\xc3"), "a\\x9bb\\xff\\xc3");
  EXPECT_EQ(EscapeControls("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
}

}  // namespace
}  // namespace refrain
