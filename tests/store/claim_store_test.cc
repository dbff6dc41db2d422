// Tests of engine/store/claim_store.h on real SQLite files.
#include "engine/store/claim_store.h"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <type_traits>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "engine/match/scanner.h"
#include "engine/store/store_writer.h"
#include "engine/util/fingerprint.h"
#include "engine/util/proto_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::refrain::testing::ScannerFor;
using ::refrain::testing::TempStorePath;
using ::testing::ElementsAre;

Document Doc(const std::string& id, const std::string& source, const std::string& date,
             const std::string& text) {
  Document d;
  d.set_id(id);
  d.set_source(source);
  d.set_date(date);
  d.set_title("Title of " + id);
  d.set_text(text);
  return d;
}

class ClaimStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempStorePath("store.db");
    auto store = ClaimStore::Open(path_, StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    scanner_ = ScannerFor(testing::kSmallRules);
  }

  absl::StatusOr<IngestOutcome> Ingest(const Document& doc) {
    std::vector<Mention> mentions;
    scanner_->Scan(doc, &mentions);
    return store_->Ingest(doc, mentions);
  }

  std::vector<std::string> QueryTexts(const MentionQuery& query) {
    std::vector<std::string> out;
    EXPECT_TRUE(store_
                    ->Query(query,
                            [&out](const StoredMention& m) {
                              out.push_back(m.mention().date() + " " +
                                            m.mention().source() + " " + m.mention().text());
                              return absl::OkStatus();
                            })
                    .ok());
    return out;
  }

  std::string path_;
  std::unique_ptr<ClaimStore> store_;
  std::unique_ptr<Scanner> scanner_;
};

TEST_F(ClaimStoreTest, IngestingTheSameDocumentAgainChangesNothing) {
  Document doc = Doc("d1", "Lotus Wire", "2024-10", "China is Vietnam's largest partner.");
  EXPECT_EQ(*Ingest(doc), IngestOutcome::kAdded);
  EXPECT_EQ(*Ingest(doc), IngestOutcome::kUnchanged);
  absl::StatusOr<StoreStats> stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->mentions, 1);
}

TEST_F(ClaimStoreTest, ChangedDocumentReplacesItsMentions) {
  ASSERT_TRUE(Ingest(Doc("d1", "A", "2024-10", "China is Vietnam's largest partner.")).ok());
  EXPECT_EQ(*Ingest(Doc("d1", "A", "2024-10",
                        "Comrades and brothers. Vietnam is China's largest partner.")),
            IngestOutcome::kReplaced);
  EXPECT_THAT(QueryTexts({}), ElementsAre("2024-10 A Comrades and brothers",
                                          "2024-10 A Vietnam is China's largest partner"));
  EXPECT_EQ(store_->Stats()->documents, 1);
}

TEST_F(ClaimStoreTest, QueriesFilterByClaimSourceAndDates) {
  ASSERT_TRUE(Ingest(Doc("a", "A", "2024-09-30", "China is Vietnam's largest partner.")).ok());
  ASSERT_TRUE(Ingest(Doc("b", "B", "2024-10", "Comrades and brothers.")).ok());
  ASSERT_TRUE(Ingest(Doc("c", "A", "2024-10-31", "Vietnam is China's largest partner.")).ok());
  ASSERT_TRUE(Ingest(Doc("d", "A", "", "China is Vietnam's largest partner.")).ok());
  EXPECT_EQ(QueryTexts({}).size(), 4u);
  EXPECT_THAT(QueryTexts({"partner", "", "", ""}),
              ElementsAre(" A China is Vietnam's largest partner",
                          "2024-09-30 A China is Vietnam's largest partner",
                          "2024-10-31 A Vietnam is China's largest partner"));
  EXPECT_THAT(QueryTexts({"", "B", "", ""}), ElementsAre("2024-10 B Comrades and brothers"));
  EXPECT_THAT(QueryTexts({"", "", "2024-10", ""}),
              ElementsAre("2024-10 B Comrades and brothers",
                          "2024-10-31 A Vietnam is China's largest partner"));
  // `until` is inclusive at its own precision: 2024-10 takes 2024-10-31.
  EXPECT_THAT(QueryTexts({"", "A", "", "2024-10"}),
              ElementsAre("2024-09-30 A China is Vietnam's largest partner",
                          "2024-10-31 A Vietnam is China's largest partner"));
  EXPECT_THAT(QueryTexts({"", "", "2024-10-01", "2024-10-30"}), ElementsAre());
}

