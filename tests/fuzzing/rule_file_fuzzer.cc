// Fuzzes the rule-file loader, compiler and example runner with arbitrary
// text: it must report diagnostics, never crash, hang or exhaust memory.
#include <cstdint>
#include <string>

#include "engine/rules/rule_compiler.h"
#include "engine/rules/rule_tester.h"
#include "tests/fuzzing/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 << 10) return 0;  // rule files are small; keep runs fast
  std::vector<refrain::Diagnostic> diagnostics;
  absl::StatusOr<refrain::RuleFile> file = refrain::ParseRuleFile(
      "fuzz.textproto", std::string(reinterpret_cast<const char*>(data), size), &diagnostics);
  if (!file.ok()) {
    FUZZ_CHECK(refrain::CountErrors(diagnostics) > 0);
    return 0;
  }
  std::vector<refrain::RuleFile> files;
  files.push_back(std::move(*file));
  refrain::CompileOptions options;
  options.max_pattern_memory = 1 << 20;
  auto rules = refrain::CompileRules(std::move(files), options, &diagnostics);
  for (const refrain::Diagnostic& d : diagnostics) FUZZ_CHECK(!d.message.empty());
  if (!rules.ok()) {
    FUZZ_CHECK(refrain::CountErrors(diagnostics) > 0);
    return 0;
  }
  std::vector<refrain::Diagnostic> failures;
  refrain::TestRules(**rules, &failures);
  return 0;
}
