// The claim store and mention streams, as the commands name them: opening
// the store of --db, reading a mention stream (import, diff --mentions).
#ifndef REFRAIN_ENGINE_CLI_STORE_FLAGS_H_
#define REFRAIN_ENGINE_CLI_STORE_FLAGS_H_

#include <istream>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "engine/cli/flags.h"
#include "engine/store/claim_store.h"
#include "engine/store/mention_stream.h"
#include "engine/util/file_util.h"

namespace refrain {

// --db=FILE, the claim store; --busy-timeout=SECONDS, how long to wait for
// another writer (OpenStore reads both).
Flag DbFlag();
Flag BusyTimeoutFlag();

// Opens the claim store named by --db (and --busy-timeout): with `create`
// (the commands that write) creating it when missing, otherwise for
// reading only. Fails with a UsageError when there is no --db or it is not
// a store (ClaimStore::Open's NotFound, FailedPrecondition), and with
// ClaimStore::Open's error (exit 1) when it is damaged or unreadable.
absl::StatusOr<std::unique_ptr<ClaimStore>> OpenStore(const Args& args, bool create);


// Largest JSON line of a mention stream, in bytes: 256 MiB (a record holds
// its sentence, at most --max-sentence-bytes, 64 KiB by default).
inline constexpr size_t kMaxMentionLineBytes = 256 << 20;

// The records of a mention stream (import, diff --mentions): a
// MentionReader whose JSON lines are limited to kMaxMentionLineBytes as they
// are read, so an endless line ends with an error instead of filling memory.
class MentionSource {
 public:
  // Reads `format` from `in`, which it does not own; `name` names it in
  // messages.
  MentionSource(std::istream* in, MentionFormat format, const std::string& name)
      : limited_(in->rdbuf(), kMaxMentionLineBytes),
        limited_in_(&limited_),
        reader_(&limited_in_, format, name),
        name_(name) {}

  // MentionReader::Next, or OutOfRange ("name:line: line exceeds the limit
  // of N bytes").
  absl::StatusOr<bool> Next(Mention* mention);

 private:
  LineLimitedBuffer limited_;
  std::istream limited_in_;
  MentionReader reader_;
  const std::string name_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_STORE_FLAGS_H_