TEST_F(ClaimStoreTest, QueryCarriesDocumentMetadata) {
  ASSERT_TRUE(Ingest(Doc("a", "A", "2024", "Comrades and brothers.")).ok());
  int rows = 0;  // the assertions below must not pass on no rows at all
  ASSERT_TRUE(store_
                  ->Query({}, [&rows](const StoredMention& m) {
                    ++rows;
                    EXPECT_EQ(m.title(), "Title of a");
                    EXPECT_EQ(m.mention().doc_id(), "a");
                    return absl::OkStatus();
                  })
                  .ok());
  EXPECT_EQ(rows, 1);
}

// RewriteMentions hands over each document with text and its mentions;
// what it returns decides what is kept (the rescan itself is tested in
// tests/pipeline/rescan_test.cc).
TEST_F(ClaimStoreTest, RewriteMentionsReplacesKeepsOrStops) {
  ASSERT_TRUE(Ingest(Doc("a", "A", "2024", "China is Vietnam's largest partner.")).ok());
  ASSERT_TRUE(Ingest(Doc("b", "A", "2024", "Comrades and brothers.")).ok());
  std::vector<std::string> seen;
  // "a" loses its mentions, "b" keeps them although they are cleared here.
  ASSERT_TRUE(store_
                  ->RewriteMentions([&](const Document& document,
                                        std::vector<Mention>* mentions) -> absl::StatusOr<bool> {
                    seen.push_back(document.id() + ": " + document.text() + " (" +
                                   std::to_string(mentions->size()) + ")");
                    mentions->clear();
                    return document.id() == "a";
                  })
                  .ok());
  EXPECT_THAT(seen, ElementsAre("a: China is Vietnam's largest partner. (1)",
                                "b: Comrades and brothers. (1)"));
  EXPECT_THAT(QueryTexts({}), ElementsAre("2024 A Comrades and brothers"));
  // An error stops at its document and leaves it as it was.
  int calls = 0;
  absl::Status status = store_->RewriteMentions(
      [&](const Document&, std::vector<Mention>* mentions) -> absl::StatusOr<bool> {
        ++calls;
        mentions->clear();
        return absl::AbortedError("stop");
      });
  EXPECT_TRUE(absl::IsAborted(status)) << status;
  EXPECT_EQ(calls, 1);
  EXPECT_THAT(QueryTexts({}), ElementsAre("2024 A Comrades and brothers"));
}

TEST_F(ClaimStoreTest, ImportReplacesThenAppendsAndRoundTrips) {
  ASSERT_TRUE(Ingest(Doc("a", "A", "2024", "China is Vietnam's largest partner.")).ok());
  std::vector<Mention> exported;
  ASSERT_TRUE(store_
                  ->Query({}, [&](const StoredMention& m) {
                    exported.push_back(m.mention());
                    return absl::OkStatus();
                  })
                  .ok());
  auto copy = ClaimStore::Open(TempStorePath("copy.db"), StoreOptions());
  ASSERT_TRUE(copy.ok());
  for (int round = 0; round < 2; ++round) {  // importing twice is idempotent
    size_t i = 0;
    int64_t n = -1;
    absl::Status status = (*copy)->Import(
        [&](Mention* m) -> absl::StatusOr<bool> {
          if (i == exported.size()) return false;
          *m = exported[i++];
          return true;
        },
        &n);
    ASSERT_TRUE(status.ok()) << status;
    EXPECT_EQ(n, 1);
  }
  EXPECT_EQ((*copy)->Stats()->mentions, 1);
  EXPECT_EQ((*copy)->Stats()->documents, 1);
}

// A store owns its connection: a copy would close it twice.
static_assert(!std::is_copy_constructible_v<ClaimStore>);
static_assert(!std::is_copy_assignable_v<ClaimStore>);
static_assert(!std::is_copy_constructible_v<ClaimStore::Batch>);

