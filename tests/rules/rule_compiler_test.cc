// Tests of engine/rules/rule_compiler.h and the matching semantics of the
// claims it compiles (engine/rules/compiled_rules.h).
#include "engine/rules/rule_compiler.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::refrain::testing::CompileText;
using ::refrain::testing::HitTexts;
using ::refrain::testing::ToStrings;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Compiles a rule set holding one claim `c` made of `claim_body`, and
// returns it; fails the test when it does not compile.
std::unique_ptr<const CompiledRules> OneClaim(const std::string& claim_body,
                                              const std::string& lexicons = "") {
  std::vector<Diagnostic> diagnostics;
  auto rules = CompileText("name: \"t\"\n" + lexicons + "\nclaim { id: \"c\" " +
                               claim_body + " }",
                           &diagnostics);
  EXPECT_TRUE(rules.ok()) << rules.status() << "\n"
                          << ::testing::PrintToString(ToStrings(diagnostics));
  return rules.ok() ? std::move(*rules) : nullptr;
}

std::vector<std::string> Hits(const std::string& claim_body,
                              const std::string& sentence,
                              const std::string& lexicons = "") {
  auto rules = OneClaim(claim_body, lexicons);
  if (rules == nullptr) return {"<does not compile>"};
  return HitTexts(*rules->FindClaim("c"), sentence);
}

std::vector<std::string> Errors(const std::string& text) {
  std::vector<Diagnostic> diagnostics;
  auto rules = CompileText(text, &diagnostics);
  std::vector<std::string> errors;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) errors.push_back(d.ToString());
  }
  EXPECT_EQ(rules.ok(), errors.empty());
  return errors;
}

TEST(RuleCompiler, MatchesCaseInsensitively) {
  EXPECT_THAT(Hits("pattern: \"largest trading partner\"",
                   "China is the LARGEST Trading Partner."),
              ElementsAre("LARGEST Trading Partner"));
}

TEST(RuleCompiler, SpaceMatchesAnyRunOfWhitespace) {
  EXPECT_THAT(Hits("pattern: \"trading partner\"",
                   "a trading \n\t partner; a trading\u00A0partner; a tradingpartner"),
              ElementsAre("trading \n\t partner", "trading\u00A0partner"));
}

TEST(RuleCompiler, StraightAndCurlyQuotesMatchEachOther) {
  EXPECT_THAT(Hits("pattern: \"Vietnam's\"", "Vietnam’s and Vietnam's"),
              ElementsAre("Vietnam’s", "Vietnam's"));
  EXPECT_THAT(Hits("pattern: \"“comrades”\"", "as \"comrades\" and “comrades”"),
              ElementsAre("\"comrades\"", "“comrades”"));
}

TEST(RuleCompiler, HyphenMatchesDashes) {
  EXPECT_THAT(Hits("pattern: \"China-Vietnam\"", "China–Vietnam and China-Vietnam"),
              ElementsAre("China–Vietnam", "China-Vietnam"));
}

TEST(RuleCompiler, HitsStartAndEndAtWordBoundaries) {
  EXPECT_THAT(Hits("pattern: \"partner\"", "partnership, copartner, partner."),
              ElementsAre("partner"));
  // Non-ASCII letters are word characters too.
  EXPECT_THAT(Hits("pattern: \"Vi\"", "Việt Nam, Vi."), ElementsAre("Vi"));
}

TEST(RuleCompiler, PrefersLongestAlternativeThatEndsAtWordBoundary) {
  EXPECT_THAT(Hits("pattern: \"comrades? and (?P<b>brothers?|brotherhood)\"",
                   "comradeship? no: comrade and brotherhood"),
              ElementsAre("comrade and brotherhood"));
  // A match cut back to the longest prefix ending at a boundary.
  EXPECT_THAT(Hits("pattern: \"largest(?: trading)?(?: partners?)?\"",
                   "the largest trading partnership"),
              ElementsAre("largest trading"));
}

