// Tests of engine/cli/cli_message.h: the CLI adds its flags and commands to
// the libraries' messages, exactly where its output always had them.
#include "engine/cli/cli_message.h"

#include <string>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "engine/rules/diagnostic.h"
#include "engine/store/claim_store.h"
#include "engine/text/document_reader.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

absl::Status WithPayload(absl::Status status, const char* key, const char* value) {
  status.SetPayload(key, absl::Cord(value));
  return status;
}

TEST(CliMessage, NamesTheFlagOfTheDocumentLimit) {
  ReadOptions options;
  options.max_document_bytes = 10;
  const DocumentReader reader(options);
  EXPECT_EQ(CliMessage(reader.ParseText("a; b.txt", std::string(11, 'a')).status()),
            "a; b.txt: article of 11 bytes exceeds the limit of 10 bytes "
            "(--max-document-bytes)");
  EXPECT_EQ(CliMessage(reader.ParseJsonLine("f.jsonl", 2, std::string(11, ' ')).status()),
            "f.jsonl:2: line of 11 bytes exceeds the limit of 10 bytes "
            "(--max-document-bytes)");
}

TEST(CliMessage, NamesTheCommandsThatRebuildOrLockAStore) {
  EXPECT_EQ(CliMessage(WithPayload(
                absl::DataLossError("s.db: the store is damaged (database disk image "
                                    "is malformed); restore it from a backup or rebuild it"),
                kStoreProblemPayload, kStoreDamaged)),
            "s.db: the store is damaged (database disk image is malformed); restore "
            "it from a backup or rebuild it with `refrain import`");
  EXPECT_EQ(CliMessage(WithPayload(
                absl::UnavailableError("a; b.db: locked by another writer; try again "
                                       "when it is done"),
                kStoreProblemPayload, kStoreLocked)),
            "a; b.db: locked by another writer (another `refrain ingest`?); try again "
            "when it is done");
}

TEST(CliMessage, LeavesOtherMessagesAloneButEscaped) {
  EXPECT_EQ(CliMessage(absl::NotFoundError("a\x1b.txt: no such file")),
            "a\\x1b.txt: no such file");
  EXPECT_EQ(CliMessage(absl::OutOfRangeError("x: 3 bytes exceeds the limit of 2 bytes")),
            "x: 3 bytes exceeds the limit of 2 bytes");
}

TEST(CliDiagnostic, AddsTheFlagAndCommandForItsKind) {
  Diagnostic d;
  d.file = "r.textproto";
  d.line = 3;
  d.column = 9;
  d.claim_id = "a";
  d.message = "claim needs both `example` and `counterexample` sentences";
  d.severity = Diagnostic::Severity::kWarning;
  d.kind = Diagnostic::Kind::kUntestedClaim;
  EXPECT_EQ(CliDiagnostic(d),
            "r.textproto:3:9: warning: claim 'a': claim needs both `example` and "
            "`counterexample` sentences for `refrain rules test` to check it");

  d.severity = Diagnostic::Severity::kError;
  d.message = "pattern is too large: it needs more than RE2's memory budget of 64 "
              "bytes; split it into several patterns or use fewer repetitions";
  d.kind = Diagnostic::Kind::kPatternTooLarge;
  EXPECT_EQ(CliDiagnostic(d),
            "r.textproto:3:9: error: claim 'a': pattern is too large: it needs more "
            "than RE2's memory budget of 64 bytes (--max-pattern-memory); split it "
            "into several patterns or use fewer repetitions");

  d.kind = Diagnostic::Kind::kOther;
  EXPECT_EQ(CliDiagnostic(d), d.ToString());
}

}  // namespace
}  // namespace refrain
