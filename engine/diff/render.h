// Renders a claim-diff `Report` for people and programs.
//
//   std::string html = RenderReport(report, ReportFormat::kHtml, {});
//
// text: for a terminal (ANSI colour when `color`); md: a Markdown document;
// json: the Report message as JSON; html: one self-contained page (inline
// CSS and SVG, nothing fetched from the network). docs/reports.md shows
// each.
#ifndef REFRAIN_ENGINE_DIFF_RENDER_H_
#define REFRAIN_ENGINE_DIFF_RENDER_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/report.pb.h"

namespace refrain {

enum class ReportFormat { kText, kMarkdown, kJson, kHtml };

// Parses "text", "md", "json" or "html".
absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name);

struct RenderOptions {
  // ANSI colours in text output (deletions red, insertions green).
  bool color = false;
  // Heading of the document.
  std::string title = "refrain claim-diff report";
};

std::string RenderReport(const Report& report, ReportFormat format,
                         const RenderOptions& options);

// The human name of a framing label: "superlative changed".
std::string LabelName(FramingLabel label);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_DIFF_RENDER_H_
