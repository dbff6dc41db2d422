// DisableSqliteMemoryStatistics: SQLite stops counting its allocations. Each
// test restarts SQLite (sqlite3_shutdown) so that its configuration applies.
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "engine/store/claim_store.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

// The bytes SQLite counts as in use while a store is open with one document.
int64_t CountedWhileStoreOpen() {
  const std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/config.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto store = ClaimStore::Open(path, StoreOptions());
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
