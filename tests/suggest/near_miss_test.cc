// Tests of engine/suggest/near_miss.h, and of how the rule compiler checks
// `anchor` patterns. Every sentence is invented.
#include "engine/suggest/near_miss.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// "partner": anchors for the rank, the partner noun and the bloc; "quiet":
// no anchors.
constexpr char kRules[] = R"pb(
  name: "t"
  lexicon { name: "RANK" term: "largest|biggest|top" }
  claim {
    id: "partner"
    tag: "trade"
    anchor: "{RANK}"
    anchor: "trad(?:e|ing) partners?"
    anchor: "ASEAN"
    pattern: "(?:China|Vietnam) is (?:China|Vietnam)'s {RANK} trading partner"
  }
  claim {
    id: "quiet"
    pattern: "nothing to see"
  }
)pb";

std::unique_ptr<const CompiledRules> Compile(const std::string& text) {
  std::vector<Diagnostic> diagnostics;
  auto rules = testing::CompileText(text, &diagnostics);
  EXPECT_TRUE(rules.ok()) << ::testing::PrintToString(testing::ToStrings(diagnostics));
  return rules.ok() ? std::move(*rules) : nullptr;
}

Document Doc(const std::string& id, const std::string& source, const std::string& text) {
  Document d;
  d.set_id(id);
  d.set_source(source);
  d.set_text(text);
  return d;
}

std::vector<std::string> Sentences(const std::vector<NearMiss>& near_misses) {
  std::vector<std::string> out;
  for (const NearMiss& n : near_misses) out.push_back(n.claim_id() + ": " + n.sentence());
  return out;
}

TEST(NearMissFinder, ListsSentencesWithTwoAnchorsAndNoHit) {
  auto rules = Compile(kRules);
  ASSERT_NE(rules, nullptr);
  NearMissFinder finder(*rules);
  ASSERT_EQ(finder.skipped().size(), 1u);
  EXPECT_EQ(finder.skipped()[0]->id(), "quiet");
  std::vector<NearMiss> found;
  finder.Find(Doc("d1", "Wire",
                  "China is Vietnam's largest trading partner. "   // a hit: not a near miss
                  "Vietnam ranks as China's biggest trading partner. "  // near miss
                  "The largest crowd gathered. "                    // one anchor only
                  "Trade partners in ASEAN met, the top ones first."),  // three anchors
              &found);
  EXPECT_THAT(Sentences(found),
              ElementsAre("partner: Vietnam ranks as China's biggest trading partner.",
                          "partner: Trade partners in ASEAN met, the top ones first."));
  ASSERT_EQ(found.size(), 2u);
  const NearMiss& n = found[0];
  EXPECT_EQ(n.doc_id(), "d1");
  EXPECT_EQ(n.source(), "Wire");
  EXPECT_EQ(n.distinct_anchors(), 2u);
  EXPECT_EQ(n.phrasing(), "biggest trading partner");
  const std::string& text = "China is Vietnam's largest trading partner. "
                            "Vietnam ranks as China's biggest trading partner. ";
  EXPECT_EQ(n.sentence_begin(), text.find("Vietnam ranks"));
  ASSERT_EQ(n.anchor_size(), 2);
  EXPECT_EQ(n.anchor(0).index(), 0u);
  EXPECT_EQ(n.anchor(0).text(), "biggest");
  EXPECT_EQ(n.anchor(0).begin(), text.find("biggest"));
  EXPECT_EQ(n.anchor(1).index(), 1u);
  EXPECT_EQ(n.anchor(1).text(), "trading partner");
  EXPECT_EQ(found[1].distinct_anchors(), 3u);
  EXPECT_EQ(HighlightAnchors(found[1], "[[", "]]"),
            "[[Trade partners]] in [[ASEAN]] met, the [[top]] ones first.");
}

TEST(NearMissFinder, OneSpanMatchedByTwoAnchorsCountsOnce) {
  auto rules = Compile(R"pb(
    name: "t"
    claim {
      id: "discord"
      anchor: "forces?"
      anchor: "no forces?"
      anchor: "discord"
      pattern: "no force can sow discord"
    }
  )pb");
  ASSERT_NE(rules, nullptr);
  std::vector<NearMiss> found;
  NearMissFinder(*rules).Find(
      Doc("d", "", "There is no force majeure clause. No force would stir discord."),
      &found);
  EXPECT_THAT(Sentences(found), ElementsAre("discord: No force would stir discord."));
}

