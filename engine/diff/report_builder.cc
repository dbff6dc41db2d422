#include "engine/diff/report_builder.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "engine/diff/alignment.h"

namespace refrain {
namespace {

// Sorts (name, count) pairs: most first, then by name.
template <typename Map>
std::vector<std::pair<std::string, int>> ByCount(const Map& counts) {
  std::vector<std::pair<std::string, int>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(b.second, a.first) < std::tie(a.second, b.first);
  });
  return out;
}

// Earlier of two possibly-empty dates (empty means unknown and loses).
void KeepEarliest(const std::string& date, std::string* first) {
  if (!date.empty() && (first->empty() || date < *first)) *first = date;
}
void KeepLatest(const std::string& date, std::string* last) {
  if (date > *last) *last = date;
}

// How alike two tokenised phrasings, not both empty, are: the words they
// share (in order) as a share of all their words (Dice's coefficient), 0 to 1.
double Similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t shared = LongestCommonSubsequenceLength(a, b);
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

// Mentions of one claim, grouped by phrasing.
struct VariantBuilder {
  std::vector<const Mention*> mentions;
  std::map<std::string, int> sources;
  std::string first_date, last_date;
};

// A mention with its normalised phrasing, computed once.
struct Phrased {
  const Mention* mention;
  const std::string* phrasing;
};

// Which of the variants in `order` (sorted most frequent first, with their
// `tokens`) becomes the base: among the most frequent, the phrasing most
// like all the others (the sum of its similarities to them, weighted by
// their counts), so that a tie does not make an outlier ("beijing is
// hanoi's ...") the phrasing every other is compared with; on a tie, the
// earlier. Bounded: the first 32 tied candidates against the 256 most
// frequent variants, of at most 64 words (a longer one neither votes nor is
// chosen: alignment is quadratic).
template <typename Order>
size_t TypicalOfTheCommonest(const Order& order,
                             const std::vector<std::vector<std::string>>& tokens) {
  constexpr size_t kMaxCandidates = 32, kMaxCompared = 256, kMaxWords = 64;
  auto votes = [&](size_t i) {
    return !tokens[i].empty() && tokens[i].size() <= kMaxWords;
  };
  size_t best = 0;
  double best_score = -1;
  for (size_t c = 0; c < order.size() && c < kMaxCandidates &&
                     order[c].second->mentions.size() == order[0].second->mentions.size();
       ++c) {
    if (!votes(c)) continue;
    double score = 0;
    for (size_t o = 0; o < order.size() && o < kMaxCompared; ++o) {
      if (o != c && votes(o)) {
        score += Similarity(tokens[c], tokens[o]) * order[o].second->mentions.size();
      }
    }
    if (score > best_score + 1e-9) {
      best = c;
      best_score = score;
    }
  }
  return best;
}

// A claim's mentions, counted.
struct ClaimTally {
  std::map<std::string, int> sources;              // source -> mentions
  std::map<std::string, VariantBuilder> variants;  // phrasing -> its mentions
  // slot -> source -> normalised value -> mentions
  std::map<std::string, std::map<std::string, std::map<std::string, int>>> slots;
  std::map<std::string, std::map<std::string, int>> timeline;  // source -> month -> mentions
};

ClaimTally Tally(const std::vector<Phrased>& mentions) {
  ClaimTally tally;
  for (const auto& [m, phrasing] : mentions) {
    ++tally.sources[m->source()];
    VariantBuilder& v = tally.variants[*phrasing];
    v.mentions.push_back(m);
    ++v.sources[m->source()];
    KeepEarliest(m->date(), &v.first_date);
    KeepLatest(m->date(), &v.last_date);
    for (const auto& [slot, value] : m->slots()) {
      ++tally.slots[slot][m->source()][NormalizePhrasing(value)];
    }
    ++tally.timeline[m->source()][MonthOf(m->date())];
  }
  return tally;
}

// Variants: most frequent, then earliest seen, then alphabetical.
std::vector<std::pair<std::string, const VariantBuilder*>> OrderVariants(
    const std::map<std::string, VariantBuilder>& variants) {
  std::vector<std::pair<std::string, const VariantBuilder*>> order;
  for (const auto& [phrasing, v] : variants) order.emplace_back(phrasing, &v);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    const VariantBuilder& x = *a.second;
    const VariantBuilder& y = *b.second;
    if (x.mentions.size() != y.mentions.size()) {
      return x.mentions.size() > y.mentions.size();
    }
    const bool x_dated = !x.first_date.empty(), y_dated = !y.first_date.empty();
    if (x_dated != y_dated) return x_dated;
    if (x.first_date != y.first_date) return x.first_date < y.first_date;
    return a.first < b.first;
  });
  return order;
}

