// refrain eval
#include <cstdlib>
#include <limits>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/cli/cli.h"
#include "engine/cli/cli_message.h"
#include "engine/cli/commands.h"
#include "engine/cli/exit_code.h"
#include "engine/cli/flags.h"
#include "engine/cli/options_from_flags.h"
#include "engine/eval/evaluator.h"
#include "engine/suggest/near_miss.h"
#include "engine/text/escape.h"
#include "engine/util/file_util.h"
#include "engine/util/status_macros.h"
#include "google/protobuf/util/json_util.h"

namespace refrain {
namespace {

// Gold files are written by hand: far below this.
constexpr size_t kMaxGoldBytes = 64 << 20;

// Collects the articles read, with their files' content for line numbers.
class ArticleCollector : public DocumentSink {
 public:
  explicit ArticleCollector(std::ostream& err) : err_(err) {}

  void OnDocument(Document document, const std::string& place) override {
    EvalArticle article;
    article.path = place;
    absl::StatusOr<std::string> content =
        ReadFileUpTo(place, document.text().size() + (1 << 20), "article", "");
    article.content = content.ok() ? *std::move(content) : document.text();
    article.document = std::move(document);
    articles.push_back(std::move(article));
  }
  bool OnSkipped(const absl::Status& error) override {
    ++skipped;
    err_ << "refrain: skipped: " << CliMessage(error) << "\n";
    return true;
  }

  std::vector<EvalArticle> articles;
  int skipped = 0;

