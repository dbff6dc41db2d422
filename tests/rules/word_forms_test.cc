// Tests of engine/rules/word_forms.h: English inflected forms for `{~word}`.
#include "engine/rules/word_forms.h"

#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::IsSupersetOf;
using ::testing::Not;

TEST(WordForms, GivesTheWholeListInItsOrder) {
  EXPECT_THAT(WordForms("sow"), ElementsAre("sow", "sows", "sowed", "sown",
                                            "sowing", "sower", "sowers"));
  EXPECT_THAT(WordForms("stop"),
              ElementsAre("stop", "stops", "stoped", "stopped", "stoping",
                          "stopping", "stoper", "stopers", "stopper",
                          "stoppers"));
}

TEST(WordForms, AddsSToNouns) {
  EXPECT_THAT(WordForms("partner"), Contains("partners"));
  EXPECT_THAT(WordForms("partner"), Not(Contains("partneres")));
}

TEST(WordForms, AddsEsAfterSibilants) {
  EXPECT_THAT(WordForms("box"), Contains("boxes"));
  EXPECT_THAT(WordForms("church"), Contains("churches"));
  EXPECT_THAT(WordForms("wish"), Contains("wishes"));
  EXPECT_THAT(WordForms("bus"), Contains("buses"));
  EXPECT_THAT(WordForms("box"), Not(Contains("boxs")));
}

TEST(WordForms, TurnsConsonantYIntoIes) {
  EXPECT_THAT(WordForms("country"), Contains("countries"));
  EXPECT_THAT(WordForms("country"), Not(Contains("countrys")));
  EXPECT_THAT(WordForms("carry"),
              IsSupersetOf({"carries", "carried", "carrying", "carrier"}));
  // After a vowel, y stays.
  EXPECT_THAT(WordForms("play"), IsSupersetOf({"plays", "played", "player"}));
  EXPECT_THAT(WordForms("play"), Not(Contains("plaies")));
}

TEST(WordForms, GivesIrregularPluralsFromTheTable) {
  EXPECT_THAT(WordForms("child"), Contains("children"));
  EXPECT_THAT(WordForms("man"), Contains("men"));
  EXPECT_THAT(WordForms("person"), IsSupersetOf({"people", "persons"}));
  EXPECT_THAT(WordForms("analysis"), Contains("analyses"));
  EXPECT_THAT(WordForms("criterion"), Contains("criteria"));
  EXPECT_THAT(WordForms("phenomenon"), Contains("phenomena"));
  EXPECT_THAT(WordForms("medium"), IsSupersetOf({"media", "mediums"}));
  EXPECT_THAT(WordForms("leaf"), Contains("leaves"));
  EXPECT_THAT(WordForms("wife"), Contains("wives"));
}

TEST(WordForms, GivesIrregularPluralsOfCompounds) {
  EXPECT_THAT(WordForms("chairman"), Contains("chairmen"));
  EXPECT_THAT(WordForms("woman"), Contains("women"));
  EXPECT_THAT(WordForms("grandchild"), Contains("grandchildren"));
  EXPECT_THAT(WordForms("hypothesis"), Contains("hypotheses"));
}

TEST(WordForms, TurnsFIntoVesOnlyFromTheTable) {
  EXPECT_THAT(WordForms("roof"), Contains("roofs"));
  EXPECT_THAT(WordForms("roof"), Not(Contains("rooves")));
  EXPECT_THAT(WordForms("chief"), Not(Contains("chieves")));
  EXPECT_THAT(WordForms("safe"), Not(Contains("saves")));
}

TEST(WordForms, GivesTheRegularVerbForms) {
  EXPECT_THAT(WordForms("remain"),
              IsSupersetOf({"remains", "remained", "remaining"}));
  EXPECT_THAT(WordForms("exceed"),
              IsSupersetOf({"exceeds", "exceeded", "exceeding"}));
  // "eed" is not consonant-vowel-consonant: no doubling.
  EXPECT_THAT(WordForms("exceed"), Not(Contains("exceedded")));
  EXPECT_THAT(WordForms("remain"), Not(Contains("remainned")));
}

TEST(WordForms, DropsOrKeepsTheFinalE) {
  EXPECT_THAT(WordForms("trade"), IsSupersetOf({"trades", "traded", "trading",
                                                "trader", "traders"}));
  EXPECT_THAT(WordForms("trade"), Not(Contains("tradeing")));
  EXPECT_THAT(WordForms("trade"), Not(Contains("tradeed")));
  EXPECT_THAT(WordForms("agree"), IsSupersetOf({"agreeing", "agreed"}));
  EXPECT_THAT(WordForms("agree"), Not(Contains("agreing")));
  EXPECT_THAT(WordForms("agree"), Not(Contains("agreeed")));
  EXPECT_THAT(WordForms("dye"), Contains("dyeing"));
  EXPECT_THAT(WordForms("canoe"), Contains("canoeing"));
}

TEST(WordForms, TurnsIeIntoYing) {
  EXPECT_THAT(WordForms("die"), IsSupersetOf({"dies", "died", "dying"}));
  EXPECT_THAT(WordForms("die"), Not(Contains("dieing")));
  EXPECT_THAT(WordForms("tie"), Contains("tying"));
}

