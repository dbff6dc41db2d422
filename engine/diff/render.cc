#include "engine/diff/render.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "engine/diff/alignment.h"
#include "engine/diff/render_internal.h"

namespace refrain {
namespace render_internal {
namespace {

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

}  // namespace

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

}  // namespace render_internal

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
    case ReportFormat::kText: return render_internal::RenderText(report, options);
    case ReportFormat::kMarkdown: return render_internal::RenderMarkdown(report, options);
    case ReportFormat::kHtml: return render_internal::RenderHtml(report, options);
    case ReportFormat::kJson: return render_internal::RenderJson(report);
  }
  return "";
}

}  // namespace refrain
