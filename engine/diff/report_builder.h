// Builds a claim-diff `Report` (proto/report.proto) from mentions: per
// claim, the distinct phrasings with their sources and dates, each aligned
// word by word against the most common one and labelled with how it frames
// the claim differently; slot values per source; a timeline; and a view
// per source.
//
//   Report report = BuildReport(mentions);
#ifndef REFRAIN_ENGINE_DIFF_REPORT_BUILDER_H_
#define REFRAIN_ENGINE_DIFF_REPORT_BUILDER_H_

#include <vector>

#include "proto/claim.pb.h"
#include "proto/report.pb.h"

namespace refrain {

struct ReportOptions {
  // Occurrences kept per variant (the count is always exact). Default: 20.
  int max_occurrences = 20;
};

// Claims are ordered by mentions (most first), then id; everything else as
// proto/report.proto says. Deterministic for the same mentions in any
// order. Cost: O(mentions · log) plus one alignment per variant.
Report BuildReport(const std::vector<Mention>& mentions,
                   const ReportOptions& options = {});

// The month of a (possibly partial) date: "2024-10-05" -> "2024-10";
// "2024" -> "2024"; "" -> "".
std::string MonthOf(const std::string& date);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_DIFF_REPORT_BUILDER_H_
