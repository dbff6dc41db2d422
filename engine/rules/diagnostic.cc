#include "engine/rules/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace refrain {

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (line > 0) absl::StrAppend(&out, ":", line);
  if (line > 0 && column > 0) absl::StrAppend(&out, ":", column);
  absl::StrAppend(&out, out.empty() ? "" : ": ",
                  severity == Severity::kError ? "error: " : "warning: ");
  if (!claim_id.empty()) absl::StrAppend(&out, "claim '", claim_id, "': ");
  absl::StrAppend(&out, message);
  return out;
}

int CountErrors(const std::vector<Diagnostic>& diagnostics) {
  return static_cast<int>(std::count_if(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::kError;
      }));
}

void SortDiagnostics(std::vector<Diagnostic>::iterator begin,
                     std::vector<Diagnostic>::iterator end) {
  std::stable_sort(begin, end,
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.file, a.line, a.column) <
                            std::tie(b.file, b.line, b.column);
                   });
}

}  // namespace refrain
