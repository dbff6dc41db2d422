// Tests of engine/diff/report_builder.h.
#include "engine/diff/report_builder.h"

#include <algorithm>
#include <random>

#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

Mention M(const std::string& claim, const std::string& source, const std::string& date,
          const std::string& text, std::map<std::string, std::string> slots = {}) {
  static int doc = 0;
  Mention m;
  m.set_claim_id(claim);
  m.set_source(source);
  m.set_date(date);
  m.set_text(text);
  m.set_doc_id("doc-" + std::to_string(++doc));
  m.set_sentence(text + ".");
  for (auto& [k, v] : slots) (*m.mutable_slots())[k] = v;
  return m;
}

std::vector<Mention> Sample() {
  return {
      M("partner", "Lotus Wire", "2025-04-15", "China is Vietnam's largest trading partner",
        {{"rank", "largest"}}),
      M("partner", "Harbour Ledger", "2025-04", "China is Vietnam\u2019s  LARGEST trading partner",
        {{"rank", "LARGEST"}}),
      M("partner", "Red River", "2025-03-02", "China is Vietnam's biggest trading partner",
        {{"rank", "biggest"}}),
      M("comrades", "Red River", "2025-03-02", "comrades and brothers"),
  };
}

TEST(ReportBuilder, GroupsPhrasingsAndAlignsAgainstTheCommonest) {
  Report report = BuildReport(Sample());
  ASSERT_EQ(report.claims_size(), 2);
  const ClaimDiff& claim = report.claims(0);  // most mentions first
  EXPECT_EQ(claim.claim_id(), "partner");
  EXPECT_EQ(claim.mentions(), 3);
  ASSERT_EQ(claim.variants_size(), 2);
  const Variant& base = claim.variants(0);
  EXPECT_EQ(base.phrasing(), "china is vietnam's largest trading partner");
  EXPECT_EQ(base.count(), 2);
  EXPECT_EQ(base.first_date(), "2025-04");
  EXPECT_EQ(base.last_date(), "2025-04-15");
  EXPECT_EQ(base.example(), "China is Vietnam\u2019s  LARGEST trading partner");
  EXPECT_EQ(base.alignment_size(), 0);
  const Variant& other = claim.variants(1);
  EXPECT_EQ(other.sources(0).source(), "Red River");
  EXPECT_THAT(other.labels(), ::testing::ElementsAre(SUPERLATIVE_CHANGED));
  ASSERT_EQ(other.occurrences_size(), 1);
  EXPECT_EQ(other.occurrences(0).sentence(), "China is Vietnam's biggest trading partner.");
}

TEST(ReportBuilder, OnATieTheBaseIsThePhrasingClosestToTheOthers) {
  // One mention each: the earliest (Beijing/Hanoi) is the outlier; the base
  // is the phrasing most like all the others.
  Report report = BuildReport({
      M("partner", "Harbour Ledger", "2025-04-01", "Beijing is Hanoi's biggest trading partner"),
      M("partner", "Lotus Wire", "2025-04-02", "China is Vietnam's largest trading partner in ASEAN"),
      M("partner", "Red River", "2025-04-03", "China is Vietnam's largest trading partner"),
      M("partner", "Meridian Post", "2025-04-04", "China is Vietnam's top trading partner"),
  });
  ASSERT_EQ(report.claims_size(), 1);
  const ClaimDiff& claim = report.claims(0);
  ASSERT_EQ(claim.variants_size(), 4);
  EXPECT_EQ(claim.variants(0).phrasing(), "china is vietnam's largest trading partner");
  EXPECT_EQ(claim.variants(0).alignment_size(), 0);
  // The others keep their order: earliest first.
  EXPECT_EQ(claim.variants(1).phrasing(), "beijing is hanoi's biggest trading partner");
  EXPECT_EQ(claim.variants(2).phrasing(), "china is vietnam's largest trading partner in asean");
  EXPECT_EQ(claim.variants(3).phrasing(), "china is vietnam's top trading partner");
  EXPECT_THAT(claim.variants(2).labels(), ::testing::ElementsAre(QUALIFIER_ADDED));
}

TEST(ReportBuilder, ComparesSlotsPerSourceAndCountsMonths) {
  const ClaimDiff claim = BuildReport(Sample()).claims(0);
  ASSERT_EQ(claim.slots_size(), 1);
  EXPECT_EQ(claim.slots(0).slot(), "rank");
  ASSERT_EQ(claim.slots(0).by_source_size(), 3);
  EXPECT_EQ(claim.slots(0).by_source(0).source(), "Harbour Ledger");
  EXPECT_EQ(claim.slots(0).by_source(0).values(0).value(), "largest");  // normalised
  ASSERT_EQ(claim.timeline_size(), 3);
  EXPECT_EQ(claim.timeline(2).source(), "Red River");
  EXPECT_EQ(claim.timeline(2).months(0).month(), "2025-03");
  EXPECT_EQ(MonthOf("2024"), "2024");
  EXPECT_EQ(MonthOf(""), "");
}

TEST(ReportBuilder, ViewsEachSourceByItsClaims) {
  Report report = BuildReport(Sample());
  ASSERT_EQ(report.sources_size(), 3);
  EXPECT_EQ(report.sources(0).source(), "Red River");  // two mentions
  ASSERT_EQ(report.sources(0).claims_size(), 2);
  EXPECT_EQ(report.sources(0).claims(0).phrasing(), "comrades and brothers");
}

TEST(ReportBuilder, IsTheSameForMentionsInAnyOrder) {
  std::vector<Mention> mentions = Sample();
  Report expected = BuildReport(mentions);
  std::mt19937 random(7);
  for (int i = 0; i < 5; ++i) {
    std::shuffle(mentions.begin(), mentions.end(), random);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(BuildReport(mentions),
                                                                   expected));
  }
}

TEST(ReportBuilder, KeepsAtMostTheConfiguredOccurrences) {
  std::vector<Mention> mentions;
  for (int i = 0; i < 30; ++i) mentions.push_back(M("c", "S", "2025", "same words"));
  ReportOptions options;
  options.max_occurrences = 5;
  const Variant v = BuildReport(mentions, options).claims(0).variants(0);
  EXPECT_EQ(v.count(), 30);
  EXPECT_EQ(v.occurrences_size(), 5);
}

TEST(ReportBuilder, HandlesNoMentions) {
  Report report = BuildReport({});
  EXPECT_EQ(report.claims_size(), 0);
  EXPECT_EQ(report.sources_size(), 0);
}

}  // namespace
}  // namespace refrain
