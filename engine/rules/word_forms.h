// English word forms for the rule language's `{~word}`: a word written in
// its dictionary form matches its inflected forms too.
//
//   if (!IsWordFormsWord(word)) return ...;  // report it to the rule's author
//   std::vector<std::string> forms = WordForms("sow");
//   // forms == {"sow", "sows", "sowed", "sown", "sowing", "sower", "sowers"}
//
// The forms are made by spelling rules plus two tables, irregular plurals
// and irregular verbs, in word_forms.cc. Nouns and verbs are not told apart,
// and the rules rather over-generate than miss a form: "stop" gives both
// "stopped" and "stoped", "visit" both "visited" and "visitted", because
// whether a final consonant doubles depends on stress, which spelling does
// not show. A form that is not English never occurs in text, so it only
// costs an unused alternative. A form that is another English word does
// match it, though: "sum" gives "summer" and "let" gives "letter" (as agent
// nouns with doubling), and an adjective gets its comparative by the same
// rule ("large" gives "larger"). Superlatives (-est) and other comparatives
// (-ier from adjectives in -y, "more ...") are never generated; neither are
// possessives ("partner's"), which the pattern language handles.
//
// Only single words in lower-case ASCII are accepted; a multi-word phrase
// is written as one `{~word}` per word. The word should be written in its
// dictionary form: an inflected word ("partners") is taken as a base and
// gets forms such as "partnerses", harmless but not "partner".
#ifndef REFRAIN_ENGINE_RULES_WORD_FORMS_H_
#define REFRAIN_ENGINE_RULES_WORD_FORMS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace refrain {

// The forms of the English word `word` (written in its dictionary form,
// lower-case ASCII letters, e.g. "partner", "sow", "become", "country"):
// the word itself first, then its inflected forms, without duplicates, in a
// deterministic order. Nouns and verbs are not told apart: every form is
// generated (over-generation only costs a few unused alternatives; a form
// that is not English never occurs in text).
//
// The forms, in this order after the word: plurals and third persons (-s,
// -es, -ies, then the irregular plurals); the past and past participle
// (irregular ones for a verb in the table, otherwise -ed, -d, -ied); the
// present participle (-ing); the agent nouns (-er, -ers). Irregular verbs
// get their irregular forms and the regular -s, -ing, -er and -ers forms,
// but not the regular -ed unless the table lists it ("sow": "sowed",
// "sown"), since "see" and "be" would give the words "seed" and "bed".
//
// Returns an empty vector when `IsWordFormsWord(word)` is false.
// Cost: a few hundred short string comparisons against the tables, and
// about 15 small strings allocated; meant for compiling rules, not for
// matching text.
std::vector<std::string> WordForms(absl::string_view word);

// Whether `word` is acceptable to `WordForms`: one or more lower-case ASCII
// letters ([a-z]+). Hyphens, apostrophes, capitals, digits and spaces are
// refused: a hyphenated or multi-word term is written as one `{~word}` per
// part, and letter case is handled by the case-insensitive match. Cost:
// linear in the length of `word`.
bool IsWordFormsWord(absl::string_view word);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_RULES_WORD_FORMS_H_