TEST_F(ClaimStoreTest, ABatchDroppedWithoutCommitLeavesNothingBehind) {
  ASSERT_TRUE(Ingest(Doc("kept", "A", "2024", "Comrades and brothers.")).ok());
  {
    absl::StatusOr<ClaimStore::Batch> batch = store_->StartBatch();
    ASSERT_TRUE(batch.ok()) << batch.status();
    EXPECT_EQ(*Ingest(Doc("a", "A", "2024", "China is Vietnam's largest partner.")),
              IngestOutcome::kAdded);
    EXPECT_EQ(*Ingest(Doc("kept", "A", "2024", "Vietnam is China's largest partner.")),
              IngestOutcome::kReplaced);
    EXPECT_EQ(store_->Stats()->documents, 2);  // visible inside the batch
  }
  EXPECT_EQ(store_->Stats()->documents, 1);
  EXPECT_THAT(QueryTexts({}), ElementsAre("2024 A Comrades and brothers"));
  // The store takes a new batch, and a committed one stays.
  absl::StatusOr<ClaimStore::Batch> batch = store_->StartBatch();
  ASSERT_TRUE(batch.ok()) << batch.status();
  EXPECT_TRUE(absl::IsFailedPrecondition(store_->StartBatch().status()));
  ASSERT_TRUE(Ingest(Doc("a", "A", "2024", "China is Vietnam's largest partner.")).ok());
  ASSERT_TRUE(batch->Commit().ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(batch->Commit()));
  EXPECT_EQ(store_->Stats()->documents, 2);
}

// A second connection sees nothing of a batch until it is committed.
TEST_F(ClaimStoreTest, ABatchIsInvisibleToOthersUntilCommitted) {
  absl::StatusOr<ClaimStore::Batch> batch = store_->StartBatch();
  ASSERT_TRUE(batch.ok()) << batch.status();
  ASSERT_TRUE(Ingest(Doc("a", "A", "2024", "Comrades and brothers.")).ok());
  auto reader = ClaimStore::Open(path_, StoreOptions());
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->Stats()->documents, 0);
  ASSERT_TRUE(batch->Commit().ok());
  EXPECT_EQ((*reader)->Stats()->documents, 1);
}

TEST(ClaimStore, OpensReadOnlyWithoutWriting) {
  const std::string path = TempStorePath("read_only.db");
  StoreOptions read_only;
  read_only.read_only = true;
  EXPECT_TRUE(absl::IsNotFound(ClaimStore::Open(path, read_only).status()));
  EXPECT_FALSE(std::filesystem::exists(path));
  {
    auto store = ClaimStore::Open(path, StoreOptions());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Ingest(Doc("d1", "A", "2024", "Text."), {}).ok());
  }
  auto store = ClaimStore::Open(path, read_only);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ((*store)->Stats()->documents, 1);
  absl::StatusOr<IngestOutcome> written = (*store)->Ingest(Doc("d2", "A", "2024", "Text."), {});
  EXPECT_TRUE(absl::IsPermissionDenied(written.status())) << written.status();
  EXPECT_THAT(std::string(written.status().message()),
              ::testing::HasSubstr("not writable by this user"));
}

TEST(ClaimStore, RejectsFilesThatAreNotRefrainStores) {
  const std::string text = TempStorePath("text.db");
  std::ofstream(text) << "this is not a database, just some text that is long enough";
  auto status = ClaimStore::Open(text, StoreOptions()).status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status)) << status;
  EXPECT_EQ(status.message(), text + ": not a refrain store (not an SQLite database)");

  const std::string other = TempStorePath("other.db");
  sqlite3* db;
  ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  status = ClaimStore::Open(other, StoreOptions()).status();
  EXPECT_EQ(status.message(),
            other + ": not a refrain store (an SQLite database of another application)");

  StoreOptions no_create;
  no_create.create_if_missing = false;
  status = ClaimStore::Open(TempStorePath("missing.db"), no_create).status();
  EXPECT_TRUE(absl::IsNotFound(status));
}

int64_t PageSize(const std::string& path) {
  sqlite3* db;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt;
  sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &stmt, nullptr);
  const int64_t size = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return size;
}

