// The claim store: documents and their mentions in an SQLite database, grown
// day by day, never double-counting a document and never half-writing one.
//
//   absl::StatusOr<std::unique_ptr<ClaimStore>> store =
//       ClaimStore::Open("claims.db", StoreOptions());
//   absl::StatusOr<IngestOutcome> outcome = (*store)->Ingest(document, mentions);
//   (*store)->Query(query, [](const StoredMention& m) { ...; return absl::OkStatus(); });
//
// Each document is written in one transaction: after a crash, or `kill -9`,
// at any moment, every document is either fully in (with all its mentions)
// or fully out. The database runs in WAL mode, so readers see a consistent
// state while a writer works; a second writer waits up to
// `StoreOptions::busy_timeout_ms`, then fails with a clear message. The
// tables and guarantees are described in docs/store.md.
//
// A ClaimStore is one connection: use it from one thread at a time; open
// one per thread or process for concurrency. It owns its connection and is
// neither copyable nor movable (hold it by the unique_ptr Open returns).
//
// Everything SQLite (the connection, the prepared-statement cache, the
// statement wrapper) lives in the .cc, behind `Rep` (LevelDB's db.h over
// db_impl.h): a pimpl rather than an abstract interface, because there is
// one implementation and callers gain nothing from a virtual call, while the
// header stays free of sqlite3.h and of the store's private helpers.
#ifndef REFRAIN_ENGINE_STORE_CLAIM_STORE_H_
#define REFRAIN_ENGINE_STORE_CLAIM_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"
#include "proto/store.pb.h"

namespace refrain {

struct StoreOptions {
  // Create the database when the file does not exist. Default: true.
  bool create_if_missing = true;
  // Open for reading only (query, stats, export): nothing is written, so a
  // store that belongs to another user can be read. `create_if_missing`
  // is then ignored, and every writing call fails. Default: false.
  bool read_only = false;
  // How long to wait for another writer before giving up. Default: 10 s.
  int busy_timeout_ms = 10000;
};

enum class IngestOutcome {
  kAdded,      // a document not seen before
  kReplaced,   // a known document whose content changed: mentions replaced
  kUnchanged,  // the same content again: nothing written
};

// Which mentions `Query` returns; empty fields do not filter.
struct MentionQuery {
  std::string claim_id;
  std::string source;
  std::string since;  // dates compare as strings: "2024-10" >= "2024-10"
  std::string until;  // inclusive: "2024-10" also takes "2024-10-31"
  // (Mentions without a date are left out when `since` or `until` is set.)

  // Whether `mention` passes this filter: what `ClaimStore::Query` does in
  // SQL, for mentions read from a stream.
  bool Matches(const Mention& mention) const;
};

struct StoreStats {
  int64_t documents = 0;
  int64_t mentions = 0;
  // (claim id, source) -> mentions
  std::map<std::pair<std::string, std::string>, int64_t> by_claim_and_source;
  // (claim id, month "YYYY-MM", or the date as given when shorter) -> mentions
  std::map<std::pair<std::string, std::string>, int64_t> by_claim_and_month;
};

// What identifies a document's content in the store ("xxh3:" and 16 hex
// digits, of its deterministic serialisation): the same for the same
// document, so that ingesting it again changes nothing.
std::string ContentHash(const Document& document);

// A damaged store's DataLoss and a locked store's Unavailable error carry
// the payload kStoreProblemPayload = kStoreDamaged or kStoreLocked, so that
// a caller can add its own advice (the CLI names the command that rebuilds
// or writes a store) to the library's message.
inline constexpr char kStoreProblemPayload[] = "refrain.store";
inline constexpr char kStoreDamaged[] = "damaged";
inline constexpr char kStoreLocked[] = "locked";

// Turns off SQLite's allocation statistics for the whole process: SQLite
// otherwise counts every allocation under one global mutex, a tenth of the
// store writer's time in `refrain ingest`. Call it once at program start,
// before any thread uses SQLite (SQLite's configuration calls are not
// thread-safe); once SQLite has started it changes nothing. The refrain CLI
// calls it; a program embedding the store may.
void DisableSqliteMemoryStatistics();

class ClaimStore {
 public:
  // The schema this build writes, and the newest it reads.
  static constexpr int kSchemaVersion = 1;