 private:
  std::ostream& err_;
};

void PrintScore(const EvalReport::Score& s, std::ostream& out) {
  out << absl::StrFormat("%-28s %4d/%-4d %5.2f   %3d/%-3d  %5d        %4d/%-4d %6d\n", s.claim_id(),
                         s.found(), s.total(), s.recall(), s.trap_hits(), s.traps(),
                         s.unannotated(), s.surfaced(), s.total() - s.found(), s.near_misses());
}

void PrintPlace(const EvalReport::Place& place, std::ostream& out) {
  out << "  " << EscapeControls(place.file()) << ":" << place.line();
}

void PrintText(const EvalReport& report, std::ostream& out) {
  out << absl::StrFormat("%-28s %9s %6s %9s %12s %10s %12s\n", "claim", "found", "recall",
                         "traps hit", "unannotated", "surfaced", "near misses");
  for (const EvalReport::Score& s : report.claim()) PrintScore(s, out);
  PrintScore(report.overall(), out);
  // The two figures of near-miss discovery: how many misses it surfaces,
  // and how many sentences an analyst reads for them.
  const EvalReport::Score& all = report.overall();
  const int misses = all.total() - all.found();
  out << "\nnear misses: surfaced " << all.surfaced() << " of " << misses << " misses; "
      << all.near_misses() << " near-miss sentences listed";
  if (misses > 0) {
    out << absl::StrFormat(" (%.1f per miss)", static_cast<double>(all.near_misses()) / misses);
  }
  out << "\n";
  if (report.miss_size() > 0) out << "\nmissed (yes rows no mention found)\n";
  for (const EvalReport::Miss& m : report.miss()) {
    PrintPlace(m.place(), out);
    out << "  " << m.claim_id() << "  \"" << EscapeControls(m.fragment()) << "\"\n"
        << "      in: " << EscapeControls(m.place().sentence()) << "\n"
        << "      near miss: " << (m.surfaced() ? "surfaced" : "not surfaced") << "\n";
  }
  if (report.trap_hit_size() > 0) out << "\ntraps reported as claims\n";
  for (const EvalReport::TrapHit& t : report.trap_hit()) {
    PrintPlace(t.place(), out);
    out << "  " << t.claim_id() << " (pattern " << t.pattern_index() << ")  \""
        << EscapeControls(t.text()) << "\"\n"
        << "      trap: \"" << EscapeControls(t.fragment()) << "\"\n";
  }
  if (report.unannotated_size() > 0) {
    out << "\nmentions no gold row accounts for (gold gaps or false hits)\n";
  }
  for (const EvalReport::Unannotated& u : report.unannotated()) {
    PrintPlace(u.place(), out);
    out << "  " << u.claim_id() << " (pattern " << u.pattern_index() << ")  \""
        << EscapeControls(u.text()) << "\"\n";
  }
}

// Prints `report` as `format` ("text" or "json") to `out`.
void PrintReport(const EvalReport& report, const std::string& format, std::ostream& out) {
  if (format == "json") {
    google::protobuf::util::JsonPrintOptions json;
    json.add_whitespace = true;
    json.always_print_primitive_fields = true;
    json.preserve_proto_field_names = true;
    std::string text;
    (void)google::protobuf::util::MessageToJsonString(report, &text, json);  // cannot fail
    out << text;
  } else {
    PrintText(report, out);
  }
}

// The gold rows of the gold file at `path`.
absl::StatusOr<std::vector<GoldRow>> ReadGold(const std::string& path) {
  ASSIGN_OR_RETURN(const std::string text, ReadFileUpTo(path, kMaxGoldBytes, "gold file", ""));
  return ParseGold(path, text);
}

// How the scores of `overall` compare with --min-recall and --max-trap-hits:
// OutOfRange saying which threshold was crossed (the second, if both, as a
// note); otherwise ReportedFindings when `skipped` inputs were reported, or
// OK.
absl::Status CheckThresholds(const EvalReport::Score& overall, const Args& args,
                             int skipped) {
  const double min_recall = args.Real("min-recall", 0);
  const int64_t max_trap_hits = args.Int("max-trap-hits", -1);
  absl::Status status = skipped > 0 ? ReportedFindings() : absl::OkStatus();
  if (overall.recall() < min_recall) {
    status = absl::OutOfRangeError(
        absl::StrFormat("recall %.3f (%d of %d) is below --min-recall=%g", overall.recall(),
                        overall.found(), overall.total(), min_recall));
  }
  if (max_trap_hits >= 0 && overall.trap_hits() > max_trap_hits) {
    const std::string traps = absl::StrCat(overall.trap_hits(),
                                           " traps reported as claims, more than "
                                           "--max-trap-hits=", max_trap_hits);
    status = status.ok() ? absl::OutOfRangeError(traps) : WithNote(std::move(status), traps);
  }
  return status;
}

absl::Status RunEval(const Args& args, std::ostream& out, std::ostream& err) {
  if (!args.Has("gold") || args.positional.empty()) {
    return UsageError("eval needs --gold=FILE and the annotated articles (INPUT...)");
  }
  NearMissOptions near_miss_options;
  near_miss_options.min_anchors = MinAnchorsFromFlags(args);
  const ReadOptions read = ReadOptionsFromFlags(args);
  ASSIGN_OR_RETURN(const std::unique_ptr<Engine> engine, EngineFromFlags(args, "eval", err));
  near_miss_options.max_sentence_bytes = engine->scan_options().max_sentence_bytes;
  const NearMissFinder finder(engine->rules(), near_miss_options);
  NoteClaimsWithoutAnchors(finder.skipped(), "", err);

  const std::string gold_path = args.Get("gold");
  ASSIGN_OR_RETURN(const std::vector<GoldRow> gold, ReadGold(gold_path));
  ArticleCollector collector(err);
  const DocumentReader reader(read);
  RETURN_IF_ERROR(reader.Read(args.positional, &collector));
  for (EvalArticle& article : collector.articles) {
    article.mentions = engine->Scan(article.document);
    finder.Find(article.document, &article.near_misses);
  }
  ASSIGN_OR_RETURN(const EvalReport report,
                   Evaluate(engine->rules(), gold_path, gold, collector.articles));
  PrintReport(report, args.Get("format", "text"), out);
  return CheckThresholds(report.overall(), args, collector.skipped);
}

}  // namespace

Command EvalCommand() {
  return {"eval", R"(  refrain eval --rules=PATH --gold=FILE [--format=text|json] [--min-recall=X]
               [--max-trap-hits=N] [--min-anchors=N] [RULE OPTIONS] INPUT...
      Score the rules against annotated articles: recall per claim, traps
      reported as claims, and every miss (docs/eval.md), with whether
      near-miss discovery surfaces it (--min-anchors as for suggest).
)",
          Join(Join({Flag::Text("gold", "FILE", "the annotations: which claims each article makes"),
                Flag::Text("format", "text|json", "the report's format (text)",
                           [](const std::string& value) {
                             return value == "text" || value == "json"
                                        ? ""
                                        : "--format: choose text or json";
                           }),
                Flag::Real("min-recall", "X", "exit 1 when the recall is below X (0)", 0, 1,
                           "a number from 0 to 1"),
                Flag::Int("max-trap-hits", "N", "exit 1 when more than N traps are hit", 0,
                          std::numeric_limits<int>::max(), "a number of at least 0"),
                SharedFlags({"min-anchors"})[0]},
               // Scan's flags but --threads and --strict: eval reads every
               // article before scoring, on one thread, and a skipped one
               // is reported and makes the exit code 1.
               SharedFlags({"rules", "source", "max-document-bytes", "max-sentence-bytes",
                            "max-mentions-per-sentence", "max-mentions-per-document"})),
               RuleFlags()),
          RunEval};
}

}  // namespace refrain
