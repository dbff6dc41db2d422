// Checks every rule file under rules/: it compiles without errors or
// warnings, each claim carries enough examples and passes them, the claim
// ids are those of shared/claims.md, and the rules find (and do not find)
// what they should in the real sample articles of ../shared/corpus.
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/rules/rule_compiler.h"
#include "engine/rules/rule_tester.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::refrain::testing::ReadFileOrDie;
using ::refrain::testing::SharedDir;
using ::refrain::testing::ToStrings;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

// The stable claim ids of shared/claims.md.
const std::vector<std::string> kClaimIds = {
    "largest_trading_partner", "community_shared_future", "maritime_differences",
    "shared_future_humanity",  "no_external_discord",     "comrades_and_brothers",
    "bri_two_corridors",       "relations_top_priority",  "agreements_signed",
    "bilateral_trade_figure",  "supply_chain_stability",  "anniversary_75"};

class ShippedRules : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto rules = LoadRules({"rules"}, CompileOptions(), diagnostics_);
    ASSERT_TRUE(rules.ok()) << rules.status() << "\n"
                            << ::testing::PrintToString(ToStrings(*diagnostics_));
    rules_ = rules->release();
  }
  static void TearDownTestSuite() {
    delete rules_;
    rules_ = nullptr;
  }

  static std::vector<Diagnostic>* diagnostics_;
  static const CompiledRules* rules_;
};

std::vector<Diagnostic>* ShippedRules::diagnostics_ = new std::vector<Diagnostic>;
const CompiledRules* ShippedRules::rules_ = nullptr;

TEST_F(ShippedRules, CompileWithoutErrorsOrWarnings) {
  EXPECT_THAT(ToStrings(*diagnostics_), IsEmpty());
}

TEST_F(ShippedRules, CoverEveryClaimIdOfClaimsMd) {
  std::vector<std::string> ids;
  for (const auto& rule_set : rules_->rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) ids.push_back(claim.id());
  }
  EXPECT_THAT(ids, UnorderedElementsAreArray(kClaimIds));

  REFRAIN_REQUIRE_SHARED("claims.md not checked");
  std::optional<std::string> shared = SharedDir();
  // Table rows of claims.md start with "| `claim_id` |".
  std::string table = ReadFileOrDie(*shared + "/claims.md");
  re2::StringPiece input(table);
  std::string id;
  std::vector<std::string> documented;
  static const RE2 kRow("(?m)^\\| `([a-z0-9_]+)` \\|");
  while (RE2::FindAndConsume(&input, kRow, &id)) documented.push_back(id);
  EXPECT_THAT(documented, UnorderedElementsAreArray(kClaimIds));
}

TEST_F(ShippedRules, EveryClaimHasThreeExamplesAndTwoCounterexamples) {
  for (const auto& rule_set : rules_->rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      EXPECT_GE(claim.claim().example_size(), 3) << claim.id();
      EXPECT_GE(claim.claim().counterexample_size(), 2) << claim.id();
    }
  }
}

TEST_F(ShippedRules, PassTheirOwnExamples) {
  std::vector<Diagnostic> failures;
  RuleTestSummary summary = TestRules(*rules_, &failures);
  EXPECT_THAT(ToStrings(failures), IsEmpty());
  EXPECT_EQ(summary.claims, static_cast<int>(kClaimIds.size()));
  EXPECT_EQ(summary.failures, 0);
}

// A hit in a sample article: the claim, its text and its slots.
struct Hit {
  std::string claim;
  std::string text;
  std::map<std::string, std::string> slots;
};

// Runs every claim over each paragraph (line) of a sample article's body.
// The sentence splitter belongs to the scanner; paragraphs are a coarser,
// stricter context for `require` and `exclude`.
std::vector<Hit> HitsInArticle(const CompiledRules& rules, const std::string& name) {
  std::string text = ReadFileOrDie(*SharedDir() + "/corpus/seeds/" + name);
  // Skip the front matter: the body starts after the second "---" line.
  size_t body = text.find("\n---\n", 4);
  EXPECT_NE(body, std::string::npos) << name;
  std::vector<Hit> hits;
  for (absl::string_view line : absl::StrSplit(
           absl::string_view(text).substr(body + 5), '\n')) {
    for (const auto& rule_set : rules.rule_sets()) {
      for (const CompiledClaim& claim : rule_set->claims()) {
        std::vector<ClaimMatch> matches;
        claim.Match(line, &matches);
        for (ClaimMatch& m : matches) {
          hits.push_back({claim.id(),
                          std::string(line.substr(m.begin, m.end - m.begin)),
                          m.SlotTexts(line)});
        }
      }
    }
  }
  return hits;
}

std::vector<Hit> Only(const std::vector<Hit>& hits, const std::string& claim) {
  std::vector<Hit> out;
  for (const Hit& h : hits) {
    if (h.claim == claim) out.push_back(h);
  }
  return out;
}

std::vector<std::string> ClaimsFound(const std::vector<Hit>& hits) {
  std::vector<std::string> ids;
  for (const std::string& id : kClaimIds) {
    if (!Only(hits, id).empty()) ids.push_back(id);
  }
  return ids;
}

class ShippedRulesOnCorpus : public ShippedRules {
 protected:
  void SetUp() override {
    REFRAIN_REQUIRE_SHARED(
        "the sample corpus lives in ../shared, which only our machines and "
        "CI have");
  }
};

