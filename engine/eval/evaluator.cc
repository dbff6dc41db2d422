#include "engine/eval/evaluator.h"

#include <algorithm>
#include <map>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/text/sentence_splitter.h"
#include "engine/text/utf8.h"

namespace refrain {
namespace {

struct Span {
  size_t begin, end;
};
bool Inside(Span a, Span b) { return b.begin <= a.begin && a.end <= b.end; }
bool Overlap(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

std::vector<Span> Occurrences(absl::string_view text, absl::string_view fragment) {
  std::vector<Span> spans;
  for (size_t at = text.find(fragment); at != absl::string_view::npos;
       at = text.find(fragment, at + 1)) {
    spans.push_back({at, at + fragment.size()});
  }
  return spans;
}

// The article a gold row names: by path, or by a path's last components.
// Null when none or more than one matches.
const EvalArticle* FindArticle(const std::vector<EvalArticle>& articles,
                               const std::string& file) {
  const EvalArticle* found = nullptr;
  for (const EvalArticle& a : articles) {
    if (a.path == file) return &a;
    if (absl::EndsWith(a.path, absl::StrCat("/", file))) {
      if (found != nullptr) return nullptr;
      found = &a;
    }
  }
  return found;
}

// Places in one article: lines of its file, and its sentences.
class Locator {
 public:
  Locator(const EvalArticle& article, std::string file)
      : article_(article),
        file_(std::move(file)),
        text_(article.document.text()),
        base_(absl::EndsWith(article.content, text_)
                  ? article.content.size() - text_.size() : 0),
        sentences_(SplitSentences(text_)) {}

  // The place of byte `offset` of the text; the sentence given, or else
  // the one the offset is in.
  EvalReport::Place At(size_t offset, absl::string_view sentence = {}) const {
    EvalReport::Place place;
    place.set_file(file_);
    place.set_line(base_ > 0 ? LineOf(article_.content, base_ + offset)
                             : LineOf(text_, offset));
    if (sentence.empty()) {
      for (const Sentence& s : sentences_) {
        if (s.begin <= offset && offset < s.end) {
          sentence = text_.substr(s.begin, s.end - s.begin);
          break;
        }
      }
    }
    place.set_sentence(std::string(sentence));
    return place;
  }

 private:
  const EvalArticle& article_;
  const std::string file_;
  const absl::string_view text_;
  const size_t base_;  // where the text starts in the file, when it does
  const std::vector<Sentence> sentences_;
};

void SetRecall(EvalReport::Score* score) {
  score->set_recall(score->total() == 0 ? 1.0
                                        : static_cast<double>(score->found()) / score->total());
}

// One evaluation in progress: the report, the scores per claim, and which
// mentions of each article the gold rows account for.
class Evaluation {
 public:
  // Scores `row`, whose fragment occurs at `spans` of `article`.
  void AddRow(const GoldRow& row, const EvalArticle& article,
              const std::vector<Span>& spans) {
    const Locator& locate = locators_.try_emplace(&article, article, row.file).first->second;
    EvalReport::Score& score = scores_[row.claim_id];
    const bool matched = Account(row, article, spans, locate);
    if (row.trap) {
      score.set_traps(score.traps() + 1);
      score.set_trap_hits(score.trap_hits() + matched);
      return;
    }
    score.set_total(score.total() + 1);
    if (matched) {
      score.set_found(score.found() + 1);
      return;
    }
    EvalReport::Miss* miss = report_.add_miss();
    *miss->mutable_place() = locate.At(spans[0].begin);
    miss->set_claim_id(row.claim_id);
    miss->set_fragment(row.fragment);
    miss->set_gold_line(row.line);
    if (Surfaced(row.claim_id, article, spans)) {
      miss->set_surfaced(true);
      score.set_surfaced(score.surfaced() + 1);
    }
  }

  // The report: mentions no row accounts for (in articles the rows name),
  // near misses counted, and the scores per claim in the rules' order and
  // overall.
  EvalReport Finish(const CompiledRules& rules, const std::vector<EvalArticle>& articles) {
    AddUnannotated();
    for (const EvalArticle& article : articles) {
      for (const NearMiss& n : article.near_misses) {
        EvalReport::Score& score = scores_[n.claim_id()];
        score.set_near_misses(score.near_misses() + 1);
      }
    }
    EvalReport::Score* overall = report_.mutable_overall();
    overall->set_claim_id("all");
    for (const auto& rule_set : rules.rule_sets()) {
      for (const CompiledClaim& claim : rule_set->claims()) {
        auto it = scores_.find(claim.id());
        if (it == scores_.end()) continue;
        EvalReport::Score* score = report_.add_claim();
        *score = it->second;
        score->set_claim_id(claim.id());
        SetRecall(score);
        overall->set_found(overall->found() + score->found());
        overall->set_total(overall->total() + score->total());
        overall->set_traps(overall->traps() + score->traps());
        overall->set_trap_hits(overall->trap_hits() + score->trap_hits());
        overall->set_unannotated(overall->unannotated() + score->unannotated());
        overall->set_surfaced(overall->surfaced() + score->surfaced());
        overall->set_near_misses(overall->near_misses() + score->near_misses());
      }
    }
    SetRecall(overall);
    return std::move(report_);
  }

 private:
  // Marks the mentions of `row`'s claim that `row` accounts for: for a
  // claim, those whose sentence holds a fragment or lies in one; for a
  // trap, those overlapping one (the first is reported as a trap hit).
  // Returns whether there were any.
  bool Account(const GoldRow& row, const EvalArticle& article,
               const std::vector<Span>& spans, const Locator& locate) {
    std::vector<bool>& used = accounted_[&article];
    used.resize(article.mentions.size());
    bool matched = false;
    for (size_t i = 0; i < article.mentions.size(); ++i) {
      const Mention& m = article.mentions[i];
      if (m.claim_id() != row.claim_id) continue;
      const Span sentence{m.sentence_begin(), m.sentence_begin() + m.sentence().size()};
      const Span hit{m.begin(), m.end()};
      for (const Span& f : spans) {
        const bool counts = row.trap ? Overlap(hit, f)
                                     : Inside(f, sentence) || Inside(sentence, f);
        if (!counts) continue;
        used[i] = true;
        if (row.trap && !matched) {
          EvalReport::TrapHit* t = report_.add_trap_hit();
          *t->mutable_place() = locate.At(m.begin(), m.sentence());
          t->set_claim_id(row.claim_id);
          t->set_fragment(row.fragment);
          t->set_gold_line(row.line);
          t->set_text(m.text());
          t->set_pattern_index(m.pattern_index());
        }
        matched = true;
      }
    }
    return matched;
  }

  // Whether near-miss discovery listed a sentence of `claim_id` that holds
  // one of `spans` or lies in one.
  static bool Surfaced(const std::string& claim_id, const EvalArticle& article,
                       const std::vector<Span>& spans) {
    for (const NearMiss& n : article.near_misses) {
      if (n.claim_id() != claim_id) continue;
      const Span sentence{n.sentence_begin(), n.sentence_begin() + n.sentence().size()};
      if (std::any_of(spans.begin(), spans.end(), [&sentence](const Span& f) {
            return Inside(f, sentence) || Inside(sentence, f);
          })) {
        return true;
      }
    }
    return false;
  }

  // Each mention that no row accounts for, in articles some row names.
  void AddUnannotated() {
    for (auto& [article, used] : accounted_) {
      const Locator& locate = locators_.at(article);
      for (size_t i = 0; i < article->mentions.size(); ++i) {
        if (used[i]) continue;
        const Mention& m = article->mentions[i];
        EvalReport::Unannotated* u = report_.add_unannotated();
        *u->mutable_place() = locate.At(m.begin(), m.sentence());
        u->set_claim_id(m.claim_id());
        u->set_text(m.text());
        u->set_pattern_index(m.pattern_index());
        EvalReport::Score& score = scores_[m.claim_id()];
        score.set_unannotated(score.unannotated() + 1);
      }
    }
  }

  EvalReport report_;
  std::map<std::string, EvalReport::Score> scores_;
  std::map<const EvalArticle*, std::vector<bool>> accounted_;  // per mention
  std::map<const EvalArticle*, Locator> locators_;
};

}  // namespace

absl::StatusOr<std::vector<GoldRow>> ParseGold(absl::string_view name,
                                               absl::string_view text) {
  std::vector<GoldRow> rows;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = absl::StrSplit(line, '\t');
    auto error = [&](absl::string_view what) {
      return absl::InvalidArgumentError(absl::StrCat(name, ":", line_number, ": ", what));
    };
    if (fields.size() != 4) {
      return error(absl::StrCat("want 4 tab-separated fields (file, claim_id, kind, "
                                "fragment), got ", fields.size()));
    }
    if (fields[2] != "yes" && fields[2] != "trap") {
      return error(absl::StrCat("kind must be yes or trap, got '", fields[2], "'"));
    }
    if (fields[0].empty() || fields[1].empty() || fields[3].empty()) {
      return error("empty field");
    }
    rows.push_back({line_number, fields[0], fields[1], fields[2] == "trap", fields[3]});
  }
  return rows;
}

absl::StatusOr<EvalReport> Evaluate(const CompiledRules& rules, absl::string_view gold_name,
                                    const std::vector<GoldRow>& gold,
                                    const std::vector<EvalArticle>& articles) {
  Evaluation evaluation;
  for (const GoldRow& row : gold) {
    auto error = [&](absl::string_view what) {
      return absl::InvalidArgumentError(absl::StrCat(gold_name, ":", row.line, ": ", what));
    };
    if (rules.FindClaim(row.claim_id) == nullptr) {
      return error(absl::StrCat("no claim '", row.claim_id, "' in the rules"));
    }
    const EvalArticle* article = FindArticle(articles, row.file);
    if (article == nullptr) {
      return error(absl::StrCat("'", row.file,
                                "' is not one of the articles read (or names more than one)"));
    }
    const std::vector<Span> spans = Occurrences(article->document.text(), row.fragment);
    if (spans.empty()) {
      return error(absl::StrCat("the fragment is not in ", row.file, ": '", row.fragment, "'"));
    }
    evaluation.AddRow(row, *article, spans);
  }
  return evaluation.Finish(rules, articles);
}

}  // namespace refrain
