#include "engine/match/scanner.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "engine/text/normalizer.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/utf8.h"

namespace refrain {

namespace {

// The sentences of `text` that are not debris, with those longer than
// `max_bytes` cut at whitespace into pieces of at most that size.
std::vector<Sentence> Pieces(absl::string_view text, size_t max_bytes) {
  std::vector<Sentence> pieces;
  for (const Sentence& s : SplitSentences(text)) {
    if (s.debris) continue;
    size_t begin = s.begin;
    while (s.end - begin > max_bytes) {
      // Only within the piece: searching back from it to the start of the
      // text made a long sentence without spaces quadratic.
      size_t cut = text.substr(begin, max_bytes + 1).rfind(' ');
      cut = cut == absl::string_view::npos || cut == 0 ? begin + max_bytes : begin + cut;
      cut = Utf8BoundaryAtOrBefore(text, cut, begin);
      pieces.push_back({begin, cut, false});
      begin = cut;
      while (begin < s.end && text[begin] == ' ') ++begin;
    }
    if (begin < s.end) pieces.push_back({begin, s.end, false});
  }
  return pieces;
}

}  // namespace

std::pair<size_t, size_t> ContextWindow(absl::string_view sentence,
                                        size_t begin, size_t end) {
  const size_t from = begin > kContextBytes ? begin - kContextBytes : 0;
  const size_t to = std::min(sentence.size(), end + kContextBytes);
  return {Utf8BoundaryAtOrBefore(sentence, from, 0), Utf8BoundaryAtOrAfter(sentence, to)};
}

std::vector<Sentence> SentencePieces(absl::string_view text, size_t max_bytes) {
  return Pieces(text, std::max(max_bytes, kMinSentenceBytes));
}

absl::StatusOr<std::unique_ptr<Scanner>> Scanner::Create(
    std::shared_ptr<const CompiledRules> rules, const ScanOptions& options) {
  std::unique_ptr<Scanner> scanner(new Scanner());
  RE2::Options re2_options;
  re2_options.set_case_sensitive(false);
  re2_options.set_log_errors(false);
  re2_options.set_max_mem(options.max_set_memory);
  int order = 0;
  std::vector<const std::string*> segments;  // the sets' regexes, by id
  for (const auto& rule_set : rules->rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      const auto& patterns = claim.patterns().pattern;
      for (size_t i = 0; i < patterns.size(); ++i) {
        for (const std::string& segment : patterns[i].prefilter) {
          scanner->segment_pattern_.push_back(
              static_cast<int>(scanner->patterns_.size()));
          segments.push_back(&segment);
        }
        scanner->patterns_.push_back(
            {order, static_cast<int>(i),
             static_cast<int>(patterns[i].prefilter.size())});
      }
      scanner->entries_.push_back({&claim, rule_set.get(), order});
      ++order;
    }
  }
  // Calls `add` with each regex of the sets, in the order of their ids.
  auto for_each_pattern = [&segments](const auto& add) {
    for (const std::string* segment : segments) add(*segment);
  };
  if (scanner->patterns_.size() <= static_cast<size_t>(options.max_exact_patterns)) {
    auto exact = std::make_unique<RE2::Set>(re2_options, RE2::UNANCHORED);
    for_each_pattern([&exact](const std::string& regex) { exact->Add(regex, nullptr); });
    if (exact->Compile()) scanner->exact_ = std::move(exact);
  }
  if (scanner->exact_ == nullptr) {
    // Literals of at least three bytes: shorter ones ("a", "of") occur
    // everywhere and filter nothing.
    scanner->filter_ = std::make_unique<re2::FilteredRE2>(/*min_atom_len=*/3);
    RE2::Options filter_options = re2_options;
    filter_options.set_max_mem(RE2::Options().max_mem());
    bool added = true;
    for_each_pattern([&](const std::string& regex) {
      int id;
      added = added && scanner->filter_->Add(regex, filter_options, &id) == RE2::NoError;
    });
    if (!added) {
      // Cannot happen for patterns that compiled alone.
      return absl::InternalError("a pattern does not compile for the prefilter");
    }
    std::vector<std::string> atoms;
    if (!segments.empty()) scanner->filter_->Compile(&atoms);
    scanner->atoms_ = std::make_unique<RE2::Set>(re2_options, RE2::UNANCHORED);
    for (const std::string& atom : atoms) {
      scanner->atoms_->Add(RE2::QuoteMeta(atom), nullptr);
    }
    if (!scanner->atoms_->Compile()) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "the literals of ", order, " claims do not fit RE2's memory budget of ",
          options.max_set_memory, " bytes"));
    }
  }
  scanner->options_ = options;
  scanner->options_.max_sentence_bytes =
      std::max(options.max_sentence_bytes, kMinSentenceBytes);
  scanner->rules_ = std::move(rules);
  return scanner;
}

