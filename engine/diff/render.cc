#include "engine/diff/render.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "engine/diff/alignment.h"
#include "engine/text/escape.h"
#include "google/protobuf/util/json_util.h"

namespace refrain {
namespace {

std::string Dates(const Variant& v) {
  if (v.first_date().empty()) return "-";
  if (v.first_date() == v.last_date()) return v.first_date();
  return absl::StrCat(v.first_date(), "..", v.last_date());
}

std::string SourceList(const Variant& v) {
  std::vector<std::string> parts;
  for (const SourceCount& s : v.sources()) {
    const std::string name = s.source().empty() ? "-" : s.source();
    parts.push_back(s.count() > 1 ? absl::StrCat(name, " ×", s.count()) : name);
  }
  return absl::StrJoin(parts, ", ");
}

std::string Labels(const Variant& v) {
  std::vector<std::string> names;
  for (int label : v.labels()) names.push_back(LabelName(static_cast<FramingLabel>(label)));
  return absl::StrJoin(names, ", ");
}

std::string Values(const SourceValues& s) {
  std::vector<std::string> parts;
  for (const ValueCount& v : s.values()) {
    parts.push_back(v.count() > 1 ? absl::StrCat(v.value(), " ×", v.count()) : v.value());
  }
  return absl::StrJoin(parts, ", ");
}

// All months of a claim's timeline, in order.
std::vector<std::string> Months(const ClaimDiff& claim) {
  std::set<std::string> months;
  for (const TimelineRow& row : claim.timeline()) {
    for (const MonthCount& m : row.months()) months.insert(m.month());
  }
  return std::vector<std::string>(months.begin(), months.end());
}

int CountIn(const TimelineRow& row, const std::string& month) {
  for (const MonthCount& m : row.months()) {
    if (m.month() == month) return m.count();
  }
  return 0;
}

// Renders an alignment with the given markers around changed words.
struct Marks {
  std::string del_open, del_close, ins_open, ins_close;
  std::string (*escape)(absl::string_view);
};

std::string Html(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"},
                                 {"\"", "&quot;"}, {"'", "&#39;"}});
}

// Markdown. Every value a Markdown report shows goes through one of these
// two, by context.
//
// Text: a heading, a table cell, a link's text. Control characters are
// written visibly (so no value can end a line, a heading or a table row),
// `<`, `>` and `&` as entities (so no value is raw HTML), and the
// characters that are Markdown syntax — `|` among them, which would split a
// table cell — behind a backslash. (Escaping `|` or `#` is harmless where
// they would not be syntax, so one function serves all three places.)
std::string MarkdownText(absl::string_view s) {
  std::string out;
  for (char c : EscapeControls(s)) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default:
        if (absl::StrContains("\\`*_[]|#~", c)) out.push_back('\\');
        out.push_back(c);
    }
  }
  return out;
}

// A link target to a heading: the anchor GitHub derives from the heading's
// text (lower case, spaces as hyphens, other punctuation dropped), so only
// `[a-z0-9_-]` remain and the target cannot end the link.
std::string MarkdownAnchor(absl::string_view s) {
  std::string out;
  for (char c : s) {
    c = absl::ascii_tolower(static_cast<unsigned char>(c));
    if (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-') {
      out.push_back(c);
    } else if (c == ' ') {
      out.push_back('-');
    }
  }
  return out;
}

// Joins tokens (strings or string views) with spaces, but none before
// closing punctuation.
template <typename Tokens>
std::string JoinTokens(const Tokens& tokens) {
  std::string out;
  for (absl::string_view t : tokens) {
    const bool attach = t.size() == 1 && absl::StrContains(",.;:!?)]", t[0]);
    if (!out.empty() && !attach) out += ' ';
    absl::StrAppend(&out, t);
  }
  return out;
}