TEST(NearMissFinder, MinAnchorsIsCappedByTheClaimsAnchors) {
  auto rules = Compile(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<NearMiss> found;
  NearMissOptions one;
  one.min_anchors = 1;
  NearMissFinder(*rules, one).Find(Doc("d", "", "The largest crowd gathered."), &found);
  EXPECT_THAT(Sentences(found), ElementsAre("partner: The largest crowd gathered."));
  found.clear();
  NearMissOptions many;
  many.min_anchors = 9;  // more than the claim has: all three are needed
  NearMissFinder(*rules, many)
      .Find(Doc("d", "", "Top trade partners. Top trade partners of ASEAN."), &found);
  EXPECT_THAT(Sentences(found), ElementsAre("partner: Top trade partners of ASEAN."));
}

TEST(NearMissFinder, AnchorsMatchWholeWordsAndOffsetsPointIntoTheOriginal) {
  auto rules = Compile(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<NearMiss> found;
  // "topmost" and "trading partnership" are not whole-word anchors.
  NearMissFinder(*rules).Find(Doc("d", "", "The topmost trading partnership."), &found);
  EXPECT_TRUE(found.empty());
  // Text that NFC changes (a decomposed "ệ") before the anchors: offsets are
  // still bytes of the original.
  const std::string text = "Vie\xCC\xA3\xCC\x82t said: the top trade\npartner.";
  NearMissFinder(*rules).Find(Doc("d", "", text), &found);
  ASSERT_EQ(found.size(), 1u);
  for (const NearMiss::Anchor& a : found[0].anchor()) {
    EXPECT_EQ(text.substr(a.begin(), a.end() - a.begin()), a.text());
  }
  EXPECT_EQ(found[0].anchor(1).text(), "trade\npartner");
  EXPECT_EQ(found[0].phrasing(), "top trade partner");
  EXPECT_EQ(HighlightAnchors(found[0], "<", ">"),
            "Vie\xCC\xA3\xCC\x82t said: the <top> <trade partner>.");
}

TEST(NearMissFinder, HighlightEscapesControlCharacters) {
  auto rules = Compile(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<NearMiss> found;
  NearMissFinder(*rules).Find(Doc("d", "", "A \x1b[2J top trading partner."), &found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(HighlightAnchors(found[0], "[[", "]]"),
            "A \\x1b[2J [[top]] [[trading partner]].");
}

TEST(GroupNearMisses, GroupsByPhrasingCountsSourcesAndRanks) {
  auto rules = Compile(kRules);
  ASSERT_NE(rules, nullptr);
  NearMissFinder finder(*rules);
  std::vector<NearMiss> found;
  finder.Find(Doc("a", "Wire", "In 2023 the top trading partner changed."), &found);
  finder.Find(Doc("b", "Daily", "In 1999 the Top  trading partner changed."), &found);
  finder.Find(Doc("c", "Wire", "The top trading partner, again."), &found);
  finder.Find(Doc("d", "Daily", "Biggest trade partner in ASEAN."), &found);
  const std::vector<NearMissGroup> groups = GroupNearMisses(*rules, found);
  ASSERT_EQ(groups.size(), 2u);
  // More distinct anchors first, though the other group has more sentences.
  EXPECT_EQ(groups[0].rank(), 1u);
  EXPECT_EQ(groups[0].phrasing(), "biggest trade partner in asean");
  EXPECT_EQ(groups[0].distinct_anchors(), 3u);
  EXPECT_EQ(groups[1].rank(), 2u);
  EXPECT_EQ(groups[1].phrasing(), "top trading partner");
  EXPECT_EQ(groups[1].near_miss_size(), 3);
  ASSERT_EQ(groups[1].source_size(), 2);
  EXPECT_EQ(groups[1].source(0).source(), "Wire");
  EXPECT_EQ(groups[1].source(0).sentences(), 2u);
  EXPECT_EQ(groups[1].source(1).source(), "Daily");
  EXPECT_EQ(groups[1].source(1).sentences(), 1u);
}

TEST(NearMissPhrasing, CollapsesCaseDigitsSpacesQuotesAndDashes) {
  EXPECT_EQ(NearMissPhrasing("US$ 1.45 Trillion \xE2\x80\x94 China\xE2\x80\x99s\n top"),
            "us$ 0.0 trillion - china's top");
}

TEST(NearMissPhrasing, CutsLongPhrasingsAtACharacterBoundary) {
  const std::string phrasing = NearMissPhrasing(std::string(299, 'a') + "\u00e9" + std::string(500, 'b'));
  EXPECT_EQ(phrasing, std::string(299, 'a') + "\u2026");
  EXPECT_EQ(NearMissPhrasing("Short  One"), "short one");
}

TEST(RuleCompiler, ReportsBadAnchorsByLineAndColumn) {
  std::vector<Diagnostic> diagnostics;
  auto rules = testing::CompileText(R"pb(name: "t"
claim {
  id: "c"
  anchor: "{NOPE} partner"
  anchor: "(unclosed"
  anchor: "x?"
  anchor: ""
  pattern: "a partner"
}
)pb",
                                    &diagnostics);
  EXPECT_FALSE(rules.ok());
  const std::vector<std::string> messages = testing::ToStrings(diagnostics);
  ASSERT_GE(messages.size(), 4u);
  EXPECT_THAT(messages[0], HasSubstr("test.textproto:4:12: error: claim 'c': undefined lexicon {NOPE}"));
  EXPECT_THAT(messages[1], HasSubstr("test.textproto:5:12: error: claim 'c': invalid RE2 anchor"));
  EXPECT_THAT(messages[2], HasSubstr("test.textproto:6:3: error: claim 'c': anchor can match the empty string"));
  EXPECT_THAT(messages[3], HasSubstr("test.textproto:7:3: error: claim 'c': empty anchor"));
}

}  // namespace
}  // namespace refrain