std::vector<int> Scanner::Candidates(absl::string_view text) const {
  std::vector<int> atoms, ids;
  RE2::Set::ErrorInfo info;
  const re2::StringPiece piece(text.data(), text.size());
  bool all;  // a set ran out of memory: try every pattern
  if (exact_ != nullptr) {
    all = !exact_->Match(piece, &ids, &info) && info.kind != RE2::Set::kNoError;
  } else {
    all = !atoms_->Match(piece, &atoms, &info) && info.kind != RE2::Set::kNoError;
    if (!all) filter_->AllPotentials(atoms, &ids);
  }
  std::vector<int> patterns;
  if (all) {
    patterns.resize(patterns_.size());
    for (size_t i = 0; i < patterns.size(); ++i) patterns[i] = static_cast<int>(i);
    return patterns;
  }
  // A pattern whose segments all matched; a pattern's segments have
  // consecutive ids, and each id is reported once.
  std::sort(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size();) {
    const int pattern = segment_pattern_[ids[i]];
    size_t j = i;
    while (j < ids.size() && segment_pattern_[ids[j]] == pattern) ++j;
    if (static_cast<int>(j - i) == patterns_[pattern].segments) {
      patterns.push_back(pattern);
    }
    i = j;
  }
  return patterns;
}

bool Scanner::MayMatch(absl::string_view text) const {
  if (exact_ == nullptr) return !Candidates(text).empty();
  // Without a list to fill, RE2's set stops at the first match.
  RE2::Set::ErrorInfo info;
  return exact_->Match(re2::StringPiece(text.data(), text.size()), nullptr, &info) ||
         info.kind != RE2::Set::kNoError;
}

size_t Scanner::Scan(const Document& document, std::vector<Mention>* out) const {
  const absl::string_view original = document.text();
  const NormalizedText normalized =
      NormalizedText::Make(original, rules_->fold_diacritics());
  const absl::string_view text = normalized.text();
  if (!MayMatch(text)) return 0;

  const std::vector<Sentence> sentences = Pieces(text, options_.max_sentence_bytes);

  // The hits of one sentence, before they become mentions.
  struct Hit {
    const Entry* entry;
    ClaimMatch match;  // spans in the original sentence
  };
  size_t dropped = 0;
  size_t kept = 0;
  std::vector<Hit> hits;
  std::vector<ClaimMatch> matches;
  std::vector<int> only;  // the candidate patterns of a claim
  for (const Sentence& s : sentences) {
    const absl::string_view sentence = text.substr(s.begin, s.end - s.begin);
    const auto [sentence_begin, sentence_end] = normalized.ToOriginal(s.begin, s.end);
    const absl::string_view original_sentence =
        original.substr(sentence_begin, sentence_end - sentence_begin);
    hits.clear();
    const std::vector<int> candidates = Candidates(sentence);
    for (size_t i = 0; i < candidates.size();) {
      // The candidate patterns of one claim.
      const Entry& entry = entries_[patterns_[candidates[i]].entry];
      only.clear();
      for (; i < candidates.size() &&
             &entries_[patterns_[candidates[i]].entry] == &entry;
           ++i) {
        only.push_back(patterns_[candidates[i]].index);
      }
      matches.clear();
      entry.claim->Match(sentence, &matches, &only);
      for (ClaimMatch& match : matches) {
        match.MapToOriginal(normalized, s.begin, sentence_begin);
        hits.push_back({&entry, std::move(match)});
      }
    }
    // By position, then claim order; then the limits, counted.
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return std::tie(a.match.begin, a.entry->claim_order) <
             std::tie(b.match.begin, b.entry->claim_order);
    });
    size_t allowed = std::min(hits.size(), options_.max_mentions_per_sentence);
    allowed = std::min(allowed, options_.max_mentions_per_document - kept);
    dropped += hits.size() - allowed;
    kept += allowed;
    for (size_t i = 0; i < allowed; ++i) {
      out->push_back(MakeMention(document, *hits[i].entry, hits[i].match,
                                 original_sentence, sentence_begin));
    }
  }
  return dropped;
}

Mention Scanner::MakeMention(const Document& document, const Entry& entry,
                             const ClaimMatch& hit, absl::string_view sentence,
                             size_t sentence_begin) {
  Mention m;
  m.set_claim_id(entry.claim->id());
  m.set_doc_id(document.id());
  m.set_source(document.source());
  m.set_date(document.date());
  m.set_begin(static_cast<uint32_t>(sentence_begin + hit.begin));
  m.set_end(static_cast<uint32_t>(sentence_begin + hit.end));
  m.set_text(std::string(sentence.substr(hit.begin, hit.end - hit.begin)));
  for (auto& [name, value] : hit.SlotTexts(sentence)) {
    (*m.mutable_slots())[name] = std::move(value);
  }
  // The context: the sentence, or of a long one the part around the hit.
  const auto [from, to] = ContextWindow(sentence, hit.begin, hit.end);
  m.set_sentence(std::string(sentence.substr(from, to - from)));
  m.set_sentence_begin(static_cast<uint32_t>(sentence_begin + from));
  m.set_rule_set(entry.rule_set->name());
  m.set_rule_set_fingerprint(entry.rule_set->fingerprint());
  m.set_pattern_index(hit.pattern_index);
  return m;
}

}  // namespace refrain