  // Opens (or creates) the store at `path`. Errors name the file:
  // NotFound when it does not exist and `create_if_missing` is false (or
  // `read_only` is true); PermissionDenied when it cannot be read, or,
  // for writing, written;
  // FailedPrecondition when it is not a refrain store (another SQLite
  // database, or not SQLite at all) or was written by a newer refrain;
  // DataLoss when it is damaged.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> Open(const std::string& path,
                                                          const StoreOptions& options);
  ~ClaimStore();

  ClaimStore(const ClaimStore&) = delete;
  ClaimStore& operator=(const ClaimStore&) = delete;

  // Stores `document` (with its text) and its `mentions`, in one
  // transaction (or, inside a batch, one savepoint of the batch's
  // transaction), keyed by `document.id()`. The same content again is a
  // no-op; changed content replaces the document's mentions.
  // Unavailable when another writer holds the store for longer than the
  // busy timeout; DataLoss when the file is damaged.
  absl::StatusOr<IngestOutcome> Ingest(const Document& document,
                                       const std::vector<Mention>& mentions);
  // The same with `content_hash`, which must be ContentHash(document),
  // computed beforehand (on another thread, say).
  absl::StatusOr<IngestOutcome> Ingest(const Document& document,
                                       const std::vector<Mention>& mentions,
                                       const std::string& content_hash);

  // One transaction around many Ingest calls: much faster for many small
  // documents, and still atomic per document — a failed Ingest undoes only
  // its own document, and a crash loses the uncommitted batch whole.
  //
  //   absl::StatusOr<ClaimStore::Batch> batch = store->StartBatch();
  //   if (!batch.ok()) return batch.status();
  //   ... store->Ingest(...) ...
  //   RETURN_IF_ERROR(batch->Commit());
  //
  // A Batch dropped without a successful Commit rolls back everything
  // ingested since StartBatch. Movable, not copyable. REQUIRES: the store
  // outlives the Batch; at most one Batch open per store at a time.
  class Batch {
   public:
    Batch(Batch&& other) noexcept : store_(other.store_) { other.store_ = nullptr; }
    Batch& operator=(Batch&&) = delete;
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch();  // rolls back, unless committed

    // Commits the batch's documents. Afterwards (on error too) the batch is
    // closed: a failed commit has rolled back, and a second Commit is
    // FailedPrecondition.
    absl::Status Commit();

   private:
    friend class ClaimStore;
    explicit Batch(ClaimStore* store) : store_(store) {}
    ClaimStore* store_;  // null once closed
  };

  // Opens a batch (a write transaction). Unavailable when another writer
  // holds the store past the busy timeout.
  absl::StatusOr<Batch> StartBatch();

  // Decides what a stored document's mentions become: gets the document
  // (with its text) and, in `*mentions`, its stored mentions in the order
  // they were stored. Returns true for `*mentions`, as it leaves them, to
  // replace the stored ones; false to leave the store as it was; an error
  // to stop.
  using MentionRewriter =
      std::function<absl::StatusOr<bool>(const Document& document, std::vector<Mention>* mentions)>;

  // Calls `rewrite` for every stored document that has text (ingested, not
  // imported), in the order they were first stored, each in a transaction
  // of its own (rescanning with changed rules: engine/pipeline/rescan.h).
  // Stops at, and returns, the first error of `rewrite` or of the store;
  // that document is left as it was, the ones before it stay rewritten.
  absl::Status RewriteMentions(const MentionRewriter& rewrite);

  // Calls `fn` for each mention matching `query`, ordered by date, source,
  // document and position. Stops at, and returns, the first error of `fn`.
  absl::Status Query(const MentionQuery& query,
                     const std::function<absl::Status(const StoredMention&)>& fn) const;

  // Stores mentions read from a record stream (`refrain import`): for each
  // document id, the first run of its mentions replaces what the store
  // holds for it, later ones in the same call are added. Documents not in
  // the store are created without text (they cannot be rescanned).
  // Each document's run is committed as one transaction as soon as the
  // next document's record arrives. Stops at the first error of `next` (or
  // a record without doc_id or claim_id), keeping the runs committed
  // before it. Sets `*stored` to the number of mentions committed, on
  // success and on error alike.
  absl::Status Import(const std::function<absl::StatusOr<bool>(Mention*)>& next,
                      int64_t* stored);

  absl::StatusOr<StoreStats> Stats() const;

  // The path the store was opened with.
  const std::string& path() const;

 private:
  struct Rep;  // the connection and everything SQLite: claim_store.cc
  explicit ClaimStore(std::unique_ptr<Rep> rep);

  std::unique_ptr<Rep> rep_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_STORE_CLAIM_STORE_H_
