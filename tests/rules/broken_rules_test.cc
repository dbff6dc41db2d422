// Feeds the rule checker (engine/rules/rule_compiler.h) files with one
// mistake each kind, and asserts the exact place and message of each error.
#include <string>
#include <vector>

#include "engine/rules/rule_compiler.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

using ::testing::ElementsAre;

constexpr char kDir[] = "tests/testdata/rules/broken";

std::vector<std::string> ErrorsIn(const std::vector<std::string>& paths,
                                  absl::Status* status) {
  std::vector<Diagnostic> diagnostics;
  *status = LoadRules(paths, CompileOptions(), &diagnostics).status();
  std::vector<std::string> errors;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) errors.push_back(d.ToString());
  }
  return errors;
}

TEST(BrokenRules, ReportsEveryErrorWithFileLineAndColumn) {
  absl::Status status;
  const std::string f = std::string(kDir) + "/semantic_errors.textproto:";
  EXPECT_THAT(
      ErrorsIn({std::string(kDir) + "/semantic_errors.textproto"}, &status),
      ElementsAre(
          f + "5:11: error: lexicon {VIETNAM} is defined twice (first at " + kDir +
              "/semantic_errors.textproto:4:11)",
          f + "6:33: error: lexicon {LOOP} refers to itself: {LOOP} -> {LOOP}",
          f + "7:29: error: lexicon {CAPTURING} term has a named capture 'who'; "
              "captures belong in patterns, around the {CAPTURING} reference",
          f + "9:37: error: claim 'invalid_re2': invalid RE2 pattern: missing ): "
              "largest (trading partner",
          f + "10:52: error: claim 'undefined_lexicon': undefined lexicon {VIETAM}",
          f + "11:58: error: claim 'capture_twice': capture name 'who' is used "
              "twice in one pattern",
          f + "12:27: error: claim 'empty_match': pattern can match the empty "
              "string; make sure some part of it is not optional (look for `?`, "
              "`*` or an empty alternative)",
          f + "13:25: error: claim 'too_large': pattern is too large: it needs "
              "more than RE2's memory budget of 8388608 bytes; split it into "
              "several patterns or use fewer repetitions",
          f + "14:35: error: claim 'backspace': control character U+0008 in "
              "pattern; the text format read \"\\b\" as a backspace: write "
              "\"\\\\b\" for RE2's word boundary",
          f + "20:3: error: claim 'bad_slot': example expects slot 'ranking', but "
              "no pattern captures it (captures: rank)",
          f + "21:3: error: claim 'bad_slot': counterexample cannot expect slots: "
              "it must not match at all",
          f + "23:9: error: claim 'Bad-Id': claim id must be lower case letters, "
              "digits and '_', starting with a letter",
          f + "24:9: error: claim 'invalid_re2': duplicate claim id (first "
              "defined at " + kDir + "/semantic_errors.textproto:9:9)",
          f + "25:9: error: claim 'no_pattern': claim has no `pattern`"));
  EXPECT_TRUE(absl::IsInvalidArgument(status));
  EXPECT_EQ(status.message(), "14 errors in rule files");
}

TEST(BrokenRules, ReportsSyntaxErrorAtItsPlace) {
  absl::Status status;
  EXPECT_THAT(ErrorsIn({std::string(kDir) + "/syntax_error.textproto"}, &status),
              ElementsAre(std::string(kDir) +
                          "/syntax_error.textproto:5:36: error: String literals "
                          "cannot cross line boundaries."));
  EXPECT_TRUE(absl::IsInvalidArgument(status));
}

TEST(BrokenRules, SuggestsTheFieldAnUnknownNameWasMeantToBe) {
  absl::Status status;
  EXPECT_THAT(ErrorsIn({std::string(kDir) + "/unknown_field.textproto"}, &status),
              ElementsAre(std::string(kDir) +
                          "/unknown_field.textproto:5:9: error: Message type "
                          "\"refrain.Claim\" has no field named \"patern\". Did "
                          "you mean \"pattern\"?"));
}

TEST(BrokenRules, RejectsClaimIdDefinedInTwoFiles) {
  absl::Status status;
  EXPECT_THAT(ErrorsIn({std::string(kDir) + "/duplicate_a.textproto",
                        std::string(kDir) + "/duplicate_b.textproto"},
                       &status),
              ElementsAre(std::string(kDir) +
                          "/duplicate_b.textproto:4:3: error: claim 'shared_id': "
                          "duplicate claim id (first defined at " + kDir +
                          "/duplicate_a.textproto:4:3)"));
  // Each file alone is fine.
  EXPECT_THAT(ErrorsIn({std::string(kDir) + "/duplicate_a.textproto"}, &status),
              ::testing::IsEmpty());
  EXPECT_TRUE(status.ok()) << status;
}

TEST(BrokenRules, DirectoryReportsAllFilesInSortedOrder) {
  absl::Status status;
  std::vector<std::string> errors = ErrorsIn({kDir}, &status);
  ASSERT_EQ(errors.size(), 17u);
  EXPECT_THAT(errors.front(), ::testing::StartsWith(std::string(kDir) +
                                                    "/duplicate_b.textproto:4:3:"));
  EXPECT_THAT(errors.back(), ::testing::StartsWith(std::string(kDir) +
                                                   "/unknown_field.textproto:5:9:"));
  EXPECT_EQ(status.message(), "17 errors in rule files");
}

TEST(BrokenRules, MissingPathIsNotFoundRatherThanARuleError) {
  absl::Status status;
  EXPECT_THAT(ErrorsIn({"tests/testdata/rules/no_such_file.textproto"}, &status),
              ::testing::IsEmpty());
  EXPECT_TRUE(absl::IsNotFound(status)) << status;
  EXPECT_EQ(status.message(),
            "tests/testdata/rules/no_such_file.textproto: no such file or "
            "directory");
}

}  // namespace
}  // namespace refrain