TEST(RuleCompiler, MatchStartingInsideAWordGivesWayToTheNextWord) {
  // The first candidate starts inside "x12"; the search resumes after that
  // word, not one character later, and still finds every hit.
  EXPECT_THAT(Hits("pattern: \"\\\\d+ agreements\"",
                   "x12 agreements, 12 agreements, a12b 7 agreements"),
              ElementsAre("12 agreements", "7 agreements"));
  EXPECT_THAT(Hits("pattern: \"\\\\d+ agreements\"",
                   "x" + std::string(100000, '1') + " agreements were signed"),
              ElementsAre());
}

TEST(RuleCompiler, CutBackSkipsEveryBoundaryWithoutAMatchEnd) {
  // The longest match ends inside "differencesx"; the cut back finds that no
  // shorter match ends at any of the many boundaries before it.
  std::string the;
  for (int i = 0; i < 2000; ++i) the += "the ";
  EXPECT_THAT(Hits("pattern: \"manage (?:the )*differences\"",
                   "manage " + the + "differencesx; manage the differences."),
              ElementsAre("manage the differences"));
  // ...and takes the longest that does end at one.
  EXPECT_THAT(Hits("pattern: \"manage(?: the)*\"", "manage the the thex"),
              ElementsAre("manage the the"));
}

TEST(RuleCompiler, ExpandsLexiconsIncludingNestedOnes) {
  const std::string lexicons =
      "lexicon { name: \"VN\" term: \"Vi[eệ]t ?Nam\" term: \"Hanoi\" }\n"
      "lexicon { name: \"PARTY\" term: \"China\" term: \"{VN}\" }";
  EXPECT_THAT(Hits("pattern: \"(?P<p>{PARTY})'s partner\"",
                   "Hanoi's partner, Việt Nam's partner, China's partner",
                   lexicons),
              ElementsAre("Hanoi's partner", "Việt Nam's partner",
                          "China's partner"));
}

TEST(RuleCompiler, CapturesBecomeSlots) {
  auto rules = OneClaim(
      "pattern: \"(?P<who>China|Vietnam) is (?P<rank>largest|biggest)(?: in "
      "(?P<scope>ASEAN))?\"");
  std::vector<ClaimMatch> hits;
  rules->FindClaim("c")->Match("Vietnam is biggest, China is largest in ASEAN", &hits);
  ASSERT_EQ(hits.size(), 2u);
  const std::string sentence = "Vietnam is biggest, China is largest in ASEAN";
  EXPECT_EQ(hits[0].SlotTexts(sentence), (std::map<std::string, std::string>{
                                             {"who", "Vietnam"}, {"rank", "biggest"}}));
  EXPECT_EQ(hits[1].SlotTexts(sentence),
            (std::map<std::string, std::string>{
                {"who", "China"}, {"rank", "largest"}, {"scope", "ASEAN"}}));
  EXPECT_EQ(hits[1].slots.at("scope"), (std::pair<size_t, size_t>{40, 45}));
  EXPECT_EQ(hits[1].begin, 20u);
  EXPECT_EQ(hits[1].end, 45u);
}

TEST(RuleCompiler, WordFormsMatchEveryInflection) {
  EXPECT_THAT(Hits("pattern: \"{~sow} discord\"",
                   "They sow discord; he sows discord; sowing discord; the "
                   "discord sown; seeds of discord"),
              ElementsAre("sow discord", "sows discord", "sowing discord"));
  EXPECT_THAT(Hits("pattern: \"{~become} {~partner}\"",
                   "It became partners and is becoming partner."),
              ElementsAre("became partners", "becoming partner"));
}

