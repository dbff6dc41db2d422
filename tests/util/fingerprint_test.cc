#include "engine/util/fingerprint.h"

#include "gtest/gtest.h"

namespace refrain {
namespace {

// Fingerprints are stored in records and stores and compared later: the
// values must not change with the build. Reference values from xxHash's
// XXH3_64bits (frozen since 0.8) and from FNV-1a.
TEST(Fingerprint, IsXxh3AndStable) {
  EXPECT_EQ(FingerprintHex(""), "2d06800538d394c2");
  EXPECT_EQ(FingerprintHex("refrain"), "3323f76175ed9a4a");
  EXPECT_EQ(FingerprintHex("China is Vietnam's largest trading partner."),
            "2397f5cf04c6f36b");
  EXPECT_EQ(Fingerprint64("refrain"), 0x3323f76175ed9a4aULL);
}

TEST(Fingerprint, LegacyIsFnv1a) {
  EXPECT_EQ(LegacyFingerprintHex(""), "cbf29ce484222325");
  EXPECT_EQ(LegacyFingerprintHex("a"), "af63dc4c8601ec8c");
}

}  // namespace
}  // namespace refrain
