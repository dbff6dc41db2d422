// Early-return helpers for absl::Status, which Abseil 20220623 lacks.
//
//   absl::Status Load() {
//     RETURN_IF_ERROR(Open());
//     ASSIGN_OR_RETURN(std::string text, ReadAll());
//     ...
//   }
#ifndef REFRAIN_ENGINE_UTIL_STATUS_MACROS_H_
#define REFRAIN_ENGINE_UTIL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns `expr` from the enclosing function when it is not OK.
#define RETURN_IF_ERROR(expr)                      \
  do {                                             \
    const absl::Status refrain_status_ = (expr);   \
    if (!refrain_status_.ok()) return refrain_status_; \
  } while (0)

#define REFRAIN_CONCAT_INNER_(a, b) a##b
#define REFRAIN_CONCAT_(a, b) REFRAIN_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (an absl::StatusOr<T>); returns its status when not OK,
// else moves the value into `lhs` (a declaration or an lvalue).
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  ASSIGN_OR_RETURN_IMPL_(REFRAIN_CONCAT_(refrain_statusor_, __LINE__), lhs, rexpr)

#define ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                           \
  if (!statusor.ok()) return statusor.status();      \
  lhs = std::move(statusor).value()

#endif  // REFRAIN_ENGINE_UTIL_STATUS_MACROS_H_
