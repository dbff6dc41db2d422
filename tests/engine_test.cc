// Tests of engine/engine.h, the embedding API.
#include "engine/engine.h"

// The facade keeps the scanner (and with it RE2::Set and FilteredRE2) to
// itself: this must hold before any other header is included.
#ifdef REFRAIN_ENGINE_MATCH_SCANNER_H_
#error "engine/engine.h includes engine/match/scanner.h"
#endif
#ifdef RE2_SET_H_
#error "engine/engine.h includes re2/set.h"
#endif

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
    absl::Status status = (*engine)->ScanStream(
        [&produced](Document* doc) -> absl::StatusOr<bool> {
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
    ASSERT_TRUE(status.ok()) << status;
    ASSERT_EQ(order.size(), static_cast<size_t>(kDocuments));
    for (int i = 0; i < kDocuments; ++i) EXPECT_EQ(order[i], "d" + std::to_string(i));
    EXPECT_EQ(mentions, kDocuments / 2) << threads << " threads";
  }
}

// A read error is not the end of the input: it comes back, after every
// document read before it was delivered.
TEST(Engine, StreamStopsAtAReadErrorAndReturnsIt) {
  auto engine = Engine::FromFiles({"rules"});
  ASSERT_TRUE(engine.ok());
  constexpr int kBeforeError = 300;  // several batches, on several threads
  for (int threads : {1, 3}) {
    int produced = 0, asked_after_error = 0;
    std::vector<std::string> order;
    absl::Status status = (*engine)->ScanStream(
        [&](Document* doc) -> absl::StatusOr<bool> {
          if (produced == kBeforeError) {
            ++asked_after_error;
            return absl::DataLossError("articles.jsonl: read failed");
          }
          const int n = produced++;
          *doc = Doc("d" + std::to_string(n), "Comrades and brothers.");
          return true;
        },
        threads, [&](const Document& doc, std::vector<Mention>) { order.push_back(doc.id()); });
    EXPECT_TRUE(absl::IsDataLoss(status)) << status;
    EXPECT_EQ(status.message(), "articles.jsonl: read failed");
    EXPECT_EQ(asked_after_error, 1);
    ASSERT_EQ(order.size(), static_cast<size_t>(kBeforeError)) << threads << " threads";
    for (int i = 0; i < kBeforeError; ++i) EXPECT_EQ(order[i], "d" + std::to_string(i));
  }
}

// Engine::Stream delivers documents that could not be made, in their place.
TEST(Engine, StreamDeliversFailedMakesInOrder) {
  auto engine = Engine::FromFiles({"rules"});
  ASSERT_TRUE(engine.ok());
  std::vector<std::string> delivered;
  {
    Engine::Stream stream(
        **engine, /*threads=*/2,
        [](const Document& doc, const std::vector<Mention>& mentions) {
          return doc.id() + ":" + std::to_string(mentions.size());
        },
        [&](Engine::Stream::Result result) {
          delivered.push_back(result.document.ok() ? result.rendered
                                                   : std::string(result.document.status().message()));
        });
    stream.Submit(Doc("a", "Comrades and brothers."));
    stream.Submit([]() -> absl::StatusOr<Document> { return absl::InvalidArgumentError("bad"); }, 1);
    stream.Submit([] { return absl::StatusOr<Document>(Doc("c", "Nothing.")); }, 8);
    stream.Finish();
  }
  EXPECT_THAT(delivered, ::testing::ElementsAre("a:1", "bad", "c:0"));
}

}  // namespace
}  // namespace refrain
