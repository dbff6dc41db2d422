// DisableSqliteMemoryStatistics: SQLite stops counting its allocations. Each
// test restarts SQLite (sqlite3_shutdown) so that its configuration applies.
#include <sqlite3.h>

#include "engine/store/claim_store.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

// The bytes SQLite counts as in use while a store is open with one document.
int64_t CountedWhileStoreOpen() {
  auto store = ClaimStore::Open(testing::TempStorePath("config.db"), StoreOptions());
  EXPECT_TRUE(store.ok()) << store.status();
  if (!store.ok()) return -1;
  Document document;
  document.set_id("d1");
  document.set_source("The Example Times");
  document.set_text("An article of a few words.");
  EXPECT_TRUE((*store)->Ingest(document, {}).ok());
  return sqlite3_memory_used();
}

TEST(SqliteConfigTest, SqliteCountsAllocationsByDefault) {
  ASSERT_EQ(sqlite3_shutdown(), SQLITE_OK);
  ASSERT_EQ(sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1), SQLITE_OK);
  EXPECT_GT(CountedWhileStoreOpen(), 0);
}

TEST(SqliteConfigTest, DisabledStatisticsCountNothing) {
  ASSERT_EQ(sqlite3_shutdown(), SQLITE_OK);
  DisableSqliteMemoryStatistics();
  EXPECT_EQ(CountedWhileStoreOpen(), 0);
}

}  // namespace
}  // namespace refrain
