// refrain rules check|test
#include "engine/cli/cli.h"
#include "engine/cli/commands.h"
#include "engine/cli/flags.h"
#include "engine/rules/rule_tester.h"
#include "engine/text/escape.h"

namespace refrain {

int RulesCommand(const std::vector<std::string>& argv, std::ostream& out,
                 std::ostream& err) {
  const std::string& command = argv[1];
  Args args;
  if (!ParseArgs(argv, 2, kRuleValueFlags, kRuleBoolFlags, &args, err)) {
    return kExitUsage;
  }
  if (args.positional.empty()) {
    err << "refrain: no rule files given (see 'refrain help')\n";
    return kExitUsage;
  }
  int code;
  std::unique_ptr<Engine> engine = EngineFromPaths(args.positional, args, err, &code);
  if (engine == nullptr) return code;
  const CompiledRules* rules = &engine->rules();

  if (command == "check") {
    for (const auto& rule_set : rules->rule_sets()) {
      out << EscapeControls(rule_set->source().path) << ": rule set '" << rule_set->name()
          << "'" << (rule_set->version().empty() ? "" : " version ")
          << EscapeControls(rule_set->version()) << ", " << rule_set->claims().size()
          << " claims, fingerprint " << rule_set->fingerprint() << "\n";
    }
    out << "ok: " << rules->rule_sets().size() << " rule file(s), "
        << rules->claim_count() << " claims, no errors\n";
    return kExitOk;
  }

  std::vector<Diagnostic> failures;
  RuleTestSummary summary = TestRules(*rules, &failures);
  for (const auto& rule_set : rules->rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      int failed = 0;
      for (const Diagnostic& f : failures) failed += f.claim_id == claim.id();
      const int total =
          claim.claim().example_size() + claim.claim().counterexample_size();
      out << (failed ? "FAIL  " : "ok    ") << claim.id() << "  "
          << (total - failed) << "/" << total << " examples\n";
    }
  }
  for (const Diagnostic& f : failures) err << EscapeControls(f.ToString()) << "\n";
  out << summary.claims << " claims, " << summary.examples << " examples, "
      << summary.failures << " failed\n";
  return summary.failures == 0 ? kExitOk : kExitFindings;
}

}  // namespace refrain