TEST_F(ShippedRulesOnCorpus, FindTheClaimsOfEachArticle) {
  EXPECT_THAT(ClaimsFound(HitsInArticle(*rules_, "xinhua-2023-12-14-ties-upgrade.txt")),
              ElementsAre("community_shared_future", "maritime_differences",
                          "no_external_discord", "comrades_and_brothers",
                          "bri_two_corridors", "agreements_signed",
                          "bilateral_trade_figure", "supply_chain_stability"));
  EXPECT_THAT(
      ClaimsFound(HitsInArticle(*rules_, "global-times-2024-08-19-to-lam-visit.txt")),
      ElementsAre("largest_trading_partner", "community_shared_future",
                  "maritime_differences", "shared_future_humanity",
                  "comrades_and_brothers", "relations_top_priority",
                  "agreements_signed", "bilateral_trade_figure"));
  EXPECT_THAT(
      ClaimsFound(HitsInArticle(*rules_, "people-daily-2024-10-li-qiang-visit.txt")),
      ElementsAre("largest_trading_partner", "maritime_differences",
                  "shared_future_humanity", "no_external_discord",
                  "bri_two_corridors", "relations_top_priority", "anniversary_75"));
  EXPECT_THAT(
      ClaimsFound(HitsInArticle(*rules_, "china-daily-2025-04-14-xi-visit.txt")),
      ElementsAre("largest_trading_partner", "community_shared_future",
                  "agreements_signed", "supply_chain_stability"));
  EXPECT_THAT(
      ClaimsFound(HitsInArticle(*rules_, "al-diplomasy-2025-04-14-xi-meets-to-lam.txt")),
      ElementsAre("community_shared_future", "maritime_differences",
                  "shared_future_humanity", "comrades_and_brothers",
                  "relations_top_priority", "agreements_signed",
                  "supply_chain_stability", "anniversary_75"));
}

TEST_F(ShippedRulesOnCorpus, TellBothDirectionsOfTheTradingPartnerClaimApart) {
  std::vector<Hit> hits = Only(
      HitsInArticle(*rules_, "people-daily-2024-10-li-qiang-visit.txt"),
      "largest_trading_partner");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].slots.at("subject"), "China");
  EXPECT_EQ(hits[0].slots.at("partner"), "Vietnam");
  EXPECT_EQ(hits[0].slots.at("rank"), "largest");
  EXPECT_EQ(hits[1].slots.at("subject"), "Vietnam");
  EXPECT_EQ(hits[1].slots.at("rank"), "biggest");
  EXPECT_EQ(hits[1].slots.at("scope"), "within ASEAN");

  hits = Only(HitsInArticle(*rules_, "china-daily-2025-04-14-xi-visit.txt"),
              "largest_trading_partner");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].slots.at("period"), "For more than 20 years");
  EXPECT_EQ(hits[1].slots.at("scope"),
            "among the Association of Southeast Asian Nations");
  EXPECT_EQ(hits[1].slots.at("period_after"), "for years");
}

TEST_F(ShippedRulesOnCorpus, KeepTheGlobalSloganApartFromTheBilateralCommunity) {
  std::vector<Hit> hits =
      HitsInArticle(*rules_, "global-times-2024-08-19-to-lam-visit.txt");
  for (const Hit& h : Only(hits, "community_shared_future")) {
    EXPECT_EQ(h.text.find("global"), std::string::npos) << h.text;
  }
  std::vector<Hit> global = Only(hits, "shared_future_humanity");
  ASSERT_EQ(global.size(), 1u);
  EXPECT_EQ(global[0].slots.at("scope"), "global");

  // "ALSO READ: ... regional community with a shared future" is not the
  // bilateral claim; the one bilateral mention is.
  hits = Only(HitsInArticle(*rules_, "china-daily-2025-04-14-xi-visit.txt"),
              "community_shared_future");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].slots.at("between"), "between China and Vietnam");
}

TEST_F(ShippedRulesOnCorpus, RecordHowEachSourceFramesMaritimeDifferences) {
  std::vector<std::string> nouns;
  for (const Hit& h : Only(HitsInArticle(*rules_,
                                         "al-diplomasy-2025-04-14-xi-meets-to-lam.txt"),
                           "maritime_differences")) {
    nouns.push_back(h.slots.count("noun") ? h.slots.at("noun") : h.slots.at("coc"));
  }
  EXPECT_THAT(nouns, ElementsAre("issues", "Code of Conduct", "disputes"));

  std::vector<Hit> hits =
      Only(HitsInArticle(*rules_, "xinhua-2023-12-14-ties-upgrade.txt"),
           "maritime_differences");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].slots.at("hedge"), "better");
  EXPECT_EQ(hits[0].slots.at("sea"), "maritime issues");
}

TEST_F(ShippedRulesOnCorpus, CaptureNumbersAndHedgesOfSignedAgreements) {
  std::vector<std::string> found;
  for (const char* name :
       {"xinhua-2023-12-14-ties-upgrade.txt", "global-times-2024-08-19-to-lam-visit.txt",
        "china-daily-2025-04-14-xi-visit.txt",
        "al-diplomasy-2025-04-14-xi-meets-to-lam.txt"}) {
    for (const Hit& h : Only(HitsInArticle(*rules_, name), "agreements_signed")) {
      found.push_back((h.slots.count("hedge") ? h.slots.at("hedge") + " " : "") +
                      h.slots.at("number") + " " + h.slots.at("noun"));
    }
  }
  EXPECT_THAT(found, ElementsAre("Over 30 agreements", "more than 30 agreements",
                                 "approximately 40 agreements", "45 documents"));
}

}  // namespace
}  // namespace refrain