TEST(WordForms, DoublesTheFinalConsonantAndKeepsItSingleToo) {
  EXPECT_THAT(WordForms("stop"), IsSupersetOf({"stopped", "stopping"}));
  EXPECT_THAT(WordForms("admit"), IsSupersetOf({"admitted", "admitting"}));
  EXPECT_THAT(WordForms("visit"), IsSupersetOf({"visited", "visiting"}));
  EXPECT_THAT(WordForms("win"), IsSupersetOf({"winning", "winner"}));
  // qu counts as a consonant.
  EXPECT_THAT(WordForms("equip"), Contains("equipped"));
  // A final c doubles as ck.
  EXPECT_THAT(WordForms("traffic"),
              IsSupersetOf({"trafficked", "trafficking", "trafficker"}));
  // Never w, x or y; never after two vowels.
  EXPECT_THAT(WordForms("fix"), Not(Contains("fixxed")));
  EXPECT_THAT(WordForms("show"), Not(Contains("showwing")));
  EXPECT_THAT(WordForms("stay"), Not(Contains("stayying")));
  EXPECT_THAT(WordForms("need"), Not(Contains("needding")));
}

TEST(WordForms, GivesIrregularVerbFormsAndTheRegularOnes) {
  EXPECT_THAT(WordForms("become"),
              IsSupersetOf({"becomes", "became", "becoming", "becomer"}));
  EXPECT_THAT(WordForms("be"), IsSupersetOf({"am", "is", "are", "was", "were",
                                            "been", "being"}));
  EXPECT_THAT(WordForms("lead"),
              IsSupersetOf({"leads", "led", "leading", "leader", "leaders"}));
  EXPECT_THAT(WordForms("overtake"),
              IsSupersetOf({"overtook", "overtaken", "overtaking"}));
  EXPECT_THAT(WordForms("understand"), Contains("understood"));
  EXPECT_THAT(WordForms("strike"), IsSupersetOf({"struck", "stricken"}));
  EXPECT_THAT(WordForms("go"), IsSupersetOf({"goes", "went", "gone"}));
  EXPECT_THAT(WordForms("set"), Contains("setting"));
}

TEST(WordForms, GivesNoRegularPastToAnIrregularVerb) {
  EXPECT_THAT(WordForms("be"), Not(Contains("bed")));
  EXPECT_THAT(WordForms("be"), Not(Contains("bing")));
  EXPECT_THAT(WordForms("see"), Not(Contains("seed")));
  EXPECT_THAT(WordForms("lead"), Not(Contains("leaded")));
  EXPECT_THAT(WordForms("sing"), Not(Contains("singed")));
  EXPECT_THAT(WordForms("become"), Not(Contains("becomed")));
}

TEST(WordForms, TreatsSignAndForgeAsRegular) {
  EXPECT_THAT(WordForms("sign"), IsSupersetOf({"signs", "signed", "signing"}));
  EXPECT_THAT(WordForms("forge"), IsSupersetOf({"forged", "forging"}));
}

TEST(WordForms, GivesNoSuperlatives) {
  EXPECT_THAT(WordForms("large"), Not(Contains("largest")));
  EXPECT_THAT(WordForms("big"), Not(Contains("biggest")));
}

TEST(WordForms, StartsWithTheWordAndHasNoDuplicates) {
  // Words whose forms coincide with each other or with the word: "let" and
  // "read" are their own pasts, "become" its own participle, "woman" gets
  // "women" from two table entries, "self" from two as well.
  for (const char* word : {"let", "read", "become", "woman", "self", "have",
                           "fly", "be", "partner", "stop", "x"}) {
    std::vector<std::string> forms = WordForms(word);
    ASSERT_THAT(forms, Not(IsEmpty())) << word;
    EXPECT_EQ(forms.front(), word);
    EXPECT_EQ(std::set<std::string>(forms.begin(), forms.end()).size(),
              forms.size())
        << word;
  }
}

TEST(WordForms, RefusesWhatIsWordFormsWordRefuses) {
  EXPECT_THAT(WordForms(""), IsEmpty());
  EXPECT_THAT(WordForms("Partner"), IsEmpty());
  EXPECT_THAT(WordForms("trade partner"), IsEmpty());
}

TEST(IsWordFormsWord, AcceptsLowerCaseLetters) {
  EXPECT_TRUE(IsWordFormsWord("partner"));
  EXPECT_TRUE(IsWordFormsWord("a"));
  EXPECT_TRUE(IsWordFormsWord("z"));
}

TEST(IsWordFormsWord, RefusesAnythingElse) {
  EXPECT_FALSE(IsWordFormsWord(""));
  EXPECT_FALSE(IsWordFormsWord("Partner"));
  EXPECT_FALSE(IsWordFormsWord("trade partner"));
  EXPECT_FALSE(IsWordFormsWord("a1"));
  EXPECT_FALSE(IsWordFormsWord("co-operate"));
  EXPECT_FALSE(IsWordFormsWord("don't"));
  EXPECT_FALSE(IsWordFormsWord("caf\xC3\xA9"));
  EXPECT_FALSE(IsWordFormsWord(std::string("a\0b", 3)));
}

}  // namespace
}  // namespace refrain
