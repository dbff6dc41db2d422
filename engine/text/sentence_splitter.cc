#include "engine/text/sentence_splitter.h"

#include <array>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"

namespace refrain {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// Abbreviations after which a full stop never ends a sentence.
bool IsTitleAbbreviation(absl::string_view word) {
  static const auto* const kTitles = new absl::flat_hash_set<std::string>{
      "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt",
      "col", "maj", "capt", "sgt", "cmdr", "adm", "st", "jr", "sr", "rev",
      "hon", "pres", "amb", "vs", "approx", "est", "dept", "univ", "fig",
      "vol", "pp", "ca", "cf", "mt", "ft"};
  return kTitles->contains(absl::AsciiStrToLower(word));
}

// Abbreviations that do not end a sentence when a number follows
// ("Dec. 14", "No. 1"), but may end one otherwise ("He said no.").
bool IsNumberAbbreviation(absl::string_view word) {
  static const auto* const kBeforeNumbers = new absl::flat_hash_set<std::string>{
      "no", "nos", "art", "sec", "ch", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  return kBeforeNumbers->contains(absl::AsciiStrToLower(word));
}

// Lines that link elsewhere instead of saying something themselves.
bool IsDebrisLine(absl::string_view line) {
  static const char* const kMarkers[] = {
      "read more", "also read", "read also", "see also", "related:",
      "related articles", "related stories", "related news", "related coverage",
      "more:", "watch:", "listen to this article", "back to top",
      "share this", "follow us", "recommended:", "trending:", "you may also like",
      "you might also like", "further reading", "don't miss:", "more on this:"};
  for (const char* marker : kMarkers) {
    if (absl::StartsWithIgnoreCase(line, marker)) return true;
  }
  return false;
}

// Whether a line ending in `c` leaves its sentence open.
bool EndsOpen(char c) { return absl::ascii_isalnum(c) || c == ',' || c == '-'; }

// Length of the closing quote or bracket at `s[i]`, or 0.
size_t ClosingAt(absl::string_view s, size_t i) {
  for (absl::string_view q : {"\"", "'", ")", "]", "\u201D", "\u2019", "\u00BB"}) {
    if (s.substr(i, q.size()) == q) return q.size();
  }
  return 0;
}

// Whether a sentence may start at `s[i]`: a capital, a digit, an opening
// quote or bracket, or a bullet.
bool CanStartSentence(absl::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const unsigned char c = s[i];
  if (absl::ascii_isupper(c) || absl::ascii_isdigit(c)) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[') return true;
  // Non-ASCII: opening quotes, bullets, and capitals of other scripts
  // (without tables, any non-ASCII letter is accepted).
  if (c >= 0x80) {
    for (absl::string_view q : {"\u201C", "\u2018", "\u00AB", "\u2022"}) {
      if (s.substr(i, q.size()) == q) return true;
    }
    return !(s.substr(i, 3) >= "\u2000" && s.substr(i, 3) <= "\u206F");
  }
  return false;
}

// The word ending right before byte `dot` of `s`: letters and inner dots.
absl::string_view WordBefore(absl::string_view s, size_t dot) {
  size_t start = dot;
  while (start > 0 && (absl::ascii_isalpha(s[start - 1]) || s[start - 1] == '.')) {
    --start;
  }
  return s.substr(start, dot - start);
}

// The bytes that may begin a full stop: '.', '!', '?', and the first byte
// of the ellipsis U+2026.
constexpr std::array<bool, 256> MayStopTable() {
  std::array<bool, 256> table{};
  for (unsigned char c : {'.', '!', '?', '\xE2'}) table[c] = true;
  return table;
}
constexpr std::array<bool, 256> kMayStop = MayStopTable();

// Splits one block (a paragraph, possibly of several lines) into sentences.
void SplitBlock(absl::string_view text, size_t begin, size_t end,
                std::vector<Sentence>* out) {
  auto emit = [&](size_t b, size_t e) {
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (b < e) out->push_back({b, e, false});
  };
  size_t start = begin;
  size_t i = begin;
  while (i < end) {
    // Most bytes are not stops: skip them with one table lookup each.
    const char* const data = text.data();
    while (i < end && !kMayStop[static_cast<unsigned char>(data[i])]) ++i;
    if (i == end) break;
    const char c = text[i];
    size_t stop_length = 1;
    if (c == '\xE2') {
      if (text.substr(i, 3) != "\u2026") {
        ++i;
        continue;
      }
      stop_length = 3;
    }
    // The stop, more stops ("?!", "..."), then closing quotes and brackets.
    size_t j = i + stop_length;
    while (j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?')) ++j;
    for (size_t q; j < end && (q = ClosingAt(text, j)) > 0;) j += q;
    if (j < end && !IsSpace(text[j])) {  // "1.45", "U.S.-China", "example.com"
      i = j;
      continue;
    }
    size_t k = j;
    while (k < end && IsSpace(text[k])) ++k;
    bool split = k >= end || CanStartSentence(text, k);
    if (split && c == '.' && j == i + 1) {
      absl::string_view word = WordBefore(text, i);
      const bool initial = word.size() == 1 && absl::ascii_isupper(word[0]);
      const bool initialism = absl::StrContains(word, '.');
      if (IsTitleAbbreviation(word) || initial || initialism ||
          (IsNumberAbbreviation(word) && k < end && absl::ascii_isdigit(text[k]))) {
        split = false;
      }
    }
    if (split) {
      emit(start, j);
      start = k;
    }
    i = k > j ? k : j;
  }
  emit(start, end);
}

}  // namespace

std::vector<Sentence> SplitSentences(absl::string_view text) {
  std::vector<Sentence> out;
  // Walk the lines, gathering each block of lines that belong together.
  size_t block_begin = 0, block_end = 0;
  bool in_block = false;
  auto flush = [&]() {
    if (!in_block) return;
    absl::string_view block = text.substr(block_begin, block_end - block_begin);
    size_t lead = 0;
    while (lead < block.size() && IsSpace(block[lead])) ++lead;
    if (IsDebrisLine(block.substr(lead))) {
      size_t e = block_end;
      while (e > block_begin + lead && IsSpace(text[e - 1])) --e;
      out.push_back({block_begin + lead, e, true});
    } else {
      SplitBlock(text, block_begin, block_end, &out);
    }
    in_block = false;
  };

  size_t pos = 0;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    size_t line_end = newline == absl::string_view::npos ? text.size() : newline;
    absl::string_view line = text.substr(pos, line_end - pos);
    size_t first = 0;
    while (first < line.size() && IsSpace(line[first])) ++first;
    if (first == line.size()) {  // a blank line ends the block
      flush();
    } else {
      // A line continues the block when the block's last line was left open
      // and this one starts in lower case (hard-wrapped prose).
      bool continues = false;
      if (in_block) {
        size_t e = block_end;
        while (e > block_begin && IsSpace(text[e - 1])) --e;
        continues = e > block_begin && EndsOpen(text[e - 1]) &&
                    absl::ascii_islower(line[first]);
      }
      if (!continues) {
        flush();
        block_begin = pos;
        in_block = true;
      }
      block_end = line_end;
    }
    pos = line_end + 1;
  }
  flush();
  return out;
}

}  // namespace refrain
