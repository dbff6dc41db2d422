// Fuzzes reading mention streams (binpb and JSON Lines) and building a
// claim-diff report from what they hold.
#include <cstdint>
#include <sstream>
#include <string>

#include "engine/diff/render.h"
#include "engine/diff/report_builder.h"
#include "engine/store/mention_stream.h"
#include "tests/fuzzing/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (refrain::MentionFormat format :
       {refrain::MentionFormat::kBinpb, refrain::MentionFormat::kJsonl}) {
    std::istringstream in(bytes);
    refrain::MentionReader reader(&in, format, "fuzz");
    std::vector<refrain::Mention> mentions;
    for (int i = 0; i < 10000; ++i) {
      refrain::Mention m;
      absl::StatusOr<bool> more = reader.Next(&m);
      if (!more.ok()) {
        FUZZ_CHECK(more.status().message().rfind("fuzz", 0) == 0);
        break;
      }
      if (!*more) break;
      mentions.push_back(std::move(m));
    }
    refrain::Report report = refrain::BuildReport(mentions);
    refrain::RenderReport(report, refrain::ReportFormat::kHtml, {});
  }
  return 0;
}
