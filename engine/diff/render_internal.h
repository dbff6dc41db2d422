// Internal to engine/diff/render.cc and the renderers of each format
// (render_text.cc, render_markdown.cc, render_html.cc, render_json.cc):
// what the reports share. Not part of the API: use render.h.
#ifndef REFRAIN_ENGINE_DIFF_RENDER_INTERNAL_H_
#define REFRAIN_ENGINE_DIFF_RENDER_INTERNAL_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/diff/render.h"
#include "proto/report.pb.h"

namespace refrain {
namespace render_internal {

// One renderer per format, as `RenderReport` dispatches them.
std::string RenderText(const Report& report, const RenderOptions& options);
std::string RenderMarkdown(const Report& report, const RenderOptions& options);
std::string RenderHtml(const Report& report, const RenderOptions& options);
std::string RenderJson(const Report& report);

// A variant's dates: "-" when unknown, one date, or "first..last".
std::string Dates(const Variant& v);

// A variant's sources with their counts: "Xinhua ×2, China Daily".
std::string SourceList(const Variant& v);

// A variant's framing labels by name: "superlative changed, qualifier added".
std::string Labels(const Variant& v);

// The values of a slot in one source with their counts: "30 ×2, 45".
std::string Values(const SourceValues& s);

// All months of a claim's timeline, in order.
std::vector<std::string> Months(const ClaimDiff& claim);

// The mentions of `row` in `month`; 0 if none.
int CountIn(const TimelineRow& row, const std::string& month);

// "52 mentions, 6 sources".
std::string HeadLine(const ClaimDiff& claim);

// The markers around changed words, and the escaping of every word.
struct Marks {
  std::string del_open, del_close, ins_open, ins_close;
  std::string (*escape)(absl::string_view);
};

// Each run of changed words is shown as one deletion and one insertion,
// like a word diff: "[-largest-]{+biggest+}", "{+within asean+}".
std::string Aligned(const Variant& v, const Marks& marks);

}  // namespace render_internal
}  // namespace refrain

#endif  // REFRAIN_ENGINE_DIFF_RENDER_INTERNAL_H_
