// `refrain rules test`: runs each claim's example sentences against its
// compiled patterns.
//
//   std::vector<Diagnostic> failures;
//   RuleTestSummary summary = TestRules(*rules, &failures);
//   // each failure: "rules/x.textproto:40:5: error: claim 'id': example does not match: ..."
#ifndef REFRAIN_ENGINE_RULES_RULE_TESTER_H_
#define REFRAIN_ENGINE_RULES_RULE_TESTER_H_

#include <vector>

#include "engine/rules/compiled_rules.h"
#include "engine/rules/diagnostic.h"

namespace refrain {

struct RuleTestSummary {
  int claims = 0;    // claims tested
  int examples = 0;  // examples and counterexamples run
  int failures = 0;  // of those, how many failed
};

// Runs every `example` (must produce a hit carrying the expected slots) and
// `counterexample` (must produce no hit) of every claim in `rules`, each
// text taken as one sentence. Appends one error per failure to `failures`,
// located at the example in its rule file.
RuleTestSummary TestRules(const CompiledRules& rules,
                          std::vector<Diagnostic>* failures);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_RULES_RULE_TESTER_H_
