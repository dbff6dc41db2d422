#include "engine/text/escape.h"

#include <cstdint>

#include "absl/strings/str_format.h"
#include "engine/text/utf8.h"

namespace refrain {
namespace {

// Whether code point `cp` (at least 0x80) is shown escaped.
bool IsHiddenControl(uint32_t cp) {
  return cp <= 0x9F || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string EscapeControls(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c == '\t' || c == '\n' || c == '\r') {
      out += c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r";
      ++i;
      continue;
    }
    uint32_t cp;
    const int length = DecodeUtf8(text, i, &cp);
    if (length == 0 || cp < 0x80) {  // C0, DEL, or not UTF-8
      absl::StrAppendFormat(&out, "\\x%02x", c);
      ++i;
    } else if (IsHiddenControl(cp)) {
      absl::StrAppendFormat(&out, "\\u%04x", cp);
      i += length;
    } else {
      out.append(text.data() + i, length);
      i += length;
    }
  }
  return out;
}

}  // namespace refrain
