#include "engine/util/fingerprint.h"

#include <xxhash.h>

#include "absl/strings/str_format.h"

namespace refrain {

uint64_t Fingerprint64(absl::string_view data) {
  return XXH3_64bits(data.data(), data.size());
}

std::string FingerprintHex(absl::string_view data) {
  return absl::StrFormat("%016x", Fingerprint64(data));
}

std::string LegacyFingerprintHex(absl::string_view data) {
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV offset basis
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV prime
  }
  return absl::StrFormat("%016x", hash);
}

}  // namespace refrain
