// UTF-8 validation and positions, for reading untrusted articles.
//
//   size_t bad = FindInvalidUtf8(text);
//   if (bad != absl::string_view::npos) { ... LineOf(text, bad) ... }
#ifndef REFRAIN_ENGINE_TEXT_UTF8_H_
#define REFRAIN_ENGINE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace refrain {

// Returns the byte offset of the first byte of `text` that is not part of
// well-formed UTF-8 (overlong forms, surrogates and code points above
// U+10FFFF are not well-formed), or npos when all of it is. Linear.
size_t FindInvalidUtf8(absl::string_view text);

// Decodes the well-formed UTF-8 sequence that starts at `text[i]`
// (REQUIRES: `i < text.size()`): returns its length in bytes (1 to 4) and
// sets `*code_point`, or returns 0 when `text[i]` does not start one.
int DecodeUtf8(absl::string_view text, size_t i, uint32_t* code_point);

// 1-based line number of byte `offset` in `text`.
int LineOf(absl::string_view text, size_t offset);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_UTF8_H_
