#include "engine/cli/store_flags.h"

#include <algorithm>
#include <limits>

#include "engine/cli/exit_code.h"

namespace refrain {

Flag DbFlag() { return Flag::Text("db", "FILE", "the claim store (an SQLite database)"); }

Flag BusyTimeoutFlag() {
  return Flag::Real("busy-timeout", "SECONDS",
                    "wait this long for another writer of the store (10)", 0,
                    std::numeric_limits<double>::infinity(), "seconds");
}

absl::StatusOr<std::unique_ptr<ClaimStore>> OpenStore(const Args& args, bool create) {
  if (!args.Has("db")) return UsageError("needs --db=FILE (the claim store)");
  StoreOptions options;
  options.create_if_missing = create;
  options.read_only = !create;
  const double ms = args.Real("busy-timeout", options.busy_timeout_ms / 1000.0) * 1000;
  options.busy_timeout_ms = static_cast<int>(std::min(ms, double{std::numeric_limits<int>::max()}));
  absl::StatusOr<std::unique_ptr<ClaimStore>> store =
      ClaimStore::Open(args.Get("db"), options);
  if (absl::IsNotFound(store.status()) || absl::IsFailedPrecondition(store.status())) {
    return UsageError(store.status());
  }
  return store;
}

absl::StatusOr<bool> MentionSource::Next(Mention* mention) {
  absl::StatusOr<bool> more = reader_.Next(mention);
  if (absl::Status limit = limited_.status(name_); !limit.ok()) return limit;
  return more;
}

}  // namespace refrain
