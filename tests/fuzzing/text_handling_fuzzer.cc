// Fuzzes the sentence splitter and the normaliser on any bytes that are
// valid UTF-8, checking their invariants: sentences are ordered, disjoint,
// trimmed spans of the text; normalised spans map back inside the original.
#include <cstdint>
#include <string>

#include "engine/text/normalizer.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/utf8.h"
#include "tests/fuzzing/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (refrain::FindInvalidUtf8(text) != std::string::npos) return 0;
  size_t last_end = 0;
  for (const refrain::Sentence& s : refrain::SplitSentences(text)) {
    FUZZ_CHECK(s.begin < s.end && s.end <= text.size());
    FUZZ_CHECK(s.begin >= last_end);
    FUZZ_CHECK(text[s.begin] != ' ' && text[s.begin] != '\n');
    last_end = s.end;
  }
  for (bool fold : {false, true}) {
    refrain::NormalizedText n = refrain::NormalizedText::Make(text, fold);
    const size_t size_n = n.text().size();
    for (size_t b = 0; b < size_n; b += 1 + b / 3) {
      const size_t e = std::min(size_n, b + 1 + b % 7);
      auto [ob, oe] = n.ToOriginal(b, e);
      FUZZ_CHECK(ob < oe && oe <= text.size());
    }
  }
  return 0;
}
