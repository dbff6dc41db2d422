#include "engine/rules/pattern.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/rules/word_forms.h"
#include "engine/text/char_families.h"
#include "engine/text/utf8.h"

namespace refrain {
namespace {

// What a space becomes; apostrophes, double quotes and hyphens become
// classes of their families (char_families.h).
const std::string& SpaceRegex() {
  static const std::string* const kSpace =
      new std::string(absl::StrCat("(?:[", kSpaces, "]+)"));
  return *kSpace;
}

// The quote family (kSingleQuotes or kDoubleQuotes) of the character at
// byte `i` of `pattern`, and its length in bytes, or null.
const char* QuoteAt(absl::string_view pattern, size_t i, size_t* length) {
  const size_t n = Utf8SequenceLength(pattern[i]);
  const absl::string_view c = pattern.substr(i, n);
  for (const char* family : {kSingleQuotes, kDoubleQuotes}) {
    const absl::string_view members = family;
    for (size_t k = 0; k < members.size(); k += Utf8SequenceLength(members[k])) {
      if (members.substr(k, Utf8SequenceLength(members[k])) == c) {
        *length = c.size();
        return family;
      }
    }
  }
  return nullptr;
}

bool IsIdentStart(char c) { return absl::ascii_isalpha(c) || c == '_'; }
bool IsIdentChar(char c) { return absl::ascii_isalnum(c) || c == '_'; }

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


// The built-in references, each between braces (lexicons are `{NAME}`):
//   {~word}    the word's inflected forms (word_forms.h)
//   {&}        a joiner between the nouns of a fixed phrase
//   {then N}   at most N words, then what follows
//   {near N}   separates parts that may come in any order (TranslatePattern)
// Words in gaps are runs of characters other than the spaces of kSpaces.
constexpr char kReservedInName[] = "__";

// What a translation produces: the RE2 to match with, the same with lazy
// gaps (TranslatedPattern::shortest), the same with unbounded gaps
// (TranslatedPattern::prefilter), or the pattern for people to read
// (ExpandPattern).
enum class Style { kRegex, kLazyRegex, kPrefilter, kReadable };
constexpr int kMaxGapWords = 30;
constexpr size_t kMaxNearParts = 4;
// Punctuation that may end a word in a gap ("Vietnam's", "(China"): ASCII
// punctuation, the general punctuation block (dashes, curly quotes), and
// guillemets. Small on purpose: Unicode's \pP would make every gap a large
// automaton, and gaps are repeated in every order of a {near N} pattern.
constexpr char kPunctuation[] =
    "[!-/:-@\\[-`{-~\\x{00AB}\\x{00BB}\\x{2010}-\\x{203A}]";
// What may open the word after a gap: "(China", "“top priority”".
constexpr char kOpening[] = "[(\\[\"'\\x{201C}\\x{2018}\\x{00AB}]";
// A character of a word in a gap: anything but a space of kSpaces.
const std::string& NonSpaceRegex() {
  static const std::string* const kNonSpace =
      new std::string(absl::StrCat("[^", kSpaces, "]"));
  return *kNonSpace;
}

// The length of the built-in reference at byte `i` of `p`, or 0. Anything
// between braces that starts with `~`, `&`, or a lower-case word and a
// space counts, so that a misspelt one is reported rather than read as
// literal text (`{china}` is left to the lexicon lookup, which suggests
// `{CHINA}`).
size_t BuiltinAt(absl::string_view p, size_t i) {
  if (i + 1 >= p.size() || p[i] != '{') return 0;
  size_t end = i + 1;
  while (end < p.size() && absl::ascii_islower(p[end])) ++end;
  const absl::string_view word = p.substr(i + 1, end - i - 1);
  const bool gap_word = word == "then" || word == "near";
  if (p[i + 1] != '~' && p[i + 1] != '&' && !gap_word &&
      (end == i + 1 || end == p.size() || p[end] != ' ')) {
    return 0;
  }
  // Unterminated: the rest of the pattern, reported by TranslateBuiltin.
  size_t close = p.find('}', i);
  return close == absl::string_view::npos ? p.size() - i : close - i + 1;
}

bool IsGap(absl::string_view builtin) {
  return builtin == "{&}" || absl::StartsWith(builtin, "{then") ||
         absl::StartsWith(builtin, "{near");
}

// The N of `{then N}` or `{near N}` (`keyword` is "then" or "near"), or -1
// with an error when `builtin` is that keyword with a bad distance.
int GapWords(absl::string_view builtin, absl::string_view keyword,
             size_t offset, std::vector<PatternError>* errors) {
  // "{" keyword " " digits "}"
  absl::string_view n = builtin.substr(std::min(builtin.size(), keyword.size() + 1));
  const bool shaped = absl::ConsumePrefix(&n, " ") && absl::ConsumeSuffix(&n, "}") &&
                      !n.empty() && n.size() <= 2 &&
                      std::all_of(n.begin(), n.end(), absl::ascii_isdigit);
  int words = -1;
  if (!shaped || !absl::SimpleAtoi(n, &words) || words > kMaxGapWords) {
    errors->push_back(
        {offset, absl::StrCat("{", keyword, " N} wants a number of words "
                              "from 0 to ", kMaxGapWords, ", got '",
                              builtin, "'")});
    return -1;
  }
  return words;
}

// RE2 for a gap of at most `words` words between two parts, each of which
// starts and ends at a word boundary: either a single punctuation mark
// ("China-Vietnam", "China/Vietnam"), or the rest of the part's last
// word when it goes on with punctuation ("Vietnam's"), up to `words` whole
// words, and opening brackets or quotes before the next part ("(China").
// Lazy for Style::kLazyRegex; anything for Style::kPrefilter (a gap inside
// a group; one outside ends a segment: see TranslatePart); `{then N}` for
// Style::kReadable.
std::string GapRegex(int words, Style style) {
  if (style == Style::kReadable) return absl::StrCat(" {then ", words, "} ");
  if (style == Style::kPrefilter) return "(?s:.*)";
  const char* const lazily = style == Style::kLazyRegex ? "?" : "";
  const std::string& space = SpaceRegex();
  const std::string& non_space = NonSpaceRegex();
  return absl::StrCat("(?:", kPunctuation, "|(?:", kPunctuation, non_space,
                      "*)?", lazily, "(?:", space, non_space, "+){0,", words,
                      "}", lazily, space, kOpening, "*", lazily, ")");
}

// Appends the translation of the built-in reference `builtin` (found by
// BuiltinAt at byte `offset` of the pattern) to `out`.
void TranslateBuiltin(absl::string_view builtin, size_t offset, Style style,
                      TranslatedPattern* out, std::vector<PatternError>* errors) {
  std::string* re = &out->regex;
  if (!absl::EndsWith(builtin, "}")) {
    errors->push_back({offset, absl::StrCat("unterminated reference '",
                                            builtin, "': a '}' is missing")});
  } else if (style == Style::kReadable && !absl::StartsWith(builtin, "{~")) {
    absl::StrAppend(re, IsGap(builtin) ? " " : "", builtin,
                    IsGap(builtin) ? " " : "");
  } else if (builtin == "{&}") {
    // A mark, or a word between spaces or dashes ("comrades-plus-brothers").
    const std::string& space = SpaceRegex();
    const std::string around =
        absl::StrCat("(?:", space, "?[", kDashes, "]", space, "?|", space, ")");
    absl::StrAppend(re, "(?:", space, "?[+&/", kDashes, "]", space, "?|",
                    around, "(?:and|as", space, "well", space, "as|plus|cum)",
                    around, ")");
  } else if (absl::StartsWith(builtin, "{~")) {
    absl::string_view word = builtin.substr(2, builtin.size() - 3);
    if (!IsWordFormsWord(word)) {
      errors->push_back(
          {offset, absl::StrCat("{~word} wants one English word in lower-case "
                                "letters, in its dictionary form, got '",
                                builtin, "'")});
      return;
    }
    // Longest first, so that a leftmost-first match (the lazy variant of a
    // pattern with gaps) does not stop at a prefix: "ram" in "rammed".
    std::vector<std::string> forms = WordForms(word);
    std::stable_sort(forms.begin(), forms.end(),
                     [](const std::string& a, const std::string& b) {
                       return a.size() > b.size();
                     });
    absl::StrAppend(re, "(?:", absl::StrJoin(forms, "|"), ")");
  } else if (absl::StartsWith(builtin, "{then")) {
    int words = GapWords(builtin, "then", offset, errors);
    if (words >= 0) absl::StrAppend(re, GapRegex(words, style));
    out->has_gaps = true;
  } else if (absl::StartsWith(builtin, "{near")) {
    errors->push_back(
        {offset, "{near N} separates the parts of a whole pattern (or term); "
                 "it cannot be inside parentheses"});
  } else {
    errors->push_back(
        {offset, absl::StrCat("unknown reference '", builtin,
                              "'; lexicon names are upper case, and the "
                              "built-in ones are {~word}, {&}, {then N} and "
                              "{near N}")});
  }
}
// Copies the escape at byte `i` of `p` whole to `re`: `\Q...\E`, `\p{..}`,
// `\x{..}`, or `\` and one character. Returns where it ends.
size_t CopyEscape(absl::string_view p, size_t i, std::string* re) {
  size_t end = i + 1;
  if (end < p.size() && p[end] == 'Q') {
    size_t e = p.find("\\E", end);
    end = e == absl::string_view::npos ? p.size() : e + 2;
  } else if (end + 1 < p.size() && absl::StrContains("pPx", p[end]) &&
             p[end + 1] == '{') {
    size_t e = p.find('}', end);
    end = e == absl::string_view::npos ? p.size() : e + 1;
  } else if (end < p.size()) {
    end += Utf8SequenceLength(p[end]);
  }
  end = std::min(end, p.size());
  re->append(p.data() + i, end - i);
  return end;
}

// Copies the character class that opens at byte `i` of `p` (which starts at
// byte `base` of the pattern) to `re`, with each quote widened to its
// family. Returns where it ends.
size_t TranslateClass(absl::string_view p, size_t i, size_t base, std::string* re,
                      std::vector<PatternError>* errors) {
  re->push_back('[');
  ++i;
  if (i < p.size() && p[i] == '^') re->push_back(p[i++]);
  if (i < p.size() && p[i] == ']') re->push_back(p[i++]);
  while (i < p.size() && p[i] != ']') {
    size_t quote_length = 0;
    const char* quotes = QuoteAt(p, i, &quote_length);
    if (quotes != nullptr) {
      re->append(quotes);
      i += quote_length;
    } else if (p[i] == '\\' && i + 1 < p.size()) {
      re->append(p.data() + i, 2);
      i += 2;
    } else if (p[i] == '[' && i + 1 < p.size() && p[i + 1] == ':') {
      size_t e = p.find(":]", i + 2);
      size_t end = e == absl::string_view::npos ? p.size() : e + 2;
      re->append(p.data() + i, end - i);
      i = end;
    } else {
      if (static_cast<unsigned char>(p[i]) < 0x20) {
        errors->push_back({base + i, ControlCharMessage(p[i])});
      }
      re->push_back(p[i++]);
    }
  }
  if (i < p.size()) re->push_back(p[i++]);  // `]`; RE2 reports if missing
  return i;
}

// Copies the opening of the group with flags or a name at byte `i` of `p`
// (`(?`) up to its body to `out->regex`, adding `suffix` to a capture's
// name and recording it in `out->captures`; counts in `depth` a group that
// has a body. Returns where the opening ends.
size_t TranslateGroupOpening(absl::string_view p, size_t i, size_t base,
                             const std::string& suffix, TranslatedPattern* out,
                             int* depth, std::vector<PatternError>* errors) {
  size_t end = i + 2;
  if (end < p.size() && p[end] == 'P' && end + 1 < p.size() && p[end + 1] == '<') {
    size_t close = p.find('>', end + 2);
    if (close != absl::string_view::npos) {
      std::string name(p.substr(end + 2, close - end - 2));
      if (absl::StrContains(name, kReservedInName)) {
        errors->push_back(
            {base + i, absl::StrCat("capture name '", name, "' contains '",
                                    kReservedInName, "', which refrain reserves")});
      } else if (suffix.empty() &&
                 std::find(out->captures.begin(), out->captures.end(), name) !=
                     out->captures.end()) {
        errors->push_back({base + i, absl::StrCat("capture name '", name,
                                                  "' is used twice in one pattern")});
      }
      absl::StrAppend(&out->regex, "(?P<", name, suffix, ">");
      if (suffix.empty()) out->captures.push_back(std::move(name));
      ++*depth;
      return close + 1;
    }
  } else {
    while (end < p.size() && p[end] != ':' && p[end] != ')') ++end;
    if (end < p.size() && p[end] == ':') ++*depth;  // not a bare `(?i)`
    end = std::min(end + 1, p.size());
  }
  out->regex.append(p.data() + i, end - i);
  return end;
}

// Translates the lexicon reference `{NAME}` at byte `i` of `p` (copied as
// written when `readable`), or copies a `{` that opens none as a literal,
// as RE2 does. Returns where it ends.
size_t TranslateLexicon(absl::string_view p, size_t i, size_t base,
                        const LexiconLookup& lookup, bool readable,
                        TranslatedPattern* out, std::vector<PatternError>* errors) {
  std::string& re = out->regex;
  size_t end = i + 1;
  while (end < p.size() && IsIdentChar(p[end])) ++end;
  if (end >= p.size() || p[end] != '}') {
    re.push_back(p[i]);
    return i + 1;
  }
  if (readable) {
    re.append(p.data() + i, end + 1 - i);
    return end + 1;
  }
  std::string name(p.substr(i + 1, end - i - 1));
  absl::StatusOr<const std::string*> lexicon = lookup(name);
  if (!lexicon.ok()) {
    errors->push_back({base + i, std::string(lexicon.status().message())});
  } else if (*lexicon == nullptr) {
    errors->push_back({base + i, ""});  // reported where it is defined
  } else {
    re.append(**lexicon);
  }
  out->lexicons.push_back(std::move(name));
  return end + 1;
}

// Translates the part `p` of a pattern that starts at byte `base` of it,
// appending to `out->regex`; `suffix` is appended to every capture name (see
// SlotName). Style::kReadable copies lexicon references, spaces, quotes and
// dashes as written (and needs no `lookup`).
void TranslatePart(absl::string_view p, size_t base,
                   const LexiconLookup& lookup, const std::string& suffix,
                   Style style, TranslatedPattern* out,
                   std::vector<PatternError>* errors) {
  const bool readable = style == Style::kReadable;
  std::string& re = out->regex;
  int depth = 0;  // of groups, for Style::kPrefilter
  const size_t part_start = re.size();
  size_t gap_at = std::string::npos;  // of the last gap in the pattern
  size_t gap_end = 0;                  // where it ends in `re`
  size_t i = 0;
  while (i < p.size()) {
    const unsigned char c = p[i];
    size_t quote_length = 0;
    if (c < 0x20 || c == 0x7F) {
      errors->push_back({base + i, ControlCharMessage(c)});
      ++i;
    } else if (c == '\\') {
      i = CopyEscape(p, i, &re);
    } else if (c == '[') {
      i = TranslateClass(p, i, base, &re, errors);
    } else if (c == '(' && i + 1 < p.size() && p[i + 1] == '?') {
      i = TranslateGroupOpening(p, i, base, suffix, out, &depth, errors);
    } else if (size_t length = BuiltinAt(p, i); length > 0) {
      const absl::string_view builtin = p.substr(i, length);
      if (IsGap(builtin) && re.size() == part_start) {
        errors->push_back({base + i, absl::StrCat(builtin, " needs something "
                                                  "to match before it")});
      }

      if (style == Style::kPrefilter && depth == 0 &&
          absl::StartsWith(builtin, "{then ")) {
        // A gap outside any group ends a segment (TranslatedPattern::prefilter).
        out->prefilter.push_back(std::move(re));
        re.clear();
        i += length;
        while (i < p.size() && p[i] == ' ') ++i;
        continue;
      }
      TranslateBuiltin(builtin, base + i, style, out, errors);
      if (IsGap(builtin)) {
        gap_at = base + i;
        gap_end = re.size();
      }
      i += length;
      if (IsGap(builtin)) {
        while (i < p.size() && p[i] == ' ') ++i;  // a gap holds its spaces
      }
    } else if (c == '{' && i + 1 < p.size() && IsIdentStart(p[i + 1])) {
      i = TranslateLexicon(p, i, base, lookup, readable, out, errors);
    } else if (c == ' ') {
      while (i < p.size() && p[i] == ' ') ++i;
      if (!IsGap(p.substr(i, BuiltinAt(p, i)))) re.append(readable ? " " : SpaceRegex());
    } else if (readable) {
      re.push_back(p[i++]);
    } else if (const char* quotes = QuoteAt(p, i, &quote_length)) {
      absl::StrAppend(&re, "[", quotes, "]");
      i += quote_length;
    } else if (c == '-') {
      absl::StrAppend(&re, "[", kDashes, "]");
      ++i;
    } else {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      re.push_back(p[i++]);
    }
  }
  if (gap_at != std::string::npos && re.size() == gap_end) {
    errors->push_back({gap_at, absl::StrCat(p.substr(gap_at - base,
                                                     BuiltinAt(p, gap_at - base)),
                                            " needs something to match after it")});
  }
}

// Past the escape (`\\Q...\\E` whole) or character class at byte `i` of
// `p`, or `i` when there is neither.
size_t SkipEscapeOrClass(absl::string_view p, size_t i) {
  if (p[i] == '\\' && i + 1 < p.size() && p[i + 1] == 'Q') {
    const size_t e = p.find("\\E", i + 2);
    return e == absl::string_view::npos ? p.size() : e + 2;
  }
  if (p[i] == '\\') return std::min(i + 2, p.size());
  if (p[i] != '[') return i;
  // `]` right after `[` or `[^` is a member.
  i += 1 + (i + 1 < p.size() && p[i + 1] == '^');
  if (i < p.size() && p[i] == ']') ++i;
  while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
  return std::min(i + 1, p.size());
}

// Where `p` splits into parts at each `{near N}` outside any group or
// class: the byte ranges [begin, end) of the parts, without the spaces
// around the separators. Sets `*words` to the separators' N (they must
// agree). An unsplit pattern is one part.
std::vector<std::pair<size_t, size_t>> SplitNear(
    absl::string_view p, int* words, std::vector<PatternError>* errors) {
  std::vector<std::pair<size_t, size_t>> parts;
  size_t begin = 0;
  int depth = 0;
  *words = -1;
  for (size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (size_t next = SkipEscapeOrClass(p, i); next != i) {
      i = next;
    } else if (c == '(' || c == ')') {
      depth += c == '(' ? 1 : -1;
      ++i;
    } else if (size_t length = BuiltinAt(p, i);
               length > 0 && depth == 0 &&
               absl::StartsWith(p.substr(i), "{near ")) {
      const int n = GapWords(p.substr(i, length), "near", i, errors);
      if (*words >= 0 && n >= 0 && n != *words) {
        errors->push_back({i, absl::StrCat("the {near N} of one pattern must "
                                           "agree; this one says ", n,
                                           " after ", *words)});
      }
      if (n >= 0) *words = n;
      size_t end = i;
      while (end > begin && p[end - 1] == ' ') --end;
      parts.emplace_back(begin, end);
      i += length;
      while (i < p.size() && p[i] == ' ') ++i;
      begin = i;
    } else {
      ++i;
    }
  }
  parts.emplace_back(begin, p.size());
  return parts;
}

// Translates `p` (see TranslatePattern) in `style`. In Style::kReadable,
// each order of a `{near N}` pattern is a line of its own.
TranslatedPattern Translate(absl::string_view p, const LexiconLookup& lookup,
                            Style style, std::vector<PatternError>* errors) {
  TranslatedPattern out;
  int words = 0;
  const std::vector<std::pair<size_t, size_t>> parts =
      SplitNear(p, &words, errors);
  if (parts.size() == 1) {
    TranslatePart(p, 0, lookup, "", style, &out, errors);
    if (style == Style::kPrefilter) out.prefilter.push_back(std::move(out.regex));
    return out;
  }
  if (parts.size() > kMaxNearParts) {
    errors->push_back({parts[kMaxNearParts].first,
                       absl::StrCat("{near N} may join at most ",
                                    kMaxNearParts, " parts (", parts.size(),
                                    " here), since each order is a separate "
                                    "alternative")});
    return out;
  }
  for (const auto& [begin, end] : parts) {
    if (begin == end) {
      errors->push_back({begin, "{near N} wants a part on each side"});
      return out;
    }
  }
  if (style == Style::kPrefilter) {
    // Every part occurs in every match, in some order.
    for (const auto& [begin, end] : parts) {
      TranslatePart(p.substr(begin, end - begin), begin, lookup, "", style,
                    &out, errors);
      out.prefilter.push_back(std::move(out.regex));
      out.regex.clear();
    }
    return out;
  }
  // Every order of the parts is one alternative. Its captures get a suffix
  // (SlotName drops it): RE2 wants each name once.
  std::vector<size_t> order(parts.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  const bool readable = style == Style::kReadable;
  std::vector<PatternError> repeated_errors;
  int alternative = 0;
  if (!readable) out.regex = "(?:";
  do {
    if (alternative > 0) out.regex.push_back(readable ? '\n' : '|');
    const std::string suffix = alternative == 0 || readable
                                   ? ""
                                   : absl::StrCat(kReservedInName, alternative);
    for (size_t k = 0; k < order.size(); ++k) {
      if (k > 0) out.regex += GapRegex(words, style);
      const auto [begin, end] = parts[order[k]];
      TranslatePart(p.substr(begin, end - begin), begin, lookup, suffix, style,
                    &out, alternative == 0 ? errors : &repeated_errors);
    }
    ++alternative;
  } while (std::next_permutation(order.begin(), order.end()));
  if (!readable) out.regex.push_back(')');
  out.has_gaps = true;
  return out;
}

// The end of the group of RE2 `re` that opens at byte `open` (one past its
// `)`), or npos. Skips escapes and character classes.
size_t GroupEnd(absl::string_view re, size_t open) {
  int depth = 0;
  for (size_t i = open; i < re.size();) {
    const char c = re[i];
    if (size_t next = SkipEscapeOrClass(re, i); next != i) {
      i = next;
    } else {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      ++i;
      if (depth == 0) return i;
    }
  }
  return absl::string_view::npos;
}

// `re` without the optional groups it starts with: for whether a text holds
// a match somewhere, "(?:the )?partner" is "partner", and a prefilter set
// without such prefixes has far fewer matches in progress at a time.
std::string DropOptionalPrefixes(std::string re) {
  while (absl::StartsWith(re, "(")) {
    const size_t end = GroupEnd(re, 0);
    if (end == absl::string_view::npos || end >= re.size() || re[end] != '?' ||
        end + 1 == re.size()) {
      break;
    }
    re.erase(0, end + 1 + (end + 1 < re.size() && re[end + 1] == '?'));
  }
  return re;
}

// `re` without the optional groups it ends with, for the same reason:
// "partner(?: in ASEAN)?" holds a match wherever "partner" does.
std::string DropOptionalSuffixes(std::string re) {
  for (;;) {
    // The last group outside any other, and where it ends.
    size_t open = absl::string_view::npos;
    size_t end = 0;
    for (size_t i = 0; i < re.size();) {
      if (re[i] == '(') {
        open = i;
        end = GroupEnd(re, i);
        if (end == absl::string_view::npos) return re;
        i = end;
      } else {
        const size_t next = SkipEscapeOrClass(re, i);
        i = next != i ? next : i + 1;
      }
    }
    if (open == absl::string_view::npos || open == 0 || end >= re.size() ||
        re[end] != '?' || end + 1 + (end + 1 < re.size() && re[end + 1] == '?') !=
                              re.size() ||
        re[open - 1] == '|') {
      return re;
    }
    re.erase(open);
  }
}

}  // namespace

TranslatedPattern TranslatePattern(absl::string_view p,
                                   const LexiconLookup& lookup,
                                   std::vector<PatternError>* errors) {
  TranslatedPattern out = Translate(p, lookup, Style::kRegex, errors);
  if (out.has_gaps) {
    std::vector<PatternError> repeated_errors;
    out.shortest =
        Translate(p, lookup, Style::kLazyRegex, &repeated_errors).regex;
    out.prefilter =
        Translate(p, lookup, Style::kPrefilter, &repeated_errors).prefilter;
    out.prefilter.erase(
        std::remove(out.prefilter.begin(), out.prefilter.end(), ""),
        out.prefilter.end());
  }
  if (out.prefilter.empty()) out.prefilter.push_back(out.regex);
  for (std::string& segment : out.prefilter) {
    segment = DropOptionalSuffixes(DropOptionalPrefixes(std::move(segment)));
  }
  return out;
}

std::vector<std::string> ExpandPattern(absl::string_view pattern) {
  std::vector<PatternError> errors;  // reported by TranslatePattern
  const LexiconLookup none = [](const std::string&) {
    return absl::StatusOr<const std::string*>(nullptr);
  };
  return absl::StrSplit(Translate(pattern, none, Style::kReadable, &errors).regex,
                        '\n');
}

std::string SlotName(absl::string_view capture) {
  return std::string(capture.substr(0, capture.find(kReservedInName)));
}

}  // namespace refrain
