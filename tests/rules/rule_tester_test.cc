// Tests of engine/rules/rule_tester.h.
#include "engine/rules/rule_tester.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::refrain::testing::CompileText;
using ::refrain::testing::ToStrings;
using ::testing::ElementsAre;

TEST(RuleTester, ReportsEachFailingExampleAtItsPlace) {
  auto rules = CompileText(
      "name: \"t\"\n"
      "claim {\n"
      "  id: \"rank\"\n"
      "  pattern: \"(?P<who>China) is (?P<rank>largest|biggest)\"\n"
      "  example { text: \"China is largest.\" slot { key: \"rank\" value: \"largest\" } }\n"
      "  example { text: \"China is top.\" }\n"
      "  example { text: \"China is biggest.\" slot { key: \"rank\" value: \"largest\" } }\n"
      "  counterexample { text: \"Vietnam is largest.\" }\n"
      "  counterexample { text: \"So China is biggest.\" }\n"
      "}\n");
  ASSERT_TRUE(rules.ok()) << rules.status();
  std::vector<Diagnostic> failures;
  RuleTestSummary summary = TestRules(**rules, &failures);
  EXPECT_EQ(summary.claims, 1);
  EXPECT_EQ(summary.examples, 5);
  EXPECT_EQ(summary.failures, 3);
  EXPECT_THAT(
      ToStrings(failures),
      ElementsAre(
          "test.textproto:6:3: error: claim 'rank': example does not match: "
          "\"China is top.\"",
          "test.textproto:7:3: error: claim 'rank': example matches, but slot "
          "'rank' is \"biggest\", expected \"largest\": \"China is biggest.\"",
          "test.textproto:9:3: error: claim 'rank': counterexample matches "
          "\"China is biggest\" (pattern 1): \"So China is biggest.\""));
}

TEST(RuleTester, AnyHitMayCarryTheExpectedSlots) {
  auto rules = CompileText(
      "name: \"t\"\n"
      "claim { id: \"c\" pattern: \"(?P<who>China|Vietnam) is largest\"\n"
      "  example { text: \"China is largest and Vietnam is largest.\"\n"
      "            slot { key: \"who\" value: \"Vietnam\" } }\n"
      "  counterexample { text: \"none\" } }\n");
  ASSERT_TRUE(rules.ok()) << rules.status();
  std::vector<Diagnostic> failures;
  EXPECT_EQ(TestRules(**rules, &failures).failures, 0);
}

}  // namespace
}  // namespace refrain
