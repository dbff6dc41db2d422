#include "engine/cli/store_flags.h"

#include <algorithm>
#include <limits>

#include "engine/cli/cli_message.h"
#include "engine/cli/exit_code.h"
#include "engine/text/escape.h"

namespace refrain {

Flag DbFlag() { return Flag::Text("db", "FILE", "the claim store (an SQLite database)"); }

Flag BusyTimeoutFlag() {
  return Flag::Real("busy-timeout", "SECONDS",
                    "wait this long for another writer of the store (10)", 0,
                    std::numeric_limits<double>::infinity(), "seconds");
}

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
  const double ms = args.Real("busy-timeout", options.busy_timeout_ms / 1000.0) * 1000;
  options.busy_timeout_ms = static_cast<int>(std::min(ms, double{std::numeric_limits<int>::max()}));
  absl::StatusOr<std::unique_ptr<ClaimStore>> store =
      ClaimStore::Open(args.Get("db"), options);
  if (!store.ok()) {
    err << "refrain: " << CliMessage(store.status()) << "\n";
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
