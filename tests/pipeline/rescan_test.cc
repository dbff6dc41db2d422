// Tests of engine/pipeline/rescan.h on a real store.
#include "engine/pipeline/rescan.h"

#include "google/protobuf/text_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

std::unique_ptr<Engine> EngineFor(const std::string& rules_text) {
  RuleSet rules;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(rules_text, &rules));
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::FromRuleSets({rules});
  EXPECT_TRUE(engine.ok()) << engine.status();
  return engine.ok() ? std::move(*engine) : nullptr;
}

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.set_id(id);
  d.set_source("A");
  d.set_date("2024");
  d.set_text(text);
  return d;
}

class RescanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = ClaimStore::Open(testing::TempStorePath("rescan.db"), StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    engine_ = EngineFor(testing::kSmallRules);
    ASSERT_NE(engine_, nullptr);
  }

  void Ingest(const Document& doc) {
    ASSERT_TRUE(store_->Ingest(doc, engine_->Scan(doc)).ok());
  }

  std::unique_ptr<ClaimStore> store_;
  std::unique_ptr<Engine> engine_;
};

// The rule author drops "comrades" and widens "partner" to "top".
constexpr char kEditedRules[] = R"(
name: "t"
claim { id: "partner" pattern: "(?:China|Vietnam) is (?:China|Vietnam)'s (?:largest|top) partner" }
)";

TEST_F(RescanTest, ReportsMentionsThatAppearAndDisappear) {
  Ingest(Doc("a", "China is Vietnam's largest partner."));
  Ingest(Doc("b", "Comrades and brothers."));
  Ingest(Doc("c", "Vietnam is China's top partner."));
  std::unique_ptr<Engine> edited = EngineFor(kEditedRules);
  absl::StatusOr<RescanReport> report = Rescan(*edited, store_.get());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->documents, 3);
  EXPECT_EQ(report->changed_documents, 2);
  EXPECT_EQ(report->old_mentions, 2);
  EXPECT_EQ(report->added, (std::map<std::string, int>{{"partner", 1}}));
  EXPECT_EQ(report->removed, (std::map<std::string, int>{{"comrades", 1}}));
  ASSERT_EQ(report->added_examples.size(), 1u);
  EXPECT_EQ(report->added_examples[0].text(), "Vietnam is China's top partner");
  ASSERT_EQ(report->removed_examples.size(), 1u);
  EXPECT_EQ(report->removed_examples[0].text(), "Comrades and brothers");
  EXPECT_EQ(store_->Stats()->mentions, 2);
  // Nothing changes when the same rules run again.
  report = Rescan(*edited, store_.get());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->changed_documents, 0);
  EXPECT_EQ(report->old_mentions, 2);
}

TEST_F(RescanTest, ADryRunOnlyReports) {
  Ingest(Doc("b", "Comrades and brothers."));
  std::unique_ptr<Engine> edited = EngineFor(kEditedRules);
  absl::StatusOr<RescanReport> report = Rescan(*edited, store_.get(), /*dry_run=*/true);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->removed, (std::map<std::string, int>{{"comrades", 1}}));
  EXPECT_EQ(store_->Stats()->mentions, 1);
}

}  // namespace
}  // namespace refrain
