// Fuzzes reading a text article (front matter) and scanning it with the
// shipped rules, checking the record invariant (every mention's text and
// sentence are the original bytes at their offsets) and the bounds on
// records (mention limits, the sentence window). Its seeds include the
// shapes that made a stage quadratic (corpus/text); libFuzzer's -timeout
// catches a slow input.
#include <cstdint>
#include <string>

#include "engine/match/scanner.h"
#include "engine/rules/rule_compiler.h"
#include "engine/text/document_reader.h"
#include "tests/fuzzing/fuzz_check.h"

namespace {

const refrain::Scanner& ShippedScanner() {
  static const refrain::Scanner* scanner = [] {
    std::vector<refrain::Diagnostic> diagnostics;
    auto rules = refrain::LoadRules({"rules"}, refrain::CompileOptions(), &diagnostics);
    if (!rules.ok()) std::abort();
    return refrain::Scanner::Create(std::move(*rules))->release();
  }();
  return *scanner;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  refrain::ReadOptions options;
  options.max_document_bytes = 1 << 20;
  refrain::DocumentReader reader(options);
  absl::StatusOr<refrain::Document> doc = reader.ParseText(
      "fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc.ok()) {
    FUZZ_CHECK(absl::IsInvalidArgument(doc.status()));
    FUZZ_CHECK(doc.status().message().rfind("fuzz.txt", 0) == 0);
    return 0;
  }
  std::vector<refrain::Mention> mentions;
  const size_t unrecorded = ShippedScanner().Scan(*doc, &mentions);
  const refrain::ScanOptions& limits = ShippedScanner().options();
  FUZZ_CHECK(mentions.size() <= limits.max_mentions_per_document);
  FUZZ_CHECK(unrecorded == 0 || mentions.size() >= limits.max_mentions_per_sentence);
  const std::string& text = doc->text();
  for (const refrain::Mention& m : mentions) {
    // A record's context is bounded by its hit, not by its sentence (the
    // window moves out by at most three bytes to whole characters).
    FUZZ_CHECK(m.sentence().size() <= m.text().size() + 2 * refrain::kContextBytes + 6);
    FUZZ_CHECK(m.begin() < m.end() && m.end() <= text.size());
    FUZZ_CHECK(m.text() == text.substr(m.begin(), m.end() - m.begin()));
    FUZZ_CHECK(m.sentence_begin() + m.sentence().size() <= text.size());
    FUZZ_CHECK(m.sentence() == text.substr(m.sentence_begin(), m.sentence().size()));
  }
  return 0;
}
