// Helpers shared by refrain's tests (test-only; never linked into the
// engine).
#ifndef REFRAIN_TESTS_TESTING_TESTING_H_
#define REFRAIN_TESTS_TESTING_TESTING_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/rules/compiled_rules.h"
#include "engine/match/scanner.h"
#include "engine/rules/diagnostic.h"
#include "proto/document.pb.h"

namespace refrain {
namespace testing {

// The `../shared` folder (sample corpus, claims.md), from the REFRAIN_SHARED
// environment variable that tools/test.sh passes; nullopt when unset.
std::optional<std::string> SharedDir();

// Whether the tests run under CI (the environment variable CI is "true"),
// where nothing may be skipped for want of ../shared.
bool UnderCi();

// Skips the rest of the test when REFRAIN_SHARED is not set; under CI,
// fails instead. `why` says what goes untested.
#define REFRAIN_REQUIRE_SHARED(why)                                       \
  do {                                                                    \
    if (!::refrain::testing::SharedDir()) {                               \
      if (::refrain::testing::UnderCi()) {                                \
        FAIL() << "REFRAIN_SHARED is not set under CI: " << (why);        \
      }                                                                   \
      GTEST_SKIP() << "REFRAIN_SHARED is not set: " << (why);             \
    }                                                                     \
  } while (false)

// The articles (*.txt) in `dir`, in name order, read with the real reader;
// fails the test for any it cannot read.
std::vector<Document> ReadArticles(const std::string& dir);

// The project's own corpus of invented articles (tests/testdata/corpus),
// which every clone has.
std::vector<Document> ProjectCorpus();

// The UTF-8 form of code point `cp`, unchecked (surrogates are encoded
// too), for tests that walk every code point.
std::string EncodeUtf8(uint32_t cp);

// A path named `name` in the test's temporary directory, with no file there
// nor an SQLite store's -wal and -shm files beside it.
std::string TempStorePath(const std::string& name);

// Reads a whole file; fails the test (and returns "") when it cannot.
std::string ReadFileOrDie(const std::string& path);

// Parses `text` as a rule file named `path` and compiles it alone.
// Every diagnostic is appended to `diagnostics` when it is not null.
absl::StatusOr<std::unique_ptr<const CompiledRules>> CompileText(
    const std::string& text, std::vector<Diagnostic>* diagnostics = nullptr,
    const std::string& path = "test.textproto");

// A small rule set: "partner" (X is Y's largest partner, X and Y China or
// Vietnam, captured as `a` and `b`) and "comrades" (comrades and brothers).
extern const char kSmallRules[];

// A scanner over `rules_text` compiled alone; fails the test (and returns
// null) when it does not compile.
std::unique_ptr<Scanner> ScannerFor(const std::string& rules_text,
                                    const ScanOptions& options = {});

// `d.ToString()` of each diagnostic.
std::vector<std::string> ToStrings(const std::vector<Diagnostic>& diagnostics);

// The hits of `claim` in `sentence`, each as its matched text.
std::vector<std::string> HitTexts(const CompiledClaim& claim,
                                  const std::string& sentence);

}  // namespace testing
}  // namespace refrain

#endif  // REFRAIN_TESTS_TESTING_TESTING_H_
