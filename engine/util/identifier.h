// The form of claim ids and rule set names, which rule files declare and
// records carry: [a-z][a-z0-9_]*.
#ifndef REFRAIN_ENGINE_UTIL_IDENTIFIER_H_
#define REFRAIN_ENGINE_UTIL_IDENTIFIER_H_

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace refrain {

// Whether `s` is [a-z][a-z0-9_]*.
inline bool IsLowerIdentifier(absl::string_view s) {
  if (s.empty() || !absl::ascii_islower(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    const unsigned char u = static_cast<unsigned char>(c);
    return absl::ascii_islower(u) || absl::ascii_isdigit(u) || c == '_';
  });
}

}  // namespace refrain

#endif  // REFRAIN_ENGINE_UTIL_IDENTIFIER_H_
