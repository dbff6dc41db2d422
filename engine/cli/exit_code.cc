#include "engine/cli/exit_code.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/cli/cli_message.h"
#include "engine/text/escape.h"

namespace refrain {
namespace {

// Whether `status` carries the payload kCliPayload = `value`.
bool Marked(const absl::Status& status, absl::string_view value) {
  const auto payload = status.GetPayload(kCliPayload);
  return payload.has_value() && *payload == value;
}

}  // namespace

absl::Status UsageError(absl::string_view message) {
  return UsageError(absl::InvalidArgumentError(message));
}

absl::Status UsageError(const absl::Status& cause) {
  absl::Status status = cause;
  status.SetPayload(kCliPayload, absl::Cord(kUsage));
  return status;
}

absl::Status ReportedFindings() {
  absl::Status status = absl::UnknownError("the problems were printed as they were found");
  status.SetPayload(kCliPayload, absl::Cord(kReported));
  return status;
}

absl::Status WithNote(absl::Status status, absl::string_view note) {
  // Each line escaped, so that none holds a newline: they are joined by one.
  std::string notes;
  if (const auto old = status.GetPayload(kCliNotePayload); old.has_value()) {
    notes = absl::StrCat(std::string(*old), "\n");
  }
  status.SetPayload(kCliNotePayload, absl::Cord(notes + EscapeControls(note)));
  return status;
}

int ExitCodeFor(const absl::Status& status) {
  if (status.ok()) return kExitOk;
  return Marked(status, kUsage) ? kExitUsage : kExitFindings;
}

std::string StatusText(const absl::Status& status) {
  if (status.ok()) return "";
  std::string text;
  if (!status.message().empty() && !Marked(status, kReported)) {
    text = absl::StrCat("refrain: ", CliMessage(status), "\n");
  }
  if (const auto payload = status.GetPayload(kCliNotePayload); payload.has_value()) {
    const std::string notes(*payload);
    for (absl::string_view note : absl::StrSplit(notes, '\n')) {
      absl::StrAppend(&text, "refrain: ", note, "\n");
    }
  }
  return text;
}

int PrintStatus(const absl::Status& status, std::ostream& err) {
  err << StatusText(status);
  return ExitCodeFor(status);
}

}  // namespace refrain
