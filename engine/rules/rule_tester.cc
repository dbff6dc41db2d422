#include "engine/rules/rule_tester.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace refrain {
namespace {

std::string Quote(absl::string_view s) { return absl::StrCat("\"", s, "\""); }

// Why `hit` lacks the slots `example` expects; empty when it has them all.
std::string SlotMismatch(const Example& example, const ClaimMatch& hit) {
  const std::map<std::string, std::string> slots = hit.SlotTexts(example.text());
  std::vector<std::string> problems;
  for (const auto& [slot, expected] : example.slot()) {
    auto it = slots.find(slot);
    if (it == slots.end()) {
      problems.push_back(absl::StrCat("slot '", slot, "' is missing (expected ",
                                      Quote(expected), ")"));
    } else if (it->second != expected) {
      problems.push_back(absl::StrCat("slot '", slot, "' is ", Quote(it->second),
                                      ", expected ", Quote(expected)));
    }
  }
  return absl::StrJoin(problems, "; ");
}

}  // namespace

RuleTestSummary TestRules(const CompiledRules& rules,
                          std::vector<Diagnostic>* failures) {
  RuleTestSummary summary;
  for (const auto& rule_set : rules.rule_sets()) {
    const RuleFile& file = rule_set->source();
    const FieldLocator root = RootLocator(file);
    for (const CompiledClaim& claim : rule_set->claims()) {
      ++summary.claims;
      const FieldLocator at = root.Nested("claim", claim.index());
      auto fail = [&](const char* field, int i, std::string message) {
        ++summary.failures;
        SourceLocation where = at.Field(field, i);
        Diagnostic d;
        d.file = file.path;
        d.line = where.line;
        d.column = where.column;
        d.claim_id = claim.id();
        d.message = std::move(message);
        failures->push_back(std::move(d));
      };

      for (int i = 0; i < claim.claim().example_size(); ++i) {
        ++summary.examples;
        const Example& example = claim.claim().example(i);
        std::vector<ClaimMatch> hits;
        rules.MatchNormalized(claim, example.text(), &hits);
        if (hits.empty()) {
          fail("example", i,
               absl::StrCat("example does not match: ", Quote(example.text())));
          continue;
        }
        std::string mismatch;
        for (const ClaimMatch& hit : hits) {
          std::string why = SlotMismatch(example, hit);
          if (why.empty()) {
            mismatch.clear();
            break;
          }
          if (mismatch.empty()) mismatch = why;
        }
        if (!mismatch.empty()) {
          fail("example", i,
               absl::StrCat("example matches, but ", mismatch, ": ",
                            Quote(example.text())));
        }
      }

      for (int i = 0; i < claim.claim().counterexample_size(); ++i) {
        ++summary.examples;
        const Example& example = claim.claim().counterexample(i);
        std::vector<ClaimMatch> hits;
        rules.MatchNormalized(claim, example.text(), &hits);
        if (!hits.empty()) {
          const ClaimMatch& hit = hits.front();
          fail("counterexample", i,
               absl::StrCat("counterexample matches ",
                            Quote(absl::string_view(example.text())
                                      .substr(hit.begin, hit.end - hit.begin)),
                            " (pattern ", hit.pattern_index + 1,
                            "): ", Quote(example.text())));
        }
      }
    }
  }
  return summary;
}

}  // namespace refrain
