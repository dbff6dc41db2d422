#include "engine/match/scanner.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "engine/text/normalizer.h"
#include "engine/text/sentence_splitter.h"

namespace refrain {

absl::StatusOr<std::unique_ptr<Scanner>> Scanner::Create(
    std::shared_ptr<const CompiledRules> rules, const ScanOptions& options) {
  RE2::Options re2_options;
  re2_options.set_case_sensitive(false);
  re2_options.set_log_errors(false);
  re2_options.set_max_mem(options.max_set_memory);
  auto set = std::make_unique<RE2::Set>(re2_options, RE2::UNANCHORED);
  std::vector<Entry> entries;
  int order = 0;
  for (const auto& rule_set : rules->rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      for (const CompiledClaim::Pattern& pattern : claim.patterns().pattern) {
        std::string error;
        if (set->Add(pattern.regex, &error) < 0) {
          // Cannot happen for a pattern that compiled alone.
          return absl::InternalError(
              absl::StrCat("claim '", claim.id(), "': ", error));
        }
        entries.push_back({&claim, rule_set.get(), order});
      }
      ++order;
    }
  }
  if (!set->Compile()) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "the combined patterns of ", order,
        " claims do not fit RE2's memory budget of ", options.max_set_memory,
        " bytes"));
  }
  return std::unique_ptr<Scanner>(
      new Scanner(std::move(rules), std::move(set), std::move(entries)));
}

std::vector<int> Scanner::Candidates(absl::string_view text) const {
  std::vector<int> matched;
  RE2::Set::ErrorInfo info;
  if (!set_->Match(re2::StringPiece(text.data(), text.size()), &matched, &info) &&
      info.kind != RE2::Set::kNoError) {
    matched.resize(entries_.size());  // out of memory: try every claim
    for (size_t i = 0; i < matched.size(); ++i) matched[i] = static_cast<int>(i);
  }
  // One entry per claim: the first of its patterns.
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end(),
                            [this](int a, int b) {
                              return entries_[a].claim == entries_[b].claim;
                            }),
                matched.end());
  return matched;
}

void Scanner::Scan(const Document& document, std::vector<Mention>* out) const {
  const absl::string_view original = document.text();
  const NormalizedText normalized =
      NormalizedText::Make(original, rules_->fold_diacritics());
  const absl::string_view text = normalized.text();
  if (Candidates(text).empty()) return;

  struct Found {
    size_t begin;
    int claim_order;
    Mention mention;
  };
  std::vector<Found> found;
  for (const Sentence& s : SplitSentences(text)) {
    if (s.debris) continue;
    const absl::string_view sentence = text.substr(s.begin, s.end - s.begin);
    const auto [sentence_begin, sentence_end] = normalized.ToOriginal(s.begin, s.end);
    const absl::string_view original_sentence =
        original.substr(sentence_begin, sentence_end - sentence_begin);
    for (int index : Candidates(sentence)) {
      const Entry& entry = entries_[index];
      std::vector<ClaimMatch> hits;
      entry.claim->Match(sentence, &hits);
      for (ClaimMatch& hit : hits) {
        MapToOriginal(normalized, s.begin, sentence_begin, &hit);
        Mention m;
        m.set_claim_id(entry.claim->id());
        m.set_doc_id(document.id());
        m.set_source(document.source());
        m.set_date(document.date());
        m.set_begin(static_cast<uint32_t>(sentence_begin + hit.begin));
        m.set_end(static_cast<uint32_t>(sentence_begin + hit.end));
        m.set_text(std::string(original_sentence.substr(hit.begin, hit.end - hit.begin)));
        m.set_sentence(std::string(original_sentence));
        m.set_sentence_begin(static_cast<uint32_t>(sentence_begin));
        for (auto& [name, value] : hit.SlotTexts(original_sentence)) {
          (*m.mutable_slots())[name] = std::move(value);
        }
        m.set_rule_set(entry.rule_set->name());
        m.set_rule_set_fingerprint(entry.rule_set->fingerprint());
        m.set_pattern_index(hit.pattern_index);
        found.push_back({m.begin(), entry.claim_order, std::move(m)});
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return std::tie(a.begin, a.claim_order) < std::tie(b.begin, b.claim_order);
  });
  for (Found& f : found) out->push_back(std::move(f.mention));
}

}  // namespace refrain
