// Translation of rule-language patterns into plain RE2 syntax.
//
// A rule pattern is RE2 syntax plus these conveniences, all applied outside
// character classes unless noted:
//   - `{NAME}` is replaced by the lexicon NAME, as a non-capturing
//     alternation of its terms;
//   - `{~word}` matches the word's inflected forms (word_forms.h);
//   - `{&}` matches a joiner between two nouns: a hyphen or dash, `+`, `&`,
//     `/`, "and", "plus", "cum" or "as well as";
//   - `{then N}` matches at most N words (runs of non-space characters)
//     between what comes before and what follows;
//   - `{near N}`, outside any group, splits the pattern into parts (at most
//     four) that may come in any order, with at most N words between
//     neighbours: every order becomes one alternative, and the captures of
//     all but the first get a suffix that SlotName() removes;
//   - a run of spaces matches any run of whitespace (including no-break and
//     thin spaces), so `trading  partner` and `trading\npartner` match;
//   - each of the quotes ' ‘ ’ ʼ matches the others, as do " “ ” (also
//     inside character classes), and `-` matches any hyphen or dash.
// Case-insensitivity and word boundaries are applied when the result is
// compiled (see rule_compiler.h), not here.
//
//   std::vector<PatternError> errors;
//   TranslatedPattern t = TranslatePattern("{CHINA}'s top partner", lookup, &errors);
//   // t.regex == "(?:China|Beijing)['‘’ʼ]s(?:[\\s...]+)top(?:[\\s...]+)partner"
#ifndef REFRAIN_ENGINE_RULES_PATTERN_H_
#define REFRAIN_ENGINE_RULES_PATTERN_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace refrain {

// A problem at byte `offset` of the pattern as written. An empty `message`
// marks a failure already reported elsewhere (a broken lexicon).
struct PatternError {
  size_t offset = 0;
  std::string message;
};

struct TranslatedPattern {
  std::string regex;                  // RE2 syntax
  std::vector<std::string> captures;  // names of `(?P<name>...)`, in order
  std::vector<std::string> lexicons;  // names of `{NAME}` references
  // Whether the pattern has `{then N}` or `{near N}` gaps. A longest match
  // stretches a gap to the farthest place the next part matches ("trade
  // reached $40 billion, more than the $30 billion" for trade {then 8}
  // $ amount); `shortest` is then the same regex with lazy gaps, to be run
  // leftmost-first from the match's start to find the closest one.
  bool has_gaps = false;
  std::string shortest;
  // Regexes without gaps that a text holds wherever the pattern matches,
  // for prefilter sets: `regex` itself, or for a pattern with gaps its
  // segments between gaps outside groups and its `{near N}` parts (a gap
  // inside a group becomes `.*`), without the optional groups they start
  // or end with. Gaps in a set of many patterns multiply
  // the states of its automaton: with counted or unbounded gaps, a scan
  // over the shipped rules ran 4x to 75x slower.
  std::vector<std::string> prefilter;
};

// Resolves a lexicon name to its translated regex (a group, ready to be
// spliced in). Returns NotFound or FailedPrecondition with a message for the
// pattern's author, or OK with null for a lexicon whose own errors are
// reported elsewhere (the pattern then just fails, with no further error).
using LexiconLookup =
    std::function<absl::StatusOr<const std::string*>(const std::string& name)>;

// Translates `pattern`. Appends to `errors` control characters (usually a
// textproto escape such as "\b" that meant RE2's `\b`), unresolved lexicons,
// capture names used twice or containing "__" (reserved), and malformed
// built-in references; RE2 itself reports other syntax errors
// when the result is compiled. Cost: linear in the pattern plus the
// expansions.
TranslatedPattern TranslatePattern(absl::string_view pattern,
                                   const LexiconLookup& lookup,
                                   std::vector<PatternError>* errors);

// What `pattern` expands to, for people (`refrain rules check --expand`):
// each `{~word}` spelled out as the alternation of its forms, and each order
// of a `{near N}` pattern as a line of its own with `{then N}` between the
// parts; everything else as written. Errors are left to TranslatePattern.
std::vector<std::string> ExpandPattern(absl::string_view pattern);

// The slot a named capture of a translated pattern fills: its name without
// the suffix that `{near N}` adds to the captures of reordered parts.
std::string SlotName(absl::string_view capture);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_RULES_PATTERN_H_
