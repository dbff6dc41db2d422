// The HTML report of render.h: one self-contained page (inline CSS and SVG).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "engine/diff/render_internal.h"

namespace refrain {
namespace render_internal {
namespace {

std::string Html(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"},
                                 {"\"", "&quot;"}, {"'", "&#39;"}});
}

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

}  // namespace

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

}  // namespace render_internal
}  // namespace refrain
