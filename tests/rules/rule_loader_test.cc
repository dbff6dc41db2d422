// Tests of engine/rules/rule_loader.h.
#include "engine/rules/rule_loader.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/testing.h"

namespace refrain {
namespace {

using ::refrain::testing::ToStrings;
using ::testing::ElementsAre;

RuleFile Parse(const std::string& text) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<RuleFile> file = ParseRuleFile("t.textproto", text, &diagnostics);
  EXPECT_TRUE(file.ok()) << file.status();
  return file.ok() ? std::move(*file) : RuleFile();
}

TEST(RuleLoader, LocatesNestedRepeatedFields) {
  RuleFile file = Parse("name: \"t\"\nclaim {\n  id: \"a\"\n  pattern: \"x\"\n"
                        "  pattern: \"y\"\n}\nclaim { id: \"b\" }\n");
  FieldLocator root = RootLocator(file);
  EXPECT_EQ(root.Field("name").line, 1);
  FieldLocator first = root.Nested("claim", 0);
  EXPECT_EQ(first.Field("id").line, 3);
  EXPECT_EQ(first.Field("id").column, 3);
  EXPECT_EQ(first.Field("pattern", 1).line, 5);
  FieldLocator second = root.Nested("claim", 1);
  EXPECT_EQ(second.Field("id").line, 7);
  EXPECT_EQ(second.Field("id").column, 9);
  // Unknown or absent fields have no location.
  EXPECT_EQ(second.Field("pattern", 0).line, 0);
  EXPECT_EQ(second.Field("no_such_field").line, 0);
}

TEST(RuleLoader, LocatesBytesInsideStringValuesCountingEscapes) {
  // Value bytes: a, \, d, x, é (2 bytes), ", { at offsets 0..7 (the escapes \\ and \"
  // are one byte each; é is two bytes, and two columns, written as itself).
  RuleFile file = Parse("claim { pattern: \"a\\\\dxé\\\"{\" }");
  FieldLocator claim = RootLocator(file).Nested("claim", 0);
  ASSERT_EQ(file.rule_set.claim(0).pattern(0), "a\\dxé\"{");
  EXPECT_EQ(claim.InValue("pattern", 0, 0).column, 19);  // a
  EXPECT_EQ(claim.InValue("pattern", 0, 1).column, 20);  // "\\"
  EXPECT_EQ(claim.InValue("pattern", 0, 3).column, 23);  // x
  EXPECT_EQ(claim.InValue("pattern", 0, 6).column, 26);  // "\""
  EXPECT_EQ(claim.InValue("pattern", 0, 7).column, 28);  // {
  EXPECT_EQ(claim.InValue("pattern", 0, 8).column, 29);  // the closing quote
}

TEST(RuleLoader, LocatesBytesAcrossAdjacentStringLiterals) {
  RuleFile file = Parse("claim { pattern: \"ab\" 'cd' }");
  FieldLocator claim = RootLocator(file).Nested("claim", 0);
  EXPECT_EQ(claim.InValue("pattern", 0, 3).column, 25);  // d
}

TEST(RuleLoader, ReportsSyntaxErrorsAsDiagnostics) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<RuleFile> file =
      ParseRuleFile("t.textproto", "name: \"t\"\nclaim { id: 3 }", &diagnostics);
  EXPECT_TRUE(absl::IsInvalidArgument(file.status()));
  EXPECT_THAT(ToStrings(diagnostics),
              ElementsAre("t.textproto:2:13: error: Expected string, got: 3"));
}

TEST(RuleLoader, ListsRuleFilesOfDirectoriesSortedAndRecursively) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "list";
  fs::create_directories(dir / "sub");
  for (const char* name : {"b.textproto", "a.textproto", "notes.txt",
                           "sub/c.textproto"}) {
    std::ofstream(dir / name) << "name: \"x\"";
  }
  absl::StatusOr<std::vector<std::string>> files =
      ListRuleFiles({dir.string(), (dir / "notes.txt").string()});
  ASSERT_TRUE(files.ok()) << files.status();
  EXPECT_THAT(*files, ElementsAre((dir / "a.textproto").string(),
                                  (dir / "b.textproto").string(),
                                  (dir / "sub/c.textproto").string(),
                                  (dir / "notes.txt").string()));

  fs::create_directories(dir / "empty");
  EXPECT_TRUE(absl::IsNotFound(ListRuleFiles({(dir / "empty").string()}).status()));
  EXPECT_TRUE(absl::IsNotFound(ListRuleFiles({(dir / "missing").string()}).status()));
}

TEST(RuleLoader, UnreadableFileIsNotARuleError) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<RuleFile> file = LoadRuleFile("/nonexistent/x.textproto", &diagnostics);
  EXPECT_TRUE(absl::IsNotFound(file.status()));
  EXPECT_EQ(file.status().message(),
            "/nonexistent/x.textproto: cannot read: No such file or directory");
  EXPECT_TRUE(diagnostics.empty());

  file = LoadRuleFile(std::getenv("TEST_TMPDIR"), &diagnostics);
  EXPECT_TRUE(absl::IsFailedPrecondition(file.status())) << file.status();
}

}  // namespace
}  // namespace refrain
