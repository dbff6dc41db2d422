// Tests of engine/text/sentence_splitter.h.
#include "engine/text/sentence_splitter.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text)) {
    out.push_back((s.debris ? "[debris] " : "") + text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SentenceSplitter, SplitsAtFullStopsQuestionAndExclamationMarks) {
  EXPECT_THAT(Split("Trade grew. Did it? Yes! It did."),
              ElementsAre("Trade grew.", "Did it?", "Yes!", "It did."));
}

TEST(SentenceSplitter, KeepsAbbreviationsInsideSentences) {
  EXPECT_THAT(Split("HANOI, Jan. 5 (Wire) -- Mr. Lam met Dr. Wang. They spoke."),
              ElementsAre("HANOI, Jan. 5 (Wire) -- Mr. Lam met Dr. Wang.", "They spoke."));
  EXPECT_THAT(Split("It is the No. 1 partner. He said no. Then he left."),
              ElementsAre("It is the No. 1 partner.", "He said no.", "Then he left."));
  EXPECT_THAT(Split("Exports to the U.S. Rose sharply, said John F. Smith."),
              ElementsAre("Exports to the U.S. Rose sharply, said John F. Smith."));
}

TEST(SentenceSplitter, KeepsDecimalsAndAmountsTogether) {
  EXPECT_THAT(Split("Trade hit 1.2 trillion yuan (about 170.5 billion U.S. dollars) "
                    "this year. It grew 3.6 percent."),
              ElementsAre("Trade hit 1.2 trillion yuan (about 170.5 billion U.S. "
                          "dollars) this year.",
                          "It grew 3.6 percent."));
}

TEST(SentenceSplitter, KeepsClosingQuotesWithTheirSentence) {
  EXPECT_THAT(Split("Ties rest on \u201Ccomrades and brothers.\u201D Both agreed. "
                    "He said \"enough.\" Then left."),
              ElementsAre("Ties rest on \u201Ccomrades and brothers.\u201D",
                          "Both agreed.", "He said \"enough.\"", "Then left."));
}

TEST(SentenceSplitter, TreatsLinesWithoutFinalPunctuationAsSentences) {
  EXPECT_THAT(Split("Leaders Meet in Hanoi\n\nBy Staff Writer\nThe talks began.\n"),
              ElementsAre("Leaders Meet in Hanoi", "By Staff Writer",
                          "The talks began."));
}

TEST(SentenceSplitter, JoinsHardWrappedLines) {
  EXPECT_THAT(Split("China is Vietnam's largest\ntrading partner, officials\nsaid. "
                    "Next."),
              ElementsAre("China is Vietnam's largest\ntrading partner, officials\nsaid.",
                          "Next."));
}

TEST(SentenceSplitter, MarksLinkLinesAsDebris) {
  EXPECT_THAT(Split("Real news here.\nREAD MORE: China is Vietnam's top partner\n"
                    "Also read: Other story\nRelated Articles\nMore real news."),
              ElementsAre("Real news here.",
                          "[debris] READ MORE: China is Vietnam's top partner",
                          "[debris] Also read: Other story", "[debris] Related Articles",
                          "More real news."));
}

TEST(SentenceSplitter, MarksRecommendationLinesAsDebris) {
  EXPECT_THAT(Split("Real news here.\nYou may also like: China is Vietnam's top partner\n"
                    "Further reading: Other story\nMore on this: A third\nMore real news."),
              ElementsAre("Real news here.",
                          "[debris] You may also like: China is Vietnam's top partner",
                          "[debris] Further reading: Other story", "[debris] More on this: A third",
                          "More real news."));
}

TEST(SentenceSplitter, HandlesEmptyAndWhitespaceText) {
  EXPECT_THAT(Split(""), ElementsAre());
  EXPECT_THAT(Split(" \n\r\n\t "), ElementsAre());
  EXPECT_THAT(Split("No final stop"), ElementsAre("No final stop"));
  EXPECT_THAT(Split("Ends with CRLF.\r\nNext line.\r\n"),
              ElementsAre("Ends with CRLF.", "Next line."));
}

// The traps of shared/claims.md, on the real articles.
TEST(SentenceSplitter, SurvivesTheSampleCorpusTraps) {
  REFRAIN_REQUIRE_SHARED("the sentence traps of the seed articles");
  std::optional<std::string> shared = testing::SharedDir();
  const std::string text = testing::ReadFileOrDie(
      *shared + "/corpus/seeds/xinhua-2023-12-14-ties-upgrade.txt");
  std::vector<std::string> sentences = Split(text);
  auto find = [&](const std::string& fragment) -> std::string {
    for (const std::string& s : sentences) {
      if (absl::StrContains(s, fragment)) return s;
    }
    return "<not found: " + fragment + ">";
  };
  // "Dec. 14" does not end the dateline's sentence.
  EXPECT_TRUE(absl::StartsWith(find("Dec. 14"), "BEIJING, Dec. 14 (Xinhua) -- China"));
  // "1.45 trillion" and "U.S. dollars" stay in one sentence.
  EXPECT_THAT(find("1.45 trillion"), ::testing::HasSubstr("U.S. dollars) from January"));
  // The closing quote stays with its sentence, and the next one starts fresh.
  EXPECT_TRUE(absl::EndsWith(find("camaraderie plus"), "brotherhood.\""));
  EXPECT_TRUE(absl::StartsWith(find("Over the past decades"), "Over the past decades"));

  const std::string daily = testing::ReadFileOrDie(
      *shared + "/corpus/seeds/china-daily-2025-04-14-xi-visit.txt");
  int debris = 0;
  for (const Sentence& s : SplitSentences(daily)) {
    absl::string_view sentence(daily.data() + s.begin, s.end - s.begin);
    bool link = absl::StartsWith(sentence, "READ MORE:") ||
                absl::StartsWith(sentence, "ALSO READ:");
    EXPECT_EQ(s.debris, link) << sentence;
    debris += s.debris;
  }
  EXPECT_EQ(debris, 2);
}

}  // namespace
}  // namespace refrain
