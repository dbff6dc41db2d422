// The families of characters that stand for one another: quotes, dashes
// and spaces. Defined once here for the two places that must agree on them:
// pattern translation (engine/rules/pattern.h), where a `'` in a pattern
// matches any single quote, and report keys (engine/diff/alignment.h's
// NormalizePhrasing), where variants are compared with each family folded
// to its ASCII member. A character added to a family here is matched and
// folded alike (tests/text/char_families_test.cc checks every code point).
//
//   std::string regex = absl::StrCat("[", kDashes, "]");  // any dash
//   FoldCharFamilies("China\u2019s top\u00A0partner") == "China's top partner"
//
// Thread-safe: constants and a pure function.
#ifndef REFRAIN_ENGINE_TEXT_CHAR_FAMILIES_H_
#define REFRAIN_ENGINE_TEXT_CHAR_FAMILIES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace refrain {

// Each family as the inside of an RE2 character class (no brackets).
// The quotes are also a plain list of characters, the ASCII one first.
inline constexpr char kSingleQuotes[] = "'\u2018\u2019\u02BC";
inline constexpr char kDoubleQuotes[] = "\"\u201C\u201D";
// Any hyphen or dash, and the minus sign.
inline constexpr char kDashes[] = "\\-\\x{2010}-\\x{2015}\\x{2212}";
// Whitespace, and the no-break, thin and narrow no-break spaces.
inline constexpr char kSpaces[] = "\\s\\x{00A0}\\x{2009}\\x{202F}";

// `text` with every single quote folded to `'`, double quote to `"`, dash
// to `-`, and each run of spaces to one ` `. Cost: four RE2 passes over
// `text`.
std::string FoldCharFamilies(absl::string_view text);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_CHAR_FAMILIES_H_
