// The messages of the engine's libraries as the `refrain` tool prints them.
//
// Libraries say what is wrong in their own terms ("exceeds the limit of N
// bytes") and mark, with a status payload or `Diagnostic::kind`, what the
// problem is about; these functions add the flag or command a user of the
// tool can act on, and escape control characters:
//
//   err << "refrain: " << CliMessage(status) << "\n";
//   err << CliDiagnostic(diagnostic) << "\n";
//
// Payloads read: kLimitPayload (document_reader.h) and kStoreProblemPayload
// (claim_store.h).
//
// Thread-safe: pure functions.
#ifndef REFRAIN_ENGINE_CLI_CLI_MESSAGE_H_
#define REFRAIN_ENGINE_CLI_CLI_MESSAGE_H_

#include <string>

#include "absl/status/status.h"
#include "engine/rules/diagnostic.h"

namespace refrain {

// The message of `status` with control characters escaped and the CLI's
// hint added where a payload asks for one.
std::string CliMessage(const absl::Status& status);

// `diagnostic.ToString()` with control characters escaped and the CLI's
// hint for its kind added.
std::string CliDiagnostic(const Diagnostic& diagnostic);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_CLI_MESSAGE_H_
