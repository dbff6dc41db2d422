// Stable 64-bit fingerprints (FNV-1a), for identifying rule set versions.
//
// Unlike absl::Hash, the value is the same across runs, builds and
// machines, so it can be stored in records and compared later.
//
//   std::string fp = FingerprintHex(serialized_rule_set);  // "9f1c...": 16 hex
#ifndef REFRAIN_ENGINE_UTIL_FINGERPRINT_H_
#define REFRAIN_ENGINE_UTIL_FINGERPRINT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace refrain {

// Returns the 64-bit FNV-1a hash of `data`. Not cryptographic.
uint64_t Fingerprint64(absl::string_view data);

// Returns `Fingerprint64(data)` as 16 lower-case hex digits.
std::string FingerprintHex(absl::string_view data);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_UTIL_FINGERPRINT_H_
