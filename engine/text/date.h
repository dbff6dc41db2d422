// Document dates: what refrain accepts as `Document.date`, and so as the
// date of every mention, the store's month grouping and `--since/--until`.
//
//   if (!IsValidDate("2024-10")) ...
#ifndef REFRAIN_ENGINE_TEXT_DATE_H_
#define REFRAIN_ENGINE_TEXT_DATE_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace refrain {

// Whether `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: a year from 0001 to
// 9999, a month from 01 to 12, a day that exists in that month (29 February
// only in leap years). Dates in this form order correctly as strings, which
// the store's filters rely on.
bool IsValidDate(absl::string_view date);

// OK when `IsValidDate(date)`, else InvalidArgument `date "..." is not
// YYYY, YYYY-MM or YYYY-MM-DD`, for the caller to prefix with the place.
absl::Status CheckDate(absl::string_view date);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_DATE_H_
