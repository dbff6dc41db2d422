#include "engine/cli/cli_message.h"

#include "absl/strings/cord.h"
#include "absl/strings/string_view.h"
#include "engine/store/claim_store.h"
#include "engine/text/document_reader.h"
#include "engine/text/escape.h"

namespace refrain {
namespace {

// `message` with `hint` inserted before its last "; ", where the library's
// advice follows the problem. Only for messages that end with such advice
// (a path earlier in the message may hold "; " too).
std::string BeforeAdvice(absl::string_view message, absl::string_view hint) {
  const size_t advice = message.rfind("; ");
  std::string out(message);
  out.insert(advice == absl::string_view::npos ? out.size() : advice, hint.data(),
             hint.size());
  return out;
}

// The payload `key` of `status` as a string; empty when it has none.
std::string Payload(const absl::Status& status, absl::string_view key) {
  const auto value = status.GetPayload(key);
  return value.has_value() ? std::string(*value) : std::string();
}

}  // namespace

std::string CliMessage(const absl::Status& status) {
  std::string message(status.message());
  if (Payload(status, kLimitPayload) == kMaxDocumentBytes) {
    message += " (--max-document-bytes)";
  }
  const std::string store = Payload(status, kStoreProblemPayload);
  if (store == kStoreDamaged) {
    message += " with `refrain import`";
  } else if (store == kStoreLocked) {
    message = BeforeAdvice(message, " (another `refrain ingest`?)");
  }
  return EscapeControls(message);
}

std::string CliDiagnostic(const Diagnostic& diagnostic) {
  std::string line = diagnostic.ToString();
  switch (diagnostic.kind) {
    case Diagnostic::Kind::kPatternTooLarge:
      line = BeforeAdvice(line, " (--max-pattern-memory)");
      break;
    case Diagnostic::Kind::kUntestedClaim:
      line += " for `refrain rules test` to check it";
      break;
    case Diagnostic::Kind::kOther:
      break;
  }
  return EscapeControls(line);
}

}  // namespace refrain
