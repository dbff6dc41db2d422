// What counts as part of a word, for the word boundaries of matches.
//
//   if (IsWordChar(text.substr(i, Utf8SequenceLength(text[i])))) { ... }
//
// A word character is a letter, digit or combining mark in any script
// (Unicode's general categories L, N and M), or `_`: the characters of
// RE2's class `[\pL\pN\pM_]`, which this replaces on the scanning path
// (tests/text/word_char_test.cc compares the two over every code point).
// Looked up in ICU's character properties: no allocation, no regex.
// Thread-safe: pure functions.
#ifndef REFRAIN_ENGINE_TEXT_WORD_CHAR_H_
#define REFRAIN_ENGINE_TEXT_WORD_CHAR_H_

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "engine/text/utf8.h"

namespace refrain {

// Whether code point `cp` is a word character (see above).
bool IsWordCodePoint(uint32_t cp);

// Whether `c`, the bytes of one character, is a word character. False when
// `c` is empty or, unless it starts with an ASCII byte, when it is not
// exactly one well-formed UTF-8 character; when it starts with an ASCII
// byte, only that byte is looked at.
inline bool IsWordChar(absl::string_view c) {
  if (c.empty()) return false;
  if (static_cast<unsigned char>(c[0]) < 0x80) {
    return absl::ascii_isalnum(c[0]) || c[0] == '_';
  }
  uint32_t cp;
  return DecodeUtf8(c, 0, &cp) == static_cast<int>(c.size()) && IsWordCodePoint(cp);
}

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_WORD_CHAR_H_