// New stores use 16 KiB pages; stores made with SQLite's default 4 KiB
// pages (as before) keep them and work the same.
TEST(ClaimStore, NewStoresUseLargePagesAndOldOnesKeepTheirs) {
  const std::string path = TempStorePath("pages.db");
  ASSERT_TRUE(ClaimStore::Open(path, StoreOptions()).ok());
  EXPECT_EQ(PageSize(path), 16384);

  sqlite3* db;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ASSERT_EQ(PageSize(path), 4096);

  auto store = ClaimStore::Open(path, StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  Document doc = Doc("d1", "Lotus Wire", "2024-10", "China is Vietnam's largest partner.");
  std::vector<Mention> mentions;
  ScannerFor(testing::kSmallRules)->Scan(doc, &mentions);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(*(*store)->Ingest(doc, mentions), IngestOutcome::kAdded);
  EXPECT_EQ((*store)->Stats()->mentions, 1);
  store->reset();
  EXPECT_EQ(PageSize(path), 4096);
}

// Stores written before XXH3 content hashes hold FNV-1a ones: the same
// document ingested again is still recognised as unchanged, and a changed
// one as changed.
TEST(ClaimStore, RecognisesContentHashesOfEarlierBuilds) {
  const std::string path = TempStorePath("fnv.db");
  auto store = ClaimStore::Open(path, StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  Document doc = Doc("d1", "Lotus Wire", "2024-10", "China is Vietnam's largest partner.");
  ASSERT_EQ(*(*store)->Ingest(doc, {}), IngestOutcome::kAdded);
  EXPECT_EQ(*(*store)->Ingest(doc, {}), IngestOutcome::kUnchanged);

  sqlite3* db;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string old_hash = LegacyFingerprintHex(SerializeDeterministic(doc));
  ASSERT_EQ(sqlite3_exec(db,
                         ("UPDATE documents SET content_hash = '" + old_hash + "'").c_str(),
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(*(*store)->Ingest(doc, {}), IngestOutcome::kUnchanged);

  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE documents SET content_hash = '0123456789abcdef'",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(*(*store)->Ingest(doc, {}), IngestOutcome::kReplaced);
  EXPECT_EQ(*(*store)->Ingest(doc, {}), IngestOutcome::kUnchanged);
}

TEST(ClaimStore, RejectsStoresOfANewerVersion) {
  const std::string path = TempStorePath("newer.db");
  ASSERT_TRUE(ClaimStore::Open(path, StoreOptions()).ok());
  sqlite3* db;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto status = ClaimStore::Open(path, StoreOptions()).status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status));
  EXPECT_EQ(status.message(), path + ": written by a newer refrain (store schema 99; "
                                     "this refrain reads up to 1)");
}

TEST(ClaimStore, ReportsADamagedStoreAsDataLoss) {
  const std::string path = TempStorePath("damaged.db");
  {
    auto store = ClaimStore::Open(path, StoreOptions());
    ASSERT_TRUE(store.ok());
    auto scanner = ScannerFor(testing::kSmallRules);
    for (int i = 0; i < 50; ++i) {
      Document doc = Doc("d" + std::to_string(i), "A", "2024",
                         std::string(2000, 'x') + " China is Vietnam's largest partner.");
      std::vector<Mention> mentions;
      scanner->Scan(doc, &mentions);
      ASSERT_TRUE((*store)->Ingest(doc, mentions).ok());
    }
  }  // closing the last connection checkpoints the WAL into the file
  {
    const int64_t page = PageSize(path);
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(page);  // the pages after the header page
    file << std::string(2 * page, '\xFF');
  }
  auto store = ClaimStore::Open(path, StoreOptions());
  absl::Status status = store.status();
  if (store.ok()) status = (*store)->Stats().status();
  EXPECT_TRUE(absl::IsDataLoss(status)) << status;
  EXPECT_THAT(std::string(status.message()),
              ::testing::StartsWith(path + ": the store is damaged"));
}

// Creates a store at `path` whose write lock another connection, `*holder`,
// holds (ROLLBACK and close it to release), and opens it again with a
// connection that waits `busy_timeout_ms` for that lock.
std::unique_ptr<ClaimStore> LockedStore(const std::string& path, int busy_timeout_ms,
                                        sqlite3** holder) {
  EXPECT_TRUE(ClaimStore::Open(path, StoreOptions()).ok());
  EXPECT_EQ(sqlite3_open(path.c_str(), holder), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(*holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  StoreOptions impatient;
  impatient.busy_timeout_ms = busy_timeout_ms;
  auto store = ClaimStore::Open(path, impatient);
  EXPECT_TRUE(store.ok()) << store.status();  // readers are not blocked
  return store.ok() ? std::move(*store) : nullptr;
}

TEST(ClaimStore, ASecondWriterWaitsThenFailsClearly) {
  const std::string path = TempStorePath("busy.db");
  sqlite3* holder;
  std::unique_ptr<ClaimStore> store = LockedStore(path, 100, &holder);
  ASSERT_NE(store, nullptr);
  absl::Status status = store->Ingest(Doc("a", "A", "", "x"), {}).status();
  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
  // In the library's terms; the payload lets the CLI name `refrain ingest`.
  EXPECT_EQ(status.message(), path + ": locked by another writer; try again when it is done");
  EXPECT_EQ(status.GetPayload(kStoreProblemPayload), absl::Cord(kStoreLocked));
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_TRUE(store->Ingest(Doc("a", "A", "", "x"), {}).ok());
}

// The writer thread stores every document, in batches, however the queue
// fills; a document added again is unchanged.
TEST(StoreWriter, StoresEveryDocumentInBatches) {
  const std::string path = TempStorePath("writer.db");
  auto store = ClaimStore::Open(path, StoreOptions());
  ASSERT_TRUE(store.ok()) << store.status();
  auto scanner = ScannerFor(testing::kSmallRules);
  constexpr int kDocuments = 500;
  for (int round = 0; round < 2; ++round) {
    // Add waits for the writer often: for bytes, then for documents.
    StoreWriter::Options options;
    options.batch_documents = 7;
    if (round == 0) options.queue_bytes = 100;
    if (round == 1) options.queue_documents = 2;
    StoreWriter writer(store->get(), options);
    for (int i = 0; i < kDocuments; ++i) {
      Document doc = Doc(absl::StrCat("d", i), "Lotus Wire", "2024-10",
                         absl::StrCat("Report ", i, ": China is Vietnam's largest partner."));
      std::vector<Mention> mentions;
      scanner->Scan(doc, &mentions);
      const std::string hash = ContentHash(doc);
      ASSERT_TRUE(writer.Add(std::move(doc), std::move(mentions), hash).ok());
    }
    ASSERT_TRUE(writer.Finish().ok());
    EXPECT_EQ(writer.counts().added, round == 0 ? kDocuments : 0);
    EXPECT_EQ(writer.counts().unchanged, round == 0 ? 0 : kDocuments);
  }
  absl::StatusOr<StoreStats> stats = (*store)->Stats();
  EXPECT_EQ(stats->documents, kDocuments);
  EXPECT_EQ(stats->mentions, kDocuments);
}

// When the store cannot be written, Add and Finish return the error (no
// hang), and nothing is counted as stored.
TEST(StoreWriter, ReportsAStoreItCannotWrite) {
  sqlite3* holder;
  std::unique_ptr<ClaimStore> store = LockedStore(TempStorePath("writer-busy.db"), 50, &holder);
  ASSERT_NE(store, nullptr);
  // A queue of one document: Add blocks while one waits, until the writer,
  // stuck on the lock, fails (after 50 ms); then Add returns its error. No
  // sleeping: the wait is the writer's own.
  StoreWriter::Options options;
  options.queue_documents = 1;
  StoreWriter writer(store.get(), options);
  absl::Status status;
  int added = 0;
  for (; added < 100 && status.ok(); ++added) {
    Document doc = Doc(absl::StrCat("d", added), "A", "", "x");
    const std::string hash = ContentHash(doc);
    status = writer.Add(std::move(doc), {}, hash);
  }
  EXPECT_LE(added, 4);  // the queue holds one; the writer works on one more
  EXPECT_TRUE(absl::IsUnavailable(status)) << status;
  EXPECT_EQ(writer.Finish(), status);
  EXPECT_EQ(writer.counts().added, 0);
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(store->Stats()->documents, 0);
}

}  // namespace
}  // namespace refrain
