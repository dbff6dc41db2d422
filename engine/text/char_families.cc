#include "engine/text/char_families.h"

#include "absl/strings/str_cat.h"
#include "re2/re2.h"

namespace refrain {

std::string FoldCharFamilies(absl::string_view text) {
  std::string s(text);
  static const RE2 kSingle(absl::StrCat("[", kSingleQuotes, "]"));
  static const RE2 kDouble(absl::StrCat("[", kDoubleQuotes, "]"));
  static const RE2 kDash(absl::StrCat("[", kDashes, "]"));
  static const RE2 kSpace(absl::StrCat("[", kSpaces, "]+"));
  RE2::GlobalReplace(&s, kSingle, "'");
  RE2::GlobalReplace(&s, kDouble, "\"");
  RE2::GlobalReplace(&s, kDash, "-");
  RE2::GlobalReplace(&s, kSpace, " ");
  return s;
}

}  // namespace refrain
