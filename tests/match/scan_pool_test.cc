#include "engine/match/scan_pool.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

// Document i: a claim in every third one, two in every fifth.
Document MakeDocument(int i) {
  Document doc;
  doc.set_id(absl::StrCat("d", i));
  std::string text = absl::StrCat("Item ", i, " of the feed.");
  if (i % 3 == 0) absl::StrAppend(&text, " China is Vietnam's largest partner.");
  if (i % 5 == 0) absl::StrAppend(&text, " They are comrades and brothers.");
  doc.set_text(text);
  return doc;
}

std::string Render(const Document& doc, const std::vector<Mention>& mentions) {
  std::string out = doc.id();
  for (const Mention& m : mentions) absl::StrAppend(&out, " ", m.claim_id(), "@", m.begin());
  return out;
}

// What the pool must deliver for document i: what the scanner finds alone.
std::string Expected(const Scanner& scanner, int i) {
  std::vector<Mention> mentions;
  const Document doc = MakeDocument(i);
  scanner.Scan(doc, &mentions);
  return Render(doc, mentions);
}

TEST(ScanPool, DeliversWhatTheScannerFindsInSubmissionOrderOnAnyNumberOfThreads) {
  std::unique_ptr<Scanner> scanner = testing::ScannerFor(testing::kSmallRules);
  ASSERT_NE(scanner, nullptr);
  constexpr int kDocuments = 2000;
  for (int threads : {1, 2, 4}) {
    std::vector<std::string> rendered;
    size_t mentions = 0;
    {
      ScanPool pool(*scanner, threads, Render, [&](ScanPool::Result result) {
        ASSERT_TRUE(result.document.ok()) << result.document.status();
        EXPECT_EQ(result.rendered, Render(*result.document, result.mentions));
        mentions += result.mentions.size();
        rendered.push_back(std::move(result.rendered));
      });
      for (int i = 0; i < kDocuments; ++i) {
        if (i % 2 == 0) {
          pool.Submit(MakeDocument(i));
        } else {
          pool.Submit([i] { return absl::StatusOr<Document>(MakeDocument(i)); }, 100);
        }
      }
      pool.Finish();
    }
    ASSERT_EQ(rendered.size(), static_cast<size_t>(kDocuments)) << threads;
    for (int i = 0; i < kDocuments; ++i) {
      ASSERT_EQ(rendered[i], Expected(*scanner, i)) << "threads=" << threads;
    }
    // 667 documents with the partner claim, 400 with comrades.
    EXPECT_EQ(mentions, 1067u) << threads;
  }
}

TEST(ScanPool, AFailedMakeIsDeliveredInItsPlace) {
  std::unique_ptr<Scanner> scanner = testing::ScannerFor(testing::kSmallRules);
  ASSERT_NE(scanner, nullptr);
  std::vector<std::string> seen;
  ScanPool pool(*scanner, 3, nullptr, [&](ScanPool::Result result) {
    if (result.document.ok()) {
      EXPECT_TRUE(result.rendered.empty());  // no render given
      seen.push_back(result.document->id());
    } else {
      EXPECT_TRUE(result.mentions.empty());
      seen.push_back(std::string(result.document.status().message()));
    }
  });
  for (int i = 0; i < 300; ++i) {
    pool.Submit(
        [i]() -> absl::StatusOr<Document> {
          if (i % 7 == 0) return absl::InvalidArgumentError(absl::StrCat("bad ", i));
          return MakeDocument(i);
        },
        10);
  }
  pool.Finish();
  ASSERT_EQ(seen.size(), 300u);
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(seen[i], i % 7 == 0 ? absl::StrCat("bad ", i) : absl::StrCat("d", i));
  }
}

// At most 4 * threads batches are in flight: with documents of over 1 MiB
// (a batch each), Submit returns only once few enough are undelivered.
TEST(ScanPool, KeepsABoundedNumberOfDocumentsInFlight) {
  std::unique_ptr<Scanner> scanner = testing::ScannerFor(testing::kSmallRules);
  ASSERT_NE(scanner, nullptr);
  constexpr int kThreads = 2;
  int submitted = 0;
  int delivered = 0;
  int most_in_flight = 0;
  ScanPool pool(*scanner, kThreads, nullptr,
                [&](ScanPool::Result) { ++delivered; });
  for (int i = 0; i < 200; ++i) {
    pool.Submit([i] { return absl::StatusOr<Document>(MakeDocument(i)); },
                /*bytes=*/2 << 20);
    ++submitted;
    most_in_flight = std::max(most_in_flight, submitted - delivered);
  }
  pool.Finish();
  EXPECT_EQ(delivered, 200);
  EXPECT_LE(most_in_flight, 4 * kThreads + 1);
  EXPECT_GT(most_in_flight, 1);  // the pool did work ahead of delivery
}

TEST(ScanPool, TheDestructorDeliversWhatWasSubmitted) {
  std::unique_ptr<Scanner> scanner = testing::ScannerFor(testing::kSmallRules);
  ASSERT_NE(scanner, nullptr);
  int delivered = 0;
  {
    ScanPool pool(*scanner, 2, nullptr, [&](ScanPool::Result) { ++delivered; });
    for (int i = 0; i < 150; ++i) pool.Submit(MakeDocument(i));
  }
  EXPECT_EQ(delivered, 150);
}

}  // namespace
}  // namespace refrain