TEST(RuleCompiler, JoinerMatchesMarksAndLinkingWords) {
  EXPECT_THAT(Hits("pattern: \"comrades {&} brothers\"",
                   "comrades and brothers; comrades-plus-brothers; comrades + "
                   "brothers; comrades as well as brothers; comrades/brothers; "
                   "comrades-cum-brothers; comrades or brothers; comrades brothers"),
              ElementsAre("comrades and brothers", "comrades-plus-brothers",
                          "comrades + brothers", "comrades as well as brothers",
                          "comrades/brothers", "comrades-cum-brothers"));
}

TEST(RuleCompiler, ThenAllowsAtMostNWordsBetween) {
  EXPECT_THAT(Hits("pattern: \"China {then 2} partner\"",
                   "China's main partner. China is a partner. China is "
                   "really a good partner. China-partner."),
              ElementsAre("China's main partner", "China is a partner",
                          "China-partner"));
}

TEST(RuleCompiler, NearMatchesThePartsInAnyOrderWithSlots) {
  const std::string claim =
      "pattern: \"(?P<rank>largest|biggest) trading partner {near 3} "
      "(?P<who>China|Vietnam)\"";
  auto rules = OneClaim(claim);
  ASSERT_NE(rules, nullptr);
  const std::string sentence =
      "Vietnam's biggest trading partner is big, and the largest trading "
      "partner of China. Then, as they say, China was in many ways the "
      "largest trading partner.";
  std::vector<ClaimMatch> hits;
  rules->FindClaim("c")->Match(sentence, &hits);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].SlotTexts(sentence),
            (std::map<std::string, std::string>{{"rank", "biggest"},
                                                {"who", "Vietnam"}}));
  EXPECT_EQ(hits[1].SlotTexts(sentence),
            (std::map<std::string, std::string>{{"rank", "largest"},
                                                {"who", "China"}}));
  EXPECT_EQ(sentence.substr(hits[1].begin, hits[1].end - hits[1].begin),
            "largest trading partner of China");
}

TEST(RuleCompiler, ClosestPartKeepsLongestMatchSlots) {
  // The gap stops at the first "big", and the slot is still the longest
  // alternative there.
  auto rules = OneClaim("pattern: \"beta {then 3} (?P<s>big|big deal)\"");
  ASSERT_NE(rules, nullptr);
  const std::string sentence = "beta a big deal, then a big one.";
  std::vector<ClaimMatch> hits;
  rules->FindClaim("c")->Match(sentence, &hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].SlotTexts(sentence).at("s"), "big deal");
}

TEST(RuleCompiler, GapWordsEndAtEverySpace) {
  // Words joined by no-break and thin spaces are still words.
  EXPECT_THAT(Hits("pattern: \"alpha {then 2} omega\"",
                   "alpha one\u00A0two\u2009three omega. alpha one two omega."),
              ElementsAre("alpha one two omega"));
}

