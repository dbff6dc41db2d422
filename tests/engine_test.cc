// Tests of engine/engine.h, the embedding API.
#include "engine/engine.h"

#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "google/protobuf/text_format.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

Document Doc(const std::string& id, const std::string& text) {
  Document d;
  d.set_id(id);
  d.set_text(text);
  return d;
}

TEST(Engine, ScansWithTheShippedRules) {
  std::vector<Diagnostic> diagnostics;
  auto engine = Engine::FromFiles({"rules"}, {}, &diagnostics);
  ASSERT_TRUE(engine.ok()) << engine.status();
  EXPECT_TRUE(diagnostics.empty());
  std::vector<Mention> mentions =
      (*engine)->Scan(Doc("d1", "China is Viet Nam\u2019s biggest trade partner."));
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].claim_id(), "largest_trading_partner");
  EXPECT_EQ(mentions[0].slots().at("rank"), "biggest");
  EXPECT_EQ(mentions[0].rule_set(), "china_vietnam");
}

TEST(Engine, ReportsRuleErrorsAndUnreadablePaths) {
  std::vector<Diagnostic> diagnostics;
  auto engine = Engine::FromFiles({"tests/testdata/rules/broken/syntax_error.textproto"},
                                  {}, &diagnostics);
  EXPECT_TRUE(absl::IsInvalidArgument(engine.status()));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].line, 5);
  EXPECT_TRUE(absl::IsNotFound(Engine::FromFiles({"no/such/rules"}).status()));
}

TEST(Engine, CompilesRuleSetsBuiltInMemory) {
  RuleSet rules;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(testing::kSmallRules, &rules));
  auto engine = Engine::FromRuleSets({rules});
  ASSERT_TRUE(engine.ok()) << engine.status();
  EXPECT_EQ((*engine)->Scan(Doc("d", "Comrades and brothers.")).size(), 1u);

  rules.mutable_claim(0)->set_pattern(0, "(unclosed");
  std::vector<Diagnostic> diagnostics;
  EXPECT_TRUE(absl::IsInvalidArgument(Engine::FromRuleSets({rules}, {}, &diagnostics).status()));
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].ToString(),
            "t: error: claim 'partner': invalid RE2 pattern: missing ): (unclosed");
}

TEST(Engine, ScansFromManyThreadsAtOnce) {
  auto engine = Engine::FromFiles({"rules"});
  ASSERT_TRUE(engine.ok());
  const Document doc = Doc("d", "Vietnam is China's largest trading partner in ASEAN. "
                                "They are comrades and brothers.");
  const size_t expected = (*engine)->Scan(doc).size();
  ASSERT_EQ(expected, 2u);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) wrong += (*engine)->Scan(doc).size() != expected;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, 0);
}

TEST(Engine, StreamsInInputOrderOnAnyNumberOfThreads) {
  auto engine = Engine::FromFiles({"rules"});
  ASSERT_TRUE(engine.ok());
  // Enough documents (in batches of 64) to fill the pool's queue, so that
  // the calling thread works on batches too.
  constexpr int kDocuments = 5000;
  for (int threads : {1, 2, 3}) {
    int produced = 0;
    std::vector<std::string> order;
    int mentions = 0;
    (*engine)->ScanStream(
        [&produced](Document* doc) {
          if (produced == kDocuments) return false;
          const int n = produced++;
          *doc = Doc("d" + std::to_string(n),
                     n % 2 ? "Nothing here." : "Comrades and brothers.");
          return true;
        },
        threads,
        [&](const Document& doc, std::vector<Mention> found) {
          order.push_back(doc.id());
          mentions += static_cast<int>(found.size());
        });
    ASSERT_EQ(order.size(), static_cast<size_t>(kDocuments));
    for (int i = 0; i < kDocuments; ++i) EXPECT_EQ(order[i], "d" + std::to_string(i));
    EXPECT_EQ(mentions, kDocuments / 2) << threads << " threads";
  }
}

}  // namespace
}  // namespace refrain
