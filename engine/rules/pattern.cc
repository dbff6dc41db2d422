#include "engine/rules/pattern.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace refrain {
namespace {

// What a space, an apostrophe, a double quote and a hyphen become.
constexpr char kSpace[] = "(?:[\\s\\x{00A0}\\x{2009}\\x{202F}]+)";
constexpr char kSingleQuotes[] = "'\u2018\u2019\u02BC";
constexpr char kDoubleQuotes[] = "\"\u201C\u201D";
constexpr char kDashes[] = "\\-\\x{2010}-\\x{2015}\\x{2212}";

// The quote class `pattern` starts with (kSingleQuotes or kDoubleQuotes) and
// its length in bytes, or null.
const char* QuoteAt(absl::string_view pattern, size_t i, size_t* length) {
  absl::string_view rest = pattern.substr(i);
  for (absl::string_view q : {"'", "\u2018", "\u2019", "\u02BC"}) {
    if (absl::StartsWith(rest, q)) {
      *length = q.size();
      return kSingleQuotes;
    }
  }
  for (absl::string_view q : {"\"", "\u201C", "\u201D"}) {
    if (absl::StartsWith(rest, q)) {
      *length = q.size();
      return kDoubleQuotes;
    }
  }
  return nullptr;
}

bool IsIdentStart(char c) { return absl::ascii_isalpha(c) || c == '_'; }
bool IsIdentChar(char c) { return absl::ascii_isalnum(c) || c == '_'; }

// Length of the UTF-8 sequence led by `c` (1 for a stray byte).
size_t Utf8Length(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

std::string ControlCharMessage(unsigned char c) {
  std::string message =
      absl::StrFormat("control character U+%04X in pattern", c);
  if (c == '\b') {
    absl::StrAppend(&message,
                    "; the text format read \"\\b\" as a backspace: write "
                    "\"\\\\b\" for RE2's word boundary");
  } else {
    absl::StrAppend(&message,
                    "; in a text-format string, write \"\\\\\" for each "
                    "backslash RE2 should see");
  }
  return message;
}

}  // namespace

TranslatedPattern TranslatePattern(absl::string_view p,
                                   const LexiconLookup& lookup,
                                   std::vector<PatternError>* errors) {
  TranslatedPattern out;
  std::string& re = out.regex;
  size_t i = 0;
  while (i < p.size()) {
    const unsigned char c = p[i];
    size_t quote_length = 0;
    if (c < 0x20 || c == 0x7F) {
      errors->push_back({i, ControlCharMessage(c)});
      ++i;
    } else if (c == '\\') {
      // An escape is copied whole: `\Q...\E`, `\p{..}`, `\x{..}`, or `\` and
      // one character.
      size_t end = i + 1;
      if (end < p.size() && p[end] == 'Q') {
        size_t e = p.find("\\E", end);
        end = e == absl::string_view::npos ? p.size() : e + 2;
      } else if (end + 1 < p.size() && absl::StrContains("pPx", p[end]) &&
                 p[end + 1] == '{') {
        size_t e = p.find('}', end);
        end = e == absl::string_view::npos ? p.size() : e + 1;
      } else if (end < p.size()) {
        end += Utf8Length(p[end]);
      }
      end = std::min(end, p.size());
      re.append(p.data() + i, end - i);
      i = end;
    } else if (c == '[') {
      // A character class: copied, with each quote widened to its family.
      re.push_back('[');
      ++i;
      if (i < p.size() && p[i] == '^') re.push_back(p[i++]);
      if (i < p.size() && p[i] == ']') re.push_back(p[i++]);
      while (i < p.size() && p[i] != ']') {
        const char* quotes = QuoteAt(p, i, &quote_length);
        if (quotes != nullptr) {
          re.append(quotes);
          i += quote_length;
        } else if (p[i] == '\\' && i + 1 < p.size()) {
          re.append(p.data() + i, 2);
          i += 2;
        } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
          size_t e = p.find(":]", i + 2);
          size_t end = e == absl::string_view::npos ? p.size() : e + 2;
          re.append(p.data() + i, end - i);
          i = end;
        } else {
          if (static_cast<unsigned char>(p[i]) < 0x20) {
            errors->push_back({i, ControlCharMessage(p[i])});
          }
          re.push_back(p[i++]);
        }
      }
      if (i < p.size()) re.push_back(p[i++]);  // `]`; RE2 reports if missing
    } else if (c == '(' && i + 1 < p.size() && p[i + 1] == '?') {
      // A group with flags or a name: copied up to its body.
      size_t end = i + 2;
      if (end < p.size() && p[end] == 'P' && end + 1 < p.size() &&
          p[end + 1] == '<') {
        size_t close = p.find('>', end + 2);
        if (close != absl::string_view::npos) {
          std::string name(p.substr(end + 2, close - end - 2));
          if (std::find(out.captures.begin(), out.captures.end(), name) !=
              out.captures.end()) {
            errors->push_back(
                {i, absl::StrCat("capture name '", name,
                                 "' is used twice in one pattern")});
          }
          out.captures.push_back(std::move(name));
          end = close + 1;
        }
      } else {
        while (end < p.size() && p[end] != ':' && p[end] != ')') ++end;
        end = std::min(end + 1, p.size());
      }
      re.append(p.data() + i, end - i);
      i = end;
    } else if (c == '{' && i + 1 < p.size() && IsIdentStart(p[i + 1])) {
      size_t end = i + 1;
      while (end < p.size() && IsIdentChar(p[end])) ++end;
      if (end < p.size() && p[end] == '}') {
        std::string name(p.substr(i + 1, end - i - 1));
        absl::StatusOr<const std::string*> lexicon = lookup(name);
        if (!lexicon.ok()) {
          errors->push_back({i, std::string(lexicon.status().message())});
        } else if (*lexicon == nullptr) {
          errors->push_back({i, ""});  // reported where it is defined
        } else {
          re.append(**lexicon);
        }
        out.lexicons.push_back(std::move(name));
        i = end + 1;
      } else {
        re.push_back(p[i++]);  // a literal `{`, as in RE2
      }
    } else if (c == ' ') {
      while (i < p.size() && p[i] == ' ') ++i;
      re.append(kSpace);
    } else if (const char* quotes = QuoteAt(p, i, &quote_length)) {
      absl::StrAppend(&re, "[", quotes, "]");
      i += quote_length;
    } else if (c == '-') {
      absl::StrAppend(&re, "[", kDashes, "]");
      ++i;
    } else {
      re.push_back(p[i++]);
    }
  }
  return out;
}

}  // namespace refrain
