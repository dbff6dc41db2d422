#include "engine/text/date.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace refrain {
namespace {

// The number written by `digits` (all ASCII digits), or -1.
int Number(absl::string_view digits) {
  int n = 0;
  for (char c : digits) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

bool IsValidDate(absl::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  const int year = Number(date.substr(0, 4));
  if (year < 1) return false;
  if (date.size() == 4) return true;
  const int month = Number(date.substr(5, 2));
  if (date[4] != '-' || month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  const int day = Number(date.substr(8, 2));
  return date[7] == '-' && day >= 1 && day <= days;
}

absl::Status CheckDate(absl::string_view date) {
  if (IsValidDate(date)) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("date \"", date, "\" is not YYYY, YYYY-MM or YYYY-MM-DD"));
}

}  // namespace refrain