// Each run of changed words is shown as one deletion and one insertion,
// like a word diff: "[-largest-]{+biggest+}", "{+within asean+}".
std::string Aligned(const Variant& v, const Marks& marks) {
  std::vector<std::string> words;
  ForEachChangeRun(
      v.alignment(),
      [&](const AlignedToken& equal) { words.push_back(marks.escape(equal.base())); },
      [&](std::vector<absl::string_view> deleted, std::vector<absl::string_view> inserted) {
        std::string change;
        if (!deleted.empty()) {
          change += marks.del_open + marks.escape(JoinTokens(deleted)) + marks.del_close;
        }
        if (!inserted.empty()) {
          change += marks.ins_open + marks.escape(JoinTokens(inserted)) + marks.ins_close;
        }
        words.push_back(change);
      });
  return JoinTokens(words);
}

std::string HeadLine(const ClaimDiff& claim) {
  return absl::StrCat(claim.mentions(), claim.mentions() == 1 ? " mention" : " mentions",
                      ", ", claim.sources_size(),
                      claim.sources_size() == 1 ? " source" : " sources");
}

// ---------------------------------------------------------------- text

// Every value is shown through `EscapeControls` (`T`): no escape sequence
// from an article reaches the terminal.
std::string RenderText(const Report& report, const RenderOptions& options) {
  const auto T = EscapeControls;
  const bool c = options.color;
  const std::string bold = c ? "\033[1m" : "", reset = c ? "\033[0m" : "";
  const Marks marks = c ? Marks{"\033[31m", "\033[0m", "\033[32m", "\033[0m", T}
                        : Marks{"[-", "-]", "{+", "+}", T};
  std::string out = absl::StrCat(bold, T(options.title), reset, "\n");
  for (const ClaimDiff& claim : report.claims()) {
    absl::StrAppend(&out, "\n", bold, "== ", T(claim.claim_id()), reset, "  (",
                    HeadLine(claim), ")\n\nvariants\n");
    for (int i = 0; i < claim.variants_size(); ++i) {
      const Variant& v = claim.variants(i);
      absl::StrAppendFormat(&out, "  %2d. %-3d \"%s\"%s\n", i + 1, v.count(), T(v.phrasing()),
                            i == 0 ? "  (base)" : "");
      absl::StrAppend(&out, "          ", T(SourceList(v)), "  ", T(Dates(v)), "\n");
    }
    if (claim.variants_size() > 1) {
      absl::StrAppend(&out, "\nagainst the base\n");
      for (int i = 1; i < claim.variants_size(); ++i) {
        const Variant& v = claim.variants(i);
        absl::StrAppendFormat(&out, "  %2d. %s\n", i + 1, Aligned(v, marks));
        if (v.labels_size() > 0) absl::StrAppend(&out, "      ", Labels(v), "\n");
      }
    }
    if (claim.slots_size() > 0) {
      absl::StrAppend(&out, "\nslots by source\n");
      for (const SlotComparison& slot : claim.slots()) {
        absl::StrAppend(&out, "  ", T(slot.slot()), "\n");
        for (const SourceValues& s : slot.by_source()) {
          absl::StrAppendFormat(&out, "    %-20s %s\n", s.source().empty() ? "-" : T(s.source()),
                                T(Values(s)));
        }
      }
    }
    const std::vector<std::string> months = Months(claim);
    absl::StrAppend(&out, "\nmentions per month\n");
    absl::StrAppendFormat(&out, "  %-20s", "");
    for (const std::string& m : months) {
      absl::StrAppendFormat(&out, " %7s", m.empty() ? "-" : T(m));
    }
    out += "\n";
    for (const TimelineRow& row : claim.timeline()) {
      absl::StrAppendFormat(&out, "  %-20s", row.source().empty() ? "-" : T(row.source()));
      for (const std::string& m : months) {
        const int n = CountIn(row, m);
        absl::StrAppendFormat(&out, " %7s", n == 0 ? "." : std::to_string(n));
      }
      out += "\n";
    }
  }
  if (report.sources_size() > 0) {
    absl::StrAppend(&out, "\n", bold, "== sources", reset, "\n");
    for (const SourceView& s : report.sources()) {
      absl::StrAppend(&out, "\n  ", s.source().empty() ? "-" : T(s.source()), "\n");
      for (const ClaimPhrasing& p : s.claims()) {
        absl::StrAppendFormat(&out, "    %-26s %3d  \"%s\"\n", T(p.claim_id()), p.count(),
                              T(p.phrasing()));
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- markdown

std::string RenderMarkdown(const Report& report, const RenderOptions& options) {
  const Marks marks{"~~", "~~", "**", "**", MarkdownText};
  std::string out = absl::StrCat("# ", MarkdownText(options.title), "\n\nClaims: ");
  std::vector<std::string> links;
  for (const ClaimDiff& claim : report.claims()) {
    links.push_back(absl::StrCat("[", MarkdownText(claim.claim_id()), "](#",
                                 MarkdownAnchor(claim.claim_id()), ")"));
  }
  absl::StrAppend(&out, absl::StrJoin(links, " · "), "\n");
  for (const ClaimDiff& claim : report.claims()) {
    absl::StrAppend(&out, "\n## ", MarkdownText(claim.claim_id()), "\n\n", HeadLine(claim),
                    ".\n\n", "| # | phrasing | n | sources | dates | framing vs. #1 |\n",
                    "|---|---|---|---|---|---|\n");
    for (int i = 0; i < claim.variants_size(); ++i) {
      const Variant& v = claim.variants(i);
      absl::StrAppend(&out, "| ", i + 1, " | ",
                      i == 0 ? MarkdownText(v.phrasing()) : Aligned(v, marks), " | ", v.count(),
                      " | ", MarkdownText(SourceList(v)), " | ", MarkdownText(Dates(v)), " | ",
                      i == 0 ? "base" : MarkdownText(Labels(v)), " |\n");
    }
    if (claim.slots_size() > 0) {
      absl::StrAppend(&out, "\n| slot | source | values |\n|---|---|---|\n");
      for (const SlotComparison& slot : claim.slots()) {
        for (const SourceValues& s : slot.by_source()) {
          absl::StrAppend(&out, "| ", MarkdownText(slot.slot()), " | ",
                          MarkdownText(s.source()), " | ", MarkdownText(Values(s)), " |\n");
        }
      }
    }
    const std::vector<std::string> months = Months(claim);
    absl::StrAppend(&out, "\n| source |");
    for (const std::string& m : months) {
      absl::StrAppend(&out, " ", m.empty() ? "-" : MarkdownText(m), " |");
    }
    absl::StrAppend(&out, "\n|---|");
    for (size_t k = 0; k < months.size(); ++k) out += "---|";
    out += "\n";
    for (const TimelineRow& row : claim.timeline()) {
      absl::StrAppend(&out, "| ", MarkdownText(row.source()), " |");
      for (const std::string& m : months) absl::StrAppend(&out, " ", CountIn(row, m), " |");
      out += "\n";
    }
  }
  absl::StrAppend(&out, "\n## Sources\n");
  for (const SourceView& s : report.sources()) {
    absl::StrAppend(&out, "\n### ", MarkdownText(s.source()),
                    "\n\n| claim | n | phrasing |\n|---|---|---|\n");
    for (const ClaimPhrasing& p : s.claims()) {
      absl::StrAppend(&out, "| ", MarkdownText(p.claim_id()), " | ", p.count(), " | ",
                      MarkdownText(p.phrasing()), " |\n");
    }
  }
  return out;
}

// ---------------------------------------------------------------- html

constexpr char kCss[] = R"css(
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem}nav a{white-space:nowrap}.dates{white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:.6rem 0}
td,th{border-bottom:1px solid #e4e4e4;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5;font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}
del{background:#fdd;color:#a00;text-decoration:line-through;margin-right:2px}ins{background:#dfd;color:#060;text-decoration:none}
.label{display:inline-block;background:#eef;border-radius:3px;padding:0 .35rem;margin:0 .2rem .2rem 0;font-size:.8rem}
.base{background:#fafae6}details{margin:.2rem 0}summary{cursor:pointer;color:#036}
blockquote{margin:.3rem 0 .3rem 1rem;color:#444;font-size:.9rem}svg text{font-size:11px}
)css";

std::string TimelineSvg(const ClaimDiff& claim) {
  const std::vector<std::string> months = Months(claim);
  int max = 1;
  for (const TimelineRow& row : claim.timeline()) {
    for (const MonthCount& m : row.months()) max = std::max(max, m.count());
  }
  const int label_width = 150, cell = 56, row_height = 22;
  const int width = label_width + cell * static_cast<int>(months.size()) + 10;
  const int height = row_height * (claim.timeline_size() + 1) + 6;
  std::string svg = absl::StrFormat(
      "<svg class=\"timeline\" role=\"img\" aria-label=\"mentions per source and month\" "
      "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
      width, height, width, height);
  for (size_t k = 0; k < months.size(); ++k) {
    absl::StrAppendFormat(&svg, "<text x=\"%d\" y=\"14\">%s</text>",
                          label_width + cell * static_cast<int>(k), Html(months[k]));
  }
  for (int r = 0; r < claim.timeline_size(); ++r) {
    const TimelineRow& row = claim.timeline(r);
    const int y = row_height * (r + 1);
    absl::StrAppendFormat(&svg, "<text x=\"0\" y=\"%d\">%s</text>", y + 14,
                          Html(row.source().empty() ? "-" : row.source()));
    for (size_t k = 0; k < months.size(); ++k) {
      const int n = CountIn(row, months[k]);
      if (n == 0) continue;
      const int w = std::max(4, (cell - 12) * n / max);
      absl::StrAppendFormat(&svg,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"#4a7bd0\">"
                            "<title>%s %s: %d</title></rect><text x=\"%d\" y=\"%d\">%d</text>",
                            label_width + cell * static_cast<int>(k), y + 3, w,
                            Html(row.source()), Html(months[k]), n,
                            label_width + cell * static_cast<int>(k) + w + 2, y + 14, n);
    }
  }
  return svg + "</svg>";
}

std::string RenderHtml(const Report& report, const RenderOptions& options) {
  const Marks marks{"<del>", "</del>", "<ins>", "</ins>", Html};
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>", Html(options.title), "</title><style>", kCss, "</style></head><body>\n<h1>",
      Html(options.title), "</h1>\n<nav>");
  for (const ClaimDiff& claim : report.claims()) {
    absl::StrAppend(&out, "<a href=\"#", Html(claim.claim_id()), "\">", Html(claim.claim_id()),
                    "</a>");
  }
  absl::StrAppend(&out, "<a href=\"#sources\">sources</a></nav>\n");
  for (const ClaimDiff& claim : report.claims()) {
    const std::string id = Html(claim.claim_id());
    absl::StrAppend(&out, "<section class=\"claim\" id=\"", id, "\" data-claim=\"", id,
                    "\">\n<h2>", id, "</h2><p>", HeadLine(claim), "</p>\n<table class=\"variants\">"
                    "<tr><th>#</th><th>phrasing (aligned against #1)</th><th class=\"n\">n</th>"
                    "<th>sources</th><th>dates</th><th>framing</th></tr>\n");
    for (int i = 0; i < claim.variants_size(); ++i) {
      const Variant& v = claim.variants(i);
      const std::string anchor = absl::StrCat(id, "-", i + 1);
      absl::StrAppend(&out, "<tr class=\"variant", i == 0 ? " base" : "", "\" id=\"", anchor,
                      "\"><td class=\"n\">", i + 1, "</td><td class=\"phrasing\">",
                      i == 0 ? Html(v.phrasing()) : Aligned(v, marks),
                      "<details><summary>", v.occurrences_size(),
                      v.occurrences_size() == 1 ? " sentence" : " sentences", "</summary>");
      for (const Occurrence& o : v.occurrences()) {
        absl::StrAppend(&out, "<blockquote class=\"occurrence\" data-doc=\"", Html(o.doc_id()),
                        "\">", Html(o.sentence()), "<br><small>", Html(o.source()), " · ",
                        Html(o.date().empty() ? "-" : o.date()), " · ", Html(o.doc_id()),
                        "</small></blockquote>");
      }
      absl::StrAppend(&out, "</details></td><td class=\"n\">", v.count(), "</td><td>",
                      Html(SourceList(v)), "</td><td class=\"dates\">", Html(Dates(v)), "</td><td>");
      if (i == 0) out += "<span class=\"label\">base</span>";
      for (int label : v.labels()) {
        absl::StrAppend(&out, "<span class=\"label\">",
                        LabelName(static_cast<FramingLabel>(label)), "</span>");
      }
      out += "</td></tr>\n";
    }
    out += "</table>\n";
    if (claim.slots_size() > 0) {
      out += "<table class=\"slots\"><tr><th>slot</th><th>source</th><th>values</th></tr>\n";
      for (const SlotComparison& slot : claim.slots()) {
        for (const SourceValues& s : slot.by_source()) {
          absl::StrAppend(&out, "<tr><td>", Html(slot.slot()), "</td><td>", Html(s.source()),
                          "</td><td>", Html(Values(s)), "</td></tr>\n");
        }
      }
      out += "</table>\n";
    }
    absl::StrAppend(&out, TimelineSvg(claim), "\n</section>\n");
  }
  out += "<section id=\"sources\"><h2>sources</h2>\n";
  for (const SourceView& s : report.sources()) {
    absl::StrAppend(&out, "<h3>", Html(s.source().empty() ? "-" : s.source()),
                    "</h3><table class=\"source\"><tr><th>claim</th><th class=\"n\">n</th>"
                    "<th>commonest phrasing</th></tr>\n");
    for (const ClaimPhrasing& p : s.claims()) {
      absl::StrAppend(&out, "<tr><td><a href=\"#", Html(p.claim_id()), "\">", Html(p.claim_id()),
                      "</a></td><td class=\"n\">", p.count(), "</td><td>", Html(p.phrasing()),
                      "</td></tr>\n");
    }
    out += "</table>\n";
  }
  return out + "</section>\n</body></html>\n";
}

}  // namespace

absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name) {
  if (name == "text") return ReportFormat::kText;
  if (name == "md") return ReportFormat::kMarkdown;
  if (name == "json") return ReportFormat::kJson;
  if (name == "html") return ReportFormat::kHtml;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown format '", name, "' (choose text, md, json or html)"));
}

std::string LabelName(FramingLabel label) {
  std::string name = FramingLabel_Name(label);
  absl::AsciiStrToLower(&name);
  absl::StrReplaceAll({{"_", " "}}, &name);
  return name;
}

std::string RenderReport(const Report& report, ReportFormat format,
                         const RenderOptions& options) {
  switch (format) {
    case ReportFormat::kText: return RenderText(report, options);
    case ReportFormat::kMarkdown: return RenderMarkdown(report, options);
    case ReportFormat::kHtml: return RenderHtml(report, options);
    case ReportFormat::kJson: {
      google::protobuf::util::JsonPrintOptions json;
      json.add_whitespace = true;
      json.preserve_proto_field_names = true;
      json.always_print_primitive_fields = true;
      std::string out;
      google::protobuf::util::MessageToJsonString(report, &out, json);
      return out;
    }
  }
  return "";
}

}  // namespace refrain
