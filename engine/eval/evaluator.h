// Scores rules against annotated articles: how many of the claim
// occurrences an analyst marked the rules find (recall), and which traps
// (text a careless rule would report) they report. `refrain eval` prints
// the result; docs/eval.md defines the gold file.
//
//   absl::StatusOr<std::vector<GoldRow>> gold = ParseGold("gold.tsv", text);
//   std::vector<EvalArticle> articles = ...;  // read and scanned
//   absl::StatusOr<EvalReport> report =
//       Evaluate(engine->rules(), "gold.tsv", *gold, articles);
#ifndef REFRAIN_ENGINE_EVAL_EVALUATOR_H_
#define REFRAIN_ENGINE_EVAL_EVALUATOR_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "engine/rules/compiled_rules.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"
#include "proto/eval.pb.h"
#include "proto/suggest.pb.h"

namespace refrain {

// One row of a gold file: in article `file`, `fragment` is (kind `yes`) an
// exact piece of a sentence expressing `claim_id`, or (a trap) text that
// must not be reported as that claim.
struct GoldRow {
  int line = 0;  // in the gold file
  std::string file;
  std::string claim_id;
  bool trap = false;
  std::string fragment;
};

// Parses a gold file: tab-separated `file`, `claim_id`, `kind` (`yes` or
// `trap`), `fragment` (split on tabs only); lines starting with '#' and
// blank lines are skipped. Returns InvalidArgument "name:line: ..." for the
// first row that is not of that form.
absl::StatusOr<std::vector<GoldRow>> ParseGold(absl::string_view name,
                                               absl::string_view text);

// One article, read and scanned.
struct EvalArticle {
  std::string path;           // as read ("dir/01_outlet.txt")
  std::string content;        // the whole file, for line numbers
  Document document;          // its text is a suffix of `content`
  std::vector<Mention> mentions;
  // Its near misses (NearMissFinder), for `EvalReport.Miss.surfaced`.
  std::vector<NearMiss> near_misses;
};

// Scores the mentions of `articles` against `gold`. A `yes` row is found
// by a mention of its claim whose sentence contains the fragment (or lies
// inside it); a trap is hit by a mention of its claim that overlaps it. A
// row names its article by path or by a path's last components
// ("01_outlet.txt"). Returns InvalidArgument "gold_name:line: ..." for a
// row whose claim is not in `rules`, whose article is not among `articles`
// (or is more than one of them), or whose fragment is not in the article.
// A miss is surfaced when a near miss of its claim in its article has a
// sentence that contains the fragment (or lies inside it); each claim's
// score counts its near misses in all of `articles`.
absl::StatusOr<EvalReport> Evaluate(const CompiledRules& rules, absl::string_view gold_name,
                                    const std::vector<GoldRow>& gold,
                                    const std::vector<EvalArticle>& articles);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_EVAL_EVALUATOR_H_
