// The text report of render.h: for a terminal, in ANSI colour when asked.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/diff/render_internal.h"
#include "engine/text/escape.h"

namespace refrain {
namespace render_internal {

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

}  // namespace render_internal
}  // namespace refrain
