// Fuzzes the JSON Lines reader, one line at a time.
#include <cstdint>
#include <string>

#include "engine/text/document_reader.h"
#include "tests/fuzzing/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  refrain::DocumentReader reader{refrain::ReadOptions()};
  const std::string line(reinterpret_cast<const char*>(data), size);
  // The reader hands over single lines; a newline cannot be inside one.
  if (line.find('\n') != std::string::npos) return 0;
  absl::StatusOr<refrain::Document> doc = reader.ParseJsonLine("fuzz.jsonl", 7, line);
  if (!doc.ok()) {
    FUZZ_CHECK(doc.status().message().rfind("fuzz.jsonl:7: ", 0) == 0);
  } else {
    FUZZ_CHECK(!doc->id().empty());
  }
  return 0;
}