TEST(RuleCompiler, ReportsMalformedBuiltInReferences) {
  auto one = [](const std::string& pattern) {
    std::vector<std::string> errors =
        Errors("name: \"t\"\nclaim { id: \"a\" pattern: \"" + pattern + "\" }");
    return errors.size() == 1 ? errors[0] : ::testing::PrintToString(errors);
  };
  EXPECT_EQ(one("a {near 31} b"),
            "test.textproto:2:29: error: claim 'a': {near N} wants a number of "
            "words from 0 to 30, got '{near 31}'");
  EXPECT_EQ(one("a {then x} b"),
            "test.textproto:2:29: error: claim 'a': {then N} wants a number of "
            "words from 0 to 30, got '{then x}'");
  EXPECT_EQ(one("a {nera 3} b"),
            "test.textproto:2:29: error: claim 'a': unknown reference '{nera "
            "3}'; lexicon names are upper case, and the built-in ones are "
            "{~word}, {&}, {then N} and {near N}");
  EXPECT_EQ(one("{~Trade} b"),
            "test.textproto:2:27: error: claim 'a': {~word} wants one English "
            "word in lower-case letters, in its dictionary form, got '{~Trade}'");
  EXPECT_EQ(one("(a {near 3} b)"),
            "test.textproto:2:30: error: claim 'a': {near N} separates the parts "
            "of a whole pattern (or term); it cannot be inside parentheses");
  EXPECT_EQ(one("a {near 3} b {near 4} c"),
            "test.textproto:2:40: error: claim 'a': the {near N} of one pattern "
            "must agree; this one says 4 after 3");
  EXPECT_EQ(one("a {near 1} b {near 1} c {near 1} d {near 1} e"),
            "test.textproto:2:71: error: claim 'a': {near N} may join at most 4 "
            "parts (5 here), since each order is a separate alternative");
  EXPECT_EQ(one("a {near 2}"),
            "test.textproto:2:37: error: claim 'a': {near N} wants a part on "
            "each side");
  EXPECT_EQ(one("x {then} y"),
            "test.textproto:2:29: error: claim 'a': {then N} wants a number of "
            "words from 0 to 30, got '{then}'");
  EXPECT_EQ(one("x {near 3 } y"),
            "test.textproto:2:29: error: claim 'a': {near N} wants a number of "
            "words from 0 to 30, got '{near 3 }'");
  EXPECT_EQ(one("x {~abc y"),
            "test.textproto:2:29: error: claim 'a': unterminated reference "
            "'{~abc y': a '}' is missing");
  EXPECT_EQ(one("{then 3} x"),
            "test.textproto:2:27: error: claim 'a': {then 3} needs something to "
            "match before it");
  EXPECT_EQ(one("x {&}"),
            "test.textproto:2:29: error: claim 'a': {&} needs something to match "
            "after it");
  EXPECT_EQ(one("(?:x)? {then 3} (?:y)?"),
            "test.textproto:2:17: error: claim 'a': pattern can match punctuation "
            "and spaces alone (' , ; : '); a gap or joiner needs words on both "
            "sides");
  EXPECT_EQ(one("(?P<a__b>x)"),
            "test.textproto:2:27: error: claim 'a': capture name 'a__b' contains "
            "'__', which refrain reserves");
}

TEST(RuleCompiler, OverlappingHitsOfOneClaimCollapseToTheLongest) {
  auto rules = OneClaim("pattern: \"largest trading partner\" "
                        "pattern: \"trading partner in ASEAN\" "
                        "pattern: \"China is Vietnam's largest trading partner\"");
  std::vector<ClaimMatch> hits;
  rules->FindClaim("c")->Match(
      "China is Vietnam's largest trading partner in ASEAN.", &hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].pattern_index, 2);
  EXPECT_EQ(hits[0].begin, 0u);
}

TEST(RuleCompiler, ExcludeVetoesEveryHitInTheSentence) {
  const std::string claim =
      "pattern: \"largest trading partner\" exclude: \"overtook China\"";
  EXPECT_THAT(Hits(claim, "The US overtook China as the largest trading partner."),
              IsEmpty());
  EXPECT_THAT(Hits(claim, "China is the largest trading partner."),
              ElementsAre("largest trading partner"));
}

TEST(RuleCompiler, ExcludeOverlapVetoesOnlyTheHitsItOverlaps) {
  const std::string claim =
      "pattern: \"community with a shared future\" "
      "exclude_overlap: \"community with a shared future for mankind\"";
  EXPECT_THAT(Hits(claim,
                   "a bilateral community with a shared future and a "
                   "community with a shared future for mankind"),
              ElementsAre("community with a shared future"));
  EXPECT_THAT(Hits(claim, "a community with a shared future for mankind"),
              IsEmpty());
}

TEST(RuleCompiler, RequireNeedsOneContextPatternInTheSentence) {
  const std::string claim =
      "pattern: \"75th anniversary\" require: \"Vietnam\" require: \"Hanoi\"";
  EXPECT_THAT(Hits(claim, "Pakistan marks the 75th anniversary."), IsEmpty());
  EXPECT_THAT(Hits(claim, "Hanoi marks the 75th anniversary."),
              ElementsAre("75th anniversary"));
}

