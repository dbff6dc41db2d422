// The rule compiler: turns rule files into `CompiledRules`, reporting every
// problem at once with the file, line and column where it was written.
//
//   std::vector<Diagnostic> diagnostics;
//   absl::StatusOr<std::unique_ptr<const CompiledRules>> rules =
//       LoadRules({"rules/"}, CompileOptions(), &diagnostics);
//   for (const Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
//   if (!rules.ok()) return ...;
//
// Compiled patterns are case-insensitive, match at word boundaries, and are
// otherwise RE2 syntax with the conveniences described in pattern.h.
#ifndef REFRAIN_ENGINE_RULES_RULE_COMPILER_H_
#define REFRAIN_ENGINE_RULES_RULE_COMPILER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/rules/compiled_rules.h"
#include "engine/rules/diagnostic.h"
#include "engine/rules/rule_loader.h"

namespace refrain {

struct CompileOptions {
  // RE2's memory budget for each compiled pattern, in bytes. A pattern
  // that needs more is an error. Default: 8 MiB, RE2's own default.
  int64_t max_pattern_memory = 8 << 20;
  // Match without diacritics: patterns and text are both folded, so
  // "Viet Nam" matches "Việt Nam" and "Da Nang" matches "Đà Nẵng". Records
  // still carry the original text. Default: false (text is only put in NFC).
  bool fold_diacritics = false;
};

// Compiles `files`, which are loaded together: claim ids must be unique
// across them. Appends every error and warning to `diagnostics`. Returns
// InvalidArgument when there is at least one error.
absl::StatusOr<std::unique_ptr<const CompiledRules>> CompileRules(
    std::vector<RuleFile> files, const CompileOptions& options,
    std::vector<Diagnostic>* diagnostics);

// Lists (see ListRuleFiles), loads and compiles the rule files at `paths`.
// Returns InvalidArgument when the files hold errors, all of them appended
// to `diagnostics`; any other error code (NotFound, PermissionDenied,
// FailedPrecondition) means a path could not be read, and names it.
absl::StatusOr<std::unique_ptr<const CompiledRules>> LoadRules(
    const std::vector<std::string>& paths, const CompileOptions& options,
    std::vector<Diagnostic>* diagnostics);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_RULES_RULE_COMPILER_H_
