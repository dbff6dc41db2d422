// The Markdown report of render.h.
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/diff/render_internal.h"
#include "engine/text/escape.h"

namespace refrain {
namespace render_internal {
namespace {

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

}  // namespace

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

}  // namespace render_internal
}  // namespace refrain
