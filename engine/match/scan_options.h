// The options of a scan (Scanner, and the Engine facade), in a header of
// their own so that code that only sets or reads them does not include the
// scanner and RE2.
#ifndef REFRAIN_ENGINE_MATCH_SCAN_OPTIONS_H_
#define REFRAIN_ENGINE_MATCH_SCAN_OPTIONS_H_

#include <cstddef>
#include <cstdint>

namespace refrain {

// The smallest piece a long sentence is matched in, in bytes: smaller
// pieces would cut most claims apart.
inline constexpr size_t kMinSentenceBytes = 256;

struct ScanOptions {
  // RE2's memory budget for the set of literals, in bytes. When a text
  // needs more, the scanner falls back to matching every claim in it
  // (slower, same result). Default: 64 MiB.
  int64_t max_set_memory = 64 << 20;
  // Up to this many patterns, one RE2::Set of all the full patterns is used
  // instead of the literal prefilter; beyond, that set's automaton grows too
  // large to be fast. Default: 256.
  int max_exact_patterns = 256;
  // Sentences longer than this many bytes (a document with no sentence
  // breaks, say) are matched in pieces of at most this size, cut at
  // whitespace, so that matching stays fast whatever the input. Default:
  // 64 KiB; at least kMinSentenceBytes (a smaller value is raised to it).
  size_t max_sentence_bytes = 64 << 10;
  // At most this many mentions are made of one sentence (or piece of one),
  // and of one document; further hits are counted, not recorded, so that an
  // article of nothing but repeated claims cannot multiply into gigabytes of
  // records. Defaults: 100 and 10,000.
  size_t max_mentions_per_sentence = 100;
  size_t max_mentions_per_document = 10000;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_MATCH_SCAN_OPTIONS_H_
