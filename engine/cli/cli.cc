#include "engine/cli/cli.h"

#include <cstdlib>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/rules/rule_compiler.h"
#include "engine/rules/rule_tester.h"

namespace refrain {
namespace {

constexpr char kUsage[] = R"(refrain: find recurring claims in news articles

usage:
  refrain rules check [--max-pattern-memory=BYTES] PATH...
      Load and compile rule files (a directory means every *.textproto in
      it) and report every error as file:line:col.
  refrain rules test [--max-pattern-memory=BYTES] PATH...
      Check the rule files, then run each claim's examples (must match)
      and counterexamples (must not match).
  refrain help

exit codes: 0 all good, 1 rule errors or failing examples, 2 usage errors
)";

// Options and positional arguments of one command.
struct Parsed {
  CompileOptions compile;
  std::vector<std::string> paths;
};

bool ParseArgs(const std::vector<std::string>& args, size_t first,
               Parsed* parsed, std::ostream& err) {
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!absl::StartsWith(arg, "--") || arg == "--") {
      parsed->paths.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    }
    if (name == "max-pattern-memory") {
      if (!absl::SimpleAtoi(value, &parsed->compile.max_pattern_memory) ||
          parsed->compile.max_pattern_memory <= 0) {
        err << "refrain: --max-pattern-memory wants a positive number of "
               "bytes, got '" << value << "'\n";
        return false;
      }
    } else {
      err << "refrain: unknown flag --" << name << " (see 'refrain help')\n";
      return false;
    }
  }
  if (parsed->paths.empty()) {
    err << "refrain: no rule files given (see 'refrain help')\n";
    return false;
  }
  return true;
}

// Loads and compiles; prints every diagnostic. Returns null (with the exit
// code in `*code`) when the rules cannot be used.
std::unique_ptr<const CompiledRules> CheckRules(const Parsed& parsed,
                                                std::ostream& err, int* code) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::unique_ptr<const CompiledRules>> rules =
      LoadRules(parsed.paths, parsed.compile, &diagnostics);
  for (const Diagnostic& d : diagnostics) err << d.ToString() << "\n";
  if (!rules.ok()) {
    if (absl::IsInvalidArgument(rules.status())) {
      err << "refrain: " << rules.status().message() << "\n";
      *code = kExitFindings;
    } else {
      err << "refrain: " << rules.status().message() << "\n";
      *code = kExitUsage;
    }
    return nullptr;
  }
  *code = kExitOk;
  return std::move(*rules);
}

int RulesCheck(const Parsed& parsed, std::ostream& out, std::ostream& err) {
  int code;
  std::unique_ptr<const CompiledRules> rules = CheckRules(parsed, err, &code);
  if (rules == nullptr) return code;
  for (const auto& rule_set : rules->rule_sets()) {
    out << rule_set->source().path << ": rule set '" << rule_set->name()
        << "'" << (rule_set->version().empty() ? "" : " version ")
        << rule_set->version() << ", " << rule_set->claims().size()
        << " claims, fingerprint " << rule_set->fingerprint() << "\n";
  }
  out << "ok: " << rules->rule_sets().size() << " rule file(s), "
      << rules->claim_count() << " claims, no errors\n";
  return kExitOk;
}

int RulesTest(const Parsed& parsed, std::ostream& out, std::ostream& err) {
  int code;
  std::unique_ptr<const CompiledRules> rules = CheckRules(parsed, err, &code);
  if (rules == nullptr) return code;
  std::vector<Diagnostic> failures;
  RuleTestSummary summary = TestRules(*rules, &failures);
  for (const auto& rule_set : rules->rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      int failed = 0;
      for (const Diagnostic& f : failures) failed += f.claim_id == claim.id();
      const int total = claim.claim().example_size() +
                        claim.claim().counterexample_size();
      out << (failed ? "FAIL  " : "ok    ") << claim.id() << "  "
          << (total - failed) << "/" << total << " examples\n";
    }
  }
  for (const Diagnostic& f : failures) err << f.ToString() << "\n";
  out << summary.claims << " claims, " << summary.examples << " examples, "
      << summary.failures << " failed\n";
  return summary.failures == 0 ? kExitOk : kExitFindings;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return kExitUsage;
  }
  if (args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    out << kUsage;
    return kExitOk;
  }
  if (args[0] == "rules" && args.size() >= 2 &&
      (args[1] == "check" || args[1] == "test")) {
    Parsed parsed;
    if (!ParseArgs(args, 2, &parsed, err)) return kExitUsage;
    return args[1] == "check" ? RulesCheck(parsed, out, err)
                              : RulesTest(parsed, out, err);
  }
  err << "refrain: unknown command '" << args[0]
      << (args.size() >= 2 && args[0] == "rules" ? " " + args[1] : "")
      << "'\n\n" << kUsage;
  return kExitUsage;
}

}  // namespace refrain
