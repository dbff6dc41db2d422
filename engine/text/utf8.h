// UTF-8 validation and positions, for reading untrusted articles, and the
// byte-level steps every other file takes through UTF-8 text.
//
//   size_t bad = FindInvalidUtf8(text);
//   if (bad != absl::string_view::npos) { ... LineOf(text, bad) ... }
//
//   // The character at byte `i`, and the one before it:
//   absl::string_view c = text.substr(i, Utf8SequenceLength(text[i]));
//   size_t start = Utf8CharStartBefore(text, i);
//   // Cutting a text at most `n` bytes long without splitting a character:
//   size_t cut = Utf8BoundaryAtOrBefore(text, n, 0);
//
// The inline helpers below read lead and continuation bytes only; they do
// not validate (FindInvalidUtf8 and DecodeUtf8 do), so on malformed input
// they stay within the text and never take a character to be longer than
// four bytes. They are cheap enough for scanning loops: no allocation, no call.
// Thread-safe: all of them are pure functions.
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

// Whether `c` is a UTF-8 continuation byte (10xxxxxx), which never starts
// a character.
inline bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The length in bytes (1 to 4) of the sequence that lead byte `c` announces:
// 1 for ASCII and for a byte that cannot lead (a continuation byte), 2 for
// 0xC0 to 0xDF, 3 for 0xE0 to 0xEF, 4 for 0xF0 and above. Not validated:
// the bytes that follow may be fewer or not continuation bytes.
inline size_t Utf8SequenceLength(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0xC0 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
}

// The length in bytes (1 to 4) of the UTF-8 form of code point `cp`
// (REQUIRES: `cp <= 0x10FFFF`; surrogates count as 3).
inline size_t Utf8EncodedLength(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Where the character that ends at byte `i` of `text` starts (REQUIRES:
// `0 < i <= text.size()`): back from `i - 1` over continuation bytes, at
// most three of them, so never before `i - 4` nor before 0.
inline size_t Utf8CharStartBefore(absl::string_view text, size_t i) {
  size_t start = i - 1;
  while (start > 0 && i - start < 4 && IsUtf8Continuation(text[start])) --start;
  return start;
}

// The character boundary at or before byte `i` of `text`: `i` moved back
// over continuation bytes, but not before `floor` (REQUIRES: `floor <= i`).
// `i` itself when it is `text.size()` or more.
inline size_t Utf8BoundaryAtOrBefore(absl::string_view text, size_t i, size_t floor) {
  while (i > floor && i < text.size() && IsUtf8Continuation(text[i])) --i;
  return i;
}

// The character boundary at or after byte `i` of `text`: `i` moved forward
// over continuation bytes, at most to `text.size()`.
inline size_t Utf8BoundaryAtOrAfter(absl::string_view text, size_t i) {
  while (i < text.size() && IsUtf8Continuation(text[i])) ++i;
  return i;
}

// 1-based line number of byte `offset` in `text`.
int LineOf(absl::string_view text, size_t offset);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_UTF8_H_
