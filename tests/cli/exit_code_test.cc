// Tests of engine/cli/exit_code.h: each kind of status a command returns
// becomes its exit code, and RunCli prints exactly what it says.
#include "engine/cli/exit_code.h"

#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "engine/store/claim_store.h"
#include "engine/text/document_reader.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

// The exit code of `status` and what PrintStatus wrote for it.
std::pair<int, std::string> Printed(const absl::Status& status) {
  std::ostringstream err;
  const int code = PrintStatus(status, err);
  EXPECT_EQ(code, ExitCodeFor(status));
  EXPECT_EQ(err.str(), StatusText(status));
  return {code, err.str()};
}

TEST(ExitCode, OkExitsZeroAndPrintsNothing) {
  EXPECT_EQ(Printed(absl::OkStatus()), std::make_pair(0, std::string()));
}

TEST(ExitCode, UsageErrorExitsTwoWithItsMessage) {
  EXPECT_EQ(Printed(UsageError("scan needs --rules=PATH")),
            std::make_pair(2, std::string("refrain: scan needs --rules=PATH\n")));
  EXPECT_TRUE(absl::IsInvalidArgument(UsageError("x")));
}

TEST(ExitCode, UsageErrorOfACauseKeepsItsCodeMessageAndPayloads) {
  absl::Status cause = absl::NotFoundError("a.db: no such store; check the path");
  cause.SetPayload(kStoreProblemPayload, absl::Cord(kStoreLocked));
  const absl::Status usage = UsageError(cause);
  EXPECT_TRUE(absl::IsNotFound(usage));
  EXPECT_EQ(usage.message(), cause.message());
  // The store's payload still reaches CliMessage, which names the command.
  EXPECT_EQ(Printed(usage),
            std::make_pair(2, std::string("refrain: a.db: no such store (another "
                                          "`refrain ingest`?); check the path\n")));
}

TEST(ExitCode, AnyOtherErrorExitsOneWithItsMessageAsTheCliShowsIt) {
  absl::Status limit = absl::OutOfRangeError("big\x1b.txt: article exceeds the limit");
  limit.SetPayload(kLimitPayload, absl::Cord(kMaxDocumentBytes));
  EXPECT_EQ(Printed(limit),
            std::make_pair(1, std::string("refrain: big\\x1b.txt: article exceeds the "
                                          "limit (--max-document-bytes)\n")));
  EXPECT_EQ(Printed(absl::DataLossError("cannot write output")),
            std::make_pair(1, std::string("refrain: cannot write output\n")));
}

TEST(ExitCode, ReportedFindingsExitOneAndPrintNothing) {
  EXPECT_EQ(Printed(ReportedFindings()), std::make_pair(1, std::string()));
}

TEST(ExitCode, AnEmptyMessagePrintsNothing) {
  EXPECT_EQ(Printed(UsageError("")), std::make_pair(2, std::string()));
  EXPECT_EQ(Printed(absl::InternalError("")), std::make_pair(1, std::string()));
}

TEST(ExitCode, NotesFollowTheMessageEachOnItsOwnEscapedLine) {
  absl::Status status = WithNote(absl::DataLossError("s.db: damaged"), "3 imported into\na.db");
  status = WithNote(std::move(status), "then stopped");
  EXPECT_EQ(Printed(status),
            std::make_pair(1, std::string("refrain: s.db: damaged\n"
                                          "refrain: 3 imported into\\na.db\n"
                                          "refrain: then stopped\n")));
  // A note of a usage error keeps its exit code.
  EXPECT_EQ(Printed(WithNote(UsageError("bad"), "more")),
            std::make_pair(2, std::string("refrain: bad\nrefrain: more\n")));
}

TEST(ExitCode, NotesOfReportedFindingsAreStillPrinted) {
  EXPECT_EQ(Printed(WithNote(ReportedFindings(), "2 traps reported as claims")),
            std::make_pair(1, std::string("refrain: 2 traps reported as claims\n")));
}

}  // namespace
}  // namespace refrain
