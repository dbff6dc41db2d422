#include "engine/cli/store_flags.h"

#include "absl/strings/numbers.h"
#include "engine/cli/exit_code.h"
#include "engine/text/escape.h"

namespace refrain {

// Opens the store named by --db; prints why not and returns null, with the
// exit code in `*code`: usage errors (no --db, not a store) or 1 (damaged,
// unreadable).
std::unique_ptr<ClaimStore> OpenStore(const Args& args, bool create, std::ostream& err,
                                      int* code) {
  *code = kExitUsage;
  if (!args.Has("db")) {
    err << "refrain: needs --db=FILE (the claim store)\n";
    return nullptr;
  }
  StoreOptions options;
  options.create_if_missing = create;
  options.read_only = !create;
  if (args.Has("busy-timeout")) {
    double seconds;
    if (!absl::SimpleAtod(args.Get("busy-timeout"), &seconds) || seconds < 0) {
      err << "refrain: --busy-timeout wants seconds, got '"
          << EscapeControls(args.Get("busy-timeout"))
          << "'\n";
      return nullptr;
    }
    options.busy_timeout_ms = static_cast<int>(seconds * 1000);
  }
  absl::StatusOr<std::unique_ptr<ClaimStore>> store =
      ClaimStore::Open(args.Get("db"), options);
  if (!store.ok()) {
    err << "refrain: " << EscapeControls(store.status().message()) << "\n";
    if (!absl::IsNotFound(store.status()) && !absl::IsFailedPrecondition(store.status())) {
      *code = kExitFindings;
    }
    return nullptr;
  }
  *code = kExitOk;
  return std::move(*store);
}

absl::StatusOr<bool> MentionSource::Next(Mention* mention) {
  absl::StatusOr<bool> more = reader_.Next(mention);
  if (absl::Status limit = limited_.status(name_); !limit.ok()) return limit;
  return more;
}

}  // namespace refrain
