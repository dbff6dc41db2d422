// A problem found in a rule file, with the place it was found.
//
// Rule files are checked like code: every problem is reported at once, each
// as one line a terminal or editor can jump to:
//
//   rules/cv.textproto:12:14: error: claim 'largest_partner': undefined lexicon {VIETAM}
#ifndef REFRAIN_ENGINE_RULES_DIAGNOSTIC_H_
#define REFRAIN_ENGINE_RULES_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace refrain {

struct Diagnostic {
  enum class Severity { kError, kWarning };

  Severity severity = Severity::kError;
  std::string file;      // as given by the user
  int line = 0;          // 1-based; 0 when unknown
  int column = 0;        // 1-based; 0 when unknown
  std::string claim_id;  // empty when the problem is not in a claim
  std::string message;
  // What the problem is about, for a caller that adds advice in its own
  // terms (the CLI names its flag or command); `message` is complete
  // without it.
  enum class Kind {
    kOther,
    kPatternTooLarge,  // over CompileOptions::max_pattern_memory
    kUntestedClaim,    // a claim without example or counterexample sentences
  };
  Kind kind = Kind::kOther;

  // "file:line:col: error: claim 'id': message"; the parts that are
  // unknown are left out.
  std::string ToString() const;
};

// Number of diagnostics of severity kError.
int CountErrors(const std::vector<Diagnostic>& diagnostics);

// Sorts [begin, end) by file, line and column, keeping the order of
// diagnostics at the same place.
void SortDiagnostics(std::vector<Diagnostic>::iterator begin,
                     std::vector<Diagnostic>::iterator end);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_RULES_DIAGNOSTIC_H_