// Fills in everything of `v` but its alignment and labels.
void FillVariant(const std::string& phrasing, const VariantBuilder& builder,
                 const ReportOptions& options, Variant* v) {
  v->set_phrasing(phrasing);
  v->set_count(static_cast<int>(builder.mentions.size()));
  v->set_first_date(builder.first_date);
  v->set_last_date(builder.last_date);
  // Occurrences in date order, then document and position.
  std::vector<const Mention*> sorted = builder.mentions;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Mention* a, const Mention* b) {
    return std::make_tuple(a->date(), a->doc_id(), a->begin()) <
           std::make_tuple(b->date(), b->doc_id(), b->begin());
  });
  v->set_example(sorted.front()->text());
  for (const auto& [source, n] : ByCount(builder.sources)) {
    SourceCount* s = v->add_sources();
    s->set_source(source);
    s->set_count(n);
  }
  for (int k = 0; k < static_cast<int>(sorted.size()) && k < options.max_occurrences; ++k) {
    Occurrence* o = v->add_occurrences();
    o->set_doc_id(sorted[k]->doc_id());
    o->set_source(sorted[k]->source());
    o->set_date(sorted[k]->date());
    o->set_sentence(sorted[k]->sentence());
  }
}

void AddSlots(const ClaimTally& tally, ClaimDiff* diff) {
  for (const auto& [slot, by_source] : tally.slots) {
    SlotComparison* c = diff->add_slots();
    c->set_slot(slot);
    for (const auto& [source, values] : by_source) {
      SourceValues* s = c->add_by_source();
      s->set_source(source);
      for (const auto& [value, n] : ByCount(values)) {
        ValueCount* vc = s->add_values();
        vc->set_value(value);
        vc->set_count(n);
      }
    }
  }
}

void AddTimeline(const ClaimTally& tally, ClaimDiff* diff) {
  for (const auto& [source, months] : tally.timeline) {
    TimelineRow* row = diff->add_timeline();
    row->set_source(source);
    for (const auto& [month, n] : months) {
      MonthCount* mc = row->add_months();
      mc->set_month(month);
      mc->set_count(n);
    }
  }
}

ClaimDiff BuildClaim(const std::string& claim_id, const std::vector<Phrased>& mentions,
                     const ReportOptions& options) {
  ClaimDiff diff;
  diff.set_claim_id(claim_id);
  diff.set_mentions(static_cast<int>(mentions.size()));
  const ClaimTally tally = Tally(mentions);
  for (const auto& [source, n] : ByCount(tally.sources)) diff.add_sources(source);

  // The base first, the others in order; each aligned against the base.
  std::vector<std::pair<std::string, const VariantBuilder*>> order =
      OrderVariants(tally.variants);
  std::vector<std::vector<std::string>> tokens;  // of each variant, in `order`
  for (const auto& [phrasing, builder] : order) tokens.push_back(Tokenize(phrasing));
  const size_t base = TypicalOfTheCommonest(order, tokens);
  if (!order.empty()) {
    std::rotate(order.begin(), order.begin() + base, order.begin() + base + 1);
    std::rotate(tokens.begin(), tokens.begin() + base, tokens.begin() + base + 1);
  }
  for (size_t i = 0; i < order.size(); ++i) {
    Variant* v = diff.add_variants();
    FillVariant(order[i].first, *order[i].second, options, v);
    if (i > 0) {
      std::vector<AlignedToken> alignment = AlignTokens(tokens[0], tokens[i]);
      for (FramingLabel label : LabelFraming(alignment)) v->add_labels(label);
      for (AlignedToken& t : alignment) *v->add_alignment() = std::move(t);
    }
  }
  AddSlots(tally, &diff);
  AddTimeline(tally, &diff);
  return diff;
}

}  // namespace

std::string MonthOf(const std::string& date) { return date.substr(0, 7); }

Report BuildReport(const std::vector<Mention>& mentions, const ReportOptions& options) {
  std::vector<std::string> phrasings;
  phrasings.reserve(mentions.size());
  for (const Mention& m : mentions) phrasings.push_back(NormalizePhrasing(m.text()));

  std::map<std::string, std::vector<Phrased>> by_claim;
  std::map<std::string, int> claim_totals, source_totals;
  // source -> claim -> phrasing -> mentions, for the source views
  std::map<std::string, std::map<std::string, std::map<std::string, int>>> by_source;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    by_claim[m.claim_id()].push_back({&m, &phrasings[i]});
    ++claim_totals[m.claim_id()];
    ++source_totals[m.source()];
    ++by_source[m.source()][m.claim_id()][phrasings[i]];
  }

  Report report;
  for (const auto& [claim, n] : ByCount(claim_totals)) {
    *report.add_claims() = BuildClaim(claim, by_claim[claim], options);
  }
  // Per source: claims by mentions, and the source's commonest phrasing.
  for (const auto& [source, total] : ByCount(source_totals)) {
    SourceView* view = report.add_sources();
    view->set_source(source);
    std::map<std::string, int> claim_counts;
    for (const auto& [claim, counts] : by_source[source]) {
      for (const auto& [phrasing, n] : counts) claim_counts[claim] += n;
    }
    for (const auto& [claim, n] : ByCount(claim_counts)) {
      ClaimPhrasing* c = view->add_claims();
      c->set_claim_id(claim);
      c->set_count(n);
      c->set_phrasing(ByCount(by_source[source][claim]).front().first);
    }
  }
  return report;
}

}  // namespace refrain
