// Tests of engine/text/date.h.
#include "engine/text/date.h"

#include "gtest/gtest.h"

namespace refrain {
namespace {

TEST(IsValidDate, AcceptsYearsMonthsAndDays) {
  for (const char* date : {"2025", "0001", "9999", "2025-01", "2025-12", "2025-04-15",
                           "2025-01-31", "2024-02-29", "2000-02-29", "2025-12-31"}) {
    EXPECT_TRUE(IsValidDate(date)) << date;
  }
}

TEST(IsValidDate, RejectsEverythingElse) {
  for (const char* date :
       {"", "yesterday <b>", "20250101", "2025-1", "2025-1-5", "2025-00", "2025-13",
        "2025-04-00", "2025-04-31", "2025-02-29", "1900-02-29", "0000", "2025/04/15",
        "2025-04-15T10:00:00Z", " 2025", "2025-04-15 ", "+025", "2025-04-1x", "２０２５"}) {
    EXPECT_FALSE(IsValidDate(date)) << date;
  }
}

}  // namespace
}  // namespace refrain