TEST(RuleCompiler, FingerprintIsStableAndFollowsTheRules) {
  auto a = OneClaim("pattern: \"largest\"");
  auto b = OneClaim("pattern: \"largest\"");
  auto c = OneClaim("pattern: \"biggest\"");
  const std::string& fp = a->rule_sets()[0]->fingerprint();
  EXPECT_EQ(fp.size(), 16u);
  EXPECT_EQ(fp, b->rule_sets()[0]->fingerprint());
  EXPECT_NE(fp, c->rule_sets()[0]->fingerprint());
}

TEST(RuleCompiler, RejectsDuplicateClaimId) {
  EXPECT_THAT(Errors("name: \"t\"\n"
                     "claim { id: \"a\" pattern: \"x\" }\n"
                     "claim { id: \"a\" pattern: \"y\" }"),
              ElementsAre("test.textproto:3:9: error: claim 'a': duplicate "
                          "claim id (first defined at test.textproto:2:9)"));
}

TEST(RuleCompiler, RejectsDuplicateClaimIdAcrossFiles) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RuleFile> files;
  for (const char* path : {"one.textproto", "two.textproto"}) {
    auto file = ParseRuleFile(path, "name: \"t\" claim { id: \"a\" pattern: \"x\" }",
                              &diagnostics);
    ASSERT_TRUE(file.ok());
    files.push_back(std::move(*file));
  }
  auto rules = CompileRules(std::move(files), CompileOptions(), &diagnostics);
  EXPECT_TRUE(absl::IsInvalidArgument(rules.status()));
  EXPECT_THAT(ToStrings(diagnostics),
              ::testing::Contains("two.textproto:1:19: error: claim 'a': duplicate "
                                  "claim id (first defined at one.textproto:1:19)"));
}

TEST(RuleCompiler, ReportsRe2ErrorsInTheAuthorsTerms) {
  EXPECT_THAT(Errors("name: \"t\"\nclaim { id: \"a\" pattern: \"largest (trading\" }"),
              ElementsAre("test.textproto:2:27: error: claim 'a': invalid RE2 "
                          "pattern: missing ): largest (trading"));
}

TEST(RuleCompiler, PointsAtTheUndefinedLexiconInsideThePattern) {
  EXPECT_THAT(
      Errors("name: \"t\"\n"
             "lexicon { name: \"VIETNAM\" term: \"Vietnam\" }\n"
             "claim { id: \"a\" pattern: \"China is {Vietnam}'s partner\" }"),
      ElementsAre("test.textproto:3:36: error: claim 'a': undefined lexicon "
                  "{Vietnam}; did you mean {VIETNAM}?"));
}

TEST(RuleCompiler, RejectsPatternThatMatchesEmptyString) {
  EXPECT_THAT(Errors("name: \"t\"\nclaim { id: \"a\" pattern: \"(largest)?\" }"),
              ElementsAre("test.textproto:2:17: error: claim 'a': pattern can "
                          "match the empty string; make sure some part of it is "
                          "not optional (look for `?`, `*` or an empty "
                          "alternative)"));
}

