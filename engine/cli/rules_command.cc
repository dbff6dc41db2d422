// refrain rules check|test
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/cli/cli.h"
#include "engine/cli/cli_message.h"
#include "engine/cli/commands.h"
#include "engine/cli/exit_code.h"
#include "engine/cli/flags.h"
#include "engine/cli/options_from_flags.h"
#include "engine/rules/pattern.h"
#include "engine/rules/rule_tester.h"
#include "engine/text/escape.h"
#include "engine/util/status_macros.h"

namespace refrain {
namespace {

// Prints what each pattern of `claim` expands to (ExpandPattern): one line
// per order of a {near N} pattern, under a line naming the pattern.
void PrintExpansions(const Claim& claim, std::ostream& out) {
  const std::pair<const char*, const google::protobuf::RepeatedPtrField<std::string>*>
      kinds[] = {{"pattern", &claim.pattern()},
                 {"exclude", &claim.exclude()},
                 {"exclude_overlap", &claim.exclude_overlap()},
                 {"require", &claim.require()},
                 {"anchor", &claim.anchor()}};
  for (const auto& [kind, patterns] : kinds) {
    for (int i = 0; i < patterns->size(); ++i) {
      const std::vector<std::string> lines = ExpandPattern(patterns->Get(i));
      out << kind << " " << i << ": " << EscapeControls(patterns->Get(i))
          << "\n";
      if (lines.size() == 1 && lines[0] == patterns->Get(i)) continue;
      for (const std::string& line : lines) {
        out << "  = " << EscapeControls(line) << "\n";
      }
    }
  }
}

// refrain rules check (`check`) or test.
absl::Status RunRules(const Args& args, bool check, std::ostream& out, std::ostream& err) {
  if (args.positional.empty()) {
    return UsageError("no rule files given (see 'refrain help')");
  }
  ASSIGN_OR_RETURN(const std::unique_ptr<Engine> engine,
                   EngineFromPaths(args.positional, args, err));
  const CompiledRules* rules = &engine->rules();

  if (check) {
    for (const auto& rule_set : rules->rule_sets()) {
      out << EscapeControls(rule_set->source().path) << ": rule set '" << rule_set->name()
          << "'" << (rule_set->version().empty() ? "" : " version ")
          << EscapeControls(rule_set->version()) << ", " << rule_set->claims().size()
          << " claims, fingerprint " << rule_set->fingerprint() << "\n";
    }
    out << "ok: " << rules->rule_sets().size() << " rule file(s), "
        << rules->claim_count() << " claims, no errors\n";
    if (args.Has("expand")) {
      const CompiledClaim* claim = rules->FindClaim(args.Get("expand"));
      if (claim == nullptr) {
        return UsageError(absl::StrCat("--expand: no claim '", args.Get("expand"),
                                       "' in the rules"));
      }
      PrintExpansions(claim->claim(), out);
    }
    return absl::OkStatus();
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
  for (const Diagnostic& f : failures) err << CliDiagnostic(f) << "\n";
  out << summary.claims << " claims, " << summary.examples << " examples, "
      << summary.failures << " failed\n";
  return summary.failures == 0 ? absl::OkStatus() : ReportedFindings();
}

absl::Status RunRulesCheck(const Args& args, std::ostream& out, std::ostream& err) {
  return RunRules(args, /*check=*/true, out, err);
}

absl::Status RunRulesTest(const Args& args, std::ostream& out, std::ostream& err) {
  return RunRules(args, /*check=*/false, out, err);
}

}  // namespace

Command RulesCheckCommand() {
  return {"rules check", R"(  refrain rules check [--expand=CLAIM] [RULE OPTIONS] PATH...
      Load and compile rule files (a directory means every *.textproto in
      it) and report every error as file:line:col. --expand prints what
      each pattern of CLAIM expands to ({~word} forms, {near N} orders).
)",
          Join({Flag::Text("expand", "CLAIM", "print what each pattern of CLAIM expands to")},
               RuleFlags()),
          RunRulesCheck};
}

Command RulesTestCommand() { return {"rules test", R"(  refrain rules test [RULE OPTIONS] PATH...
      Check the rule files, then run each claim's examples (must match)
      and counterexamples (must not match).
)", RuleFlags(), RunRulesTest}; }

}  // namespace refrain
