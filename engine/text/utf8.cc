#include "engine/text/utf8.h"

#include <algorithm>

namespace refrain {

int DecodeUtf8(absl::string_view text, size_t i, uint32_t* code_point) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char c = s[i];
  if (c < 0x80) {
    *code_point = c;
    return 1;
  }
  int length;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the 2nd byte
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;   // no overlong forms
    if (c == 0xED) high = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size() || s[i + 1] < low || s[i + 1] > high) return 0;
  uint32_t cp = c & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  *code_point = cp;
  return length;
}

size_t FindInvalidUtf8(absl::string_view text) {
  size_t i = 0;
  uint32_t code_point;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const int length = DecodeUtf8(text, i, &code_point);
    if (length == 0) return i;
    i += length;
  }
  return absl::string_view::npos;
}

int LineOf(absl::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace refrain
