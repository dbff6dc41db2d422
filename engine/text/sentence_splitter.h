// Splits article text into sentences, as byte spans of the original text.
//
//   for (const Sentence& s : SplitSentences(text)) {
//     absl::string_view sentence = text.substr(s.begin, s.end - s.begin);
//   }
//
// Built for news prose: a full stop after an abbreviation ("Mr.", "U.S.",
// "Dec. 14", "No. 1") or inside a number ("1.45") does not end a sentence;
// closing quotes after the stop stay with their sentence ("brotherhood.”");
// a line without final punctuation (a headline, a dateline) is a sentence of
// its own, unless the next line continues it in lower case (hard-wrapped
// text); and link lines such as "READ MORE: ..." are marked as debris.
#ifndef REFRAIN_ENGINE_TEXT_SENTENCE_SPLITTER_H_
#define REFRAIN_ENGINE_TEXT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace refrain {

struct Sentence {
  size_t begin = 0;  // byte offsets into the text; no leading or trailing
  size_t end = 0;    // whitespace, begin < end
  // A navigation or link line ("READ MORE: ...", "Related Articles") that
  // repeats other articles' headlines rather than making its own claim.
  bool debris = false;
};

// Returns the sentences of `text` in order. Never fails; linear in the size
// of `text`. Whitespace between sentences belongs to none.
std::vector<Sentence> SplitSentences(absl::string_view text);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_SENTENCE_SPLITTER_H_
