// Text from articles and record files made safe to show on a terminal or
// in an error message.
//
//   err << "refrain: skipped: " << EscapeControls(status.message()) << "\n";
//
// Article text, source names, file names and record streams are untrusted:
// written raw, an ESC sequence in them can retitle or clear the terminal,
// move the cursor or forge output, and a bidi override can reorder what is
// shown. Machine formats (JSON, binpb) escape by their own rules; everything
// written for people goes through `EscapeControls`.
#ifndef REFRAIN_ENGINE_TEXT_ESCAPE_H_
#define REFRAIN_ENGINE_TEXT_ESCAPE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace refrain {

// Returns `text` with every control character written visibly: tab, line
// feed and carriage return as `\t`, `\n`, `\r`; other C0 controls and DEL as
// `\xHH`; C1 controls (U+0080 to U+009F) and the bidi controls (U+200E,
// U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069) as `\uHHHH`; and each
// byte that is not well-formed UTF-8 as `\xHH`. Everything else, backslashes
// included, is copied as it is. Linear; returns `text` unchanged (one copy)
// when there is nothing to escape. The result holds no newline: callers add
// the line breaks their layout needs.
std::string EscapeControls(absl::string_view text);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_ESCAPE_H_