TEST(RuleCompiler, RejectsPatternOverMemoryBudget) {
  std::vector<Diagnostic> diagnostics;
  auto file = ParseRuleFile("t.textproto",
                            "name: \"t\" claim { id: \"a\" pattern: \"\\\\pL{100}\" }",
                            &diagnostics);
  ASSERT_TRUE(file.ok());
  std::vector<RuleFile> files;
  files.push_back(std::move(*file));
  CompileOptions small;
  small.max_pattern_memory = 64 << 10;
  auto rules = CompileRules(std::move(files), small, &diagnostics);
  EXPECT_TRUE(absl::IsInvalidArgument(rules.status()));
  EXPECT_THAT(ToStrings(diagnostics),
              ElementsAre("t.textproto:1:27: error: claim 'a': pattern is too "
                          "large: it needs more than RE2's memory budget of 65536 "
                          "bytes; split it into several patterns or use fewer "
                          "repetitions",
                          "t.textproto:1:19: warning: claim 'a': claim needs "
                          "both `example` and `counterexample` sentences"));
  // The kinds let a caller add its own hint (the CLI names its flag and
  // command); the library's messages name neither.
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].kind, Diagnostic::Kind::kPatternTooLarge);
  EXPECT_EQ(diagnostics[1].kind, Diagnostic::Kind::kUntestedClaim);
  for (const std::string& line : ToStrings(diagnostics)) {
    EXPECT_THAT(line, Not(HasSubstr("--")));
    EXPECT_THAT(line, Not(HasSubstr("refrain ")));
  }
}

TEST(RuleCompiler, RejectsLexiconCycles) {
  EXPECT_THAT(Errors("name: \"t\"\n"
                     "lexicon { name: \"A\" term: \"x{B}\" }\n"
                     "lexicon { name: \"B\" term: \"y\" term: \"{A}z\" }\n"
                     "lexicon { name: \"SELF\" term: \"{SELF}\" }\n"
                     "claim { id: \"a\" pattern: \"{A} {SELF}\" }"),
              ElementsAre("test.textproto:3:38: error: lexicon {A} refers to "
                          "itself: {A} -> {B} -> {A}",
                          "test.textproto:4:31: error: lexicon {SELF} refers to "
                          "itself: {SELF} -> {SELF}"));
}

TEST(RuleCompiler, RejectsCapturesInLexiconTerms) {
  EXPECT_THAT(Errors("name: \"t\"\n"
                     "lexicon { name: \"A\" term: \"(?P<x>a)\" }\n"
                     "claim { id: \"a\" pattern: \"{A}\" }"),
              ElementsAre("test.textproto:2:21: error: lexicon {A} term has a "
                          "named capture 'x'; captures belong in patterns, "
                          "around the {A} reference"));
}

TEST(RuleCompiler, RejectsExampleSlotThatNoPatternCaptures) {
  EXPECT_THAT(Errors("name: \"t\"\n"
                     "claim { id: \"a\" pattern: \"(?P<rank>largest)\"\n"
                     "  example { text: \"largest\" slot { key: \"rnak\" value: \"largest\" } }\n"
                     "  counterexample { text: \"small\" } }"),
              ElementsAre("test.textproto:3:3: error: claim 'a': example "
                          "expects slot 'rnak', but no pattern captures it "
                          "(captures: rank)"));
}

TEST(RuleCompiler, RequiresNameIdAndPatterns) {
  EXPECT_THAT(Errors("claim { pattern: \"x\" }\nclaim { id: \"b\" }"),
              ElementsAre("test.textproto:1:1: error: rule set has no `name`; "
                          "add e.g. name: \"my_rules\"",
                          "test.textproto:1:1: error: claim has no `id`",
                          "test.textproto:2:9: error: claim 'b': claim has no "
                          "`pattern`"));
}

TEST(RuleCompiler, WarnsAboutUnusedLexiconsAndMissingExamples) {
  std::vector<Diagnostic> diagnostics;
  auto rules = CompileText(
      "name: \"t\"\nlexicon { name: \"UNUSED\" term: \"x\" }\n"
      "claim { id: \"a\" pattern: \"y\" }",
      &diagnostics);
  EXPECT_TRUE(rules.ok());
  EXPECT_THAT(ToStrings(diagnostics),
              ElementsAre("test.textproto:3:9: warning: claim 'a': claim needs "
                          "both `example` and `counterexample` sentences",
                          "test.textproto:2:11: warning: lexicon {UNUSED} is "
                          "never used"));
}

}  // namespace
}  // namespace refrain
