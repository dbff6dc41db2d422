// The scanner: finds every claim of a compiled rule set in a document and
// turns each hit into a `Mention` record.
//
//   absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Create(rules);
//   std::vector<Mention> mentions;
//   (*scanner)->Scan(document, &mentions);
//
// Compile once, match many: every pattern of every claim goes into one
// RE2::Set. A document the set does not flag costs one pass over its bytes;
// only the sentences the set flags are matched against the individual
// claims. A Scanner is immutable after Create and safe to share across
// threads.
#ifndef REFRAIN_ENGINE_MATCH_SCANNER_H_
#define REFRAIN_ENGINE_MATCH_SCANNER_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/rules/compiled_rules.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"
#include "re2/set.h"

namespace refrain {

struct ScanOptions {
  // RE2's memory budget for the combined set of all patterns, in bytes.
  // When a document needs more, the scanner falls back to matching each
  // claim in each sentence (slower, same result). Default: 64 MiB.
  int64_t max_set_memory = 64 << 20;
};

class Scanner {
 public:
  // Builds the multi-pattern set over `rules`, which must outlive nothing:
  // the scanner shares ownership. Returns ResourceExhausted when the set
  // does not compile within `options.max_set_memory`.
  static absl::StatusOr<std::unique_ptr<Scanner>> Create(
      std::shared_ptr<const CompiledRules> rules, const ScanOptions& options = {});

  // Appends the mentions of `document` to `out`, ordered by position, then
  // by claim order in the rule files. The text is matched in NFC (and
  // without diacritics when the rules were compiled to fold them), but every
  // offset, text and slot of a mention refers to the original bytes.
  // Sentences marked as debris ("READ MORE: ...") are not scanned.
  // Thread-safe.
  void Scan(const Document& document, std::vector<Mention>* out) const;

  const CompiledRules& rules() const { return *rules_; }

 private:
  // One pattern of the set: which claim (and rule set) it belongs to.
  struct Entry {
    const CompiledClaim* claim;
    const CompiledRuleSet* rule_set;
    int claim_order;  // position among all claims, for ordering output
  };

  Scanner(std::shared_ptr<const CompiledRules> rules, std::unique_ptr<RE2::Set> set,
          std::vector<Entry> entries)
      : rules_(std::move(rules)), set_(std::move(set)), entries_(std::move(entries)) {}

  // Indices into `entries_` of the claims whose patterns may match `text`;
  // all of them when the set runs out of memory.
  std::vector<int> Candidates(absl::string_view text) const;

  std::shared_ptr<const CompiledRules> rules_;
  std::unique_ptr<RE2::Set> set_;
  std::vector<Entry> entries_;  // one per set pattern
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_MATCH_SCANNER_H_
