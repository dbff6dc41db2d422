// Stable 64-bit fingerprints (XXH3), for identifying rule set versions and
// document contents. One hash family for both.
//
// Unlike absl::Hash, the value is the same across runs, builds and
// machines (XXH3's output is frozen since xxHash 0.8), so it can be stored
// in records and compared later.
//
//   std::string fp = FingerprintHex(serialized_rule_set);  // "9f1c...": 16 hex
#ifndef REFRAIN_ENGINE_UTIL_FINGERPRINT_H_
#define REFRAIN_ENGINE_UTIL_FINGERPRINT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace refrain {

// Returns the 64-bit XXH3 hash of `data`. Not cryptographic.
uint64_t Fingerprint64(absl::string_view data);

// Returns `Fingerprint64(data)` as 16 lower-case hex digits.
std::string FingerprintHex(absl::string_view data);

// The FNV-1a fingerprint, as 16 hex digits, that refrain used until rules
// 2026.12.4, for rule sets and stored content hashes. Only for recognising
// what older builds wrote (ClaimStore reads old stores' content hashes);
// never for new values.
std::string LegacyFingerprintHex(absl::string_view data);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_UTIL_FINGERPRINT_H_
