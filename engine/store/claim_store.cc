#include "engine/store/claim_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <unordered_map>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "engine/util/fingerprint.h"
#include "engine/util/proto_util.h"
#include "engine/util/status_macros.h"

namespace refrain {
namespace {

// PRAGMA application_id of refrain stores: "RFRN".
constexpr int kApplicationId = 0x5246524E;

constexpr char kSchema[] = R"sql(
CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  doc_id        TEXT NOT NULL UNIQUE,
  source        TEXT NOT NULL,
  date          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  meta          BLOB NOT NULL,
  text          TEXT,
  ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE mentions (
  id            INTEGER PRIMARY KEY,
  document      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  claim_id      TEXT NOT NULL,
  source        TEXT NOT NULL,
  date          TEXT NOT NULL,
  begin         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  rule_set_fingerprint TEXT NOT NULL,
  mention       BLOB NOT NULL
);
CREATE INDEX mentions_by_document ON mentions(document);
CREATE INDEX mentions_by_claim ON mentions(claim_id, date);
CREATE INDEX mentions_by_source ON mentions(source, date);
)sql";

// A prepared statement: owned (finalised on destruction) or borrowed from
// the store's cache (reset on destruction, ready for the next use).
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    code_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
  }
  Statement(sqlite3_stmt* cached, int code) : stmt_(cached), code_(code), owned_(false) {}
  ~Statement() {
    if (owned_) {
      sqlite3_finalize(stmt_);
    } else if (stmt_ != nullptr) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  Statement(Statement&& other) noexcept
      : stmt_(other.stmt_), code_(other.code_), owned_(other.owned_) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  int code() const { return code_; }
  // The bound text and bytes are not copied: they must outlive the Step()s.
  Statement& Bind(int i, absl::string_view text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& BindBlob(int i, absl::string_view bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    return *this;
  }
  Statement& Bind(int i, std::string&& temporary) = delete;  // would dangle
  Statement& BindBlob(int i, std::string&& temporary) = delete;
  Statement& Bind(int i, int64_t value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // Makes the statement ready to run again with new bindings.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return code_ = sqlite3_step(stmt_); }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string Text(int column) const {
    const auto* p = sqlite3_column_blob(stmt_, column);
    return p == nullptr ? std::string()
                        : std::string(static_cast<const char*>(p),
                                      sqlite3_column_bytes(stmt_, column));
  }
  bool IsNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int code_;
  bool owned_ = true;
};

// The document without its text, as stored in `documents.meta`.
std::string Meta(const Document& document) {
  Document meta = document;
  meta.clear_text();
  return SerializeDeterministic(meta);
}

}  // namespace

std::string ContentHash(const Document& document) {
  const std::string serialized = SerializeDeterministic(document);
  return absl::StrCat("xxh3:", FingerprintHex(serialized));
}

namespace {

// Whether `stored`, a content hash from the store, is that of `document`,
// whose ContentHash is `hash`. Stores written before XXH3 hold FNV-1a
// hashes (16 hex digits, no prefix), compared the old way.
bool SameContent(const std::string& stored, const std::string& hash,
                 const Document& document) {
  if (stored == hash) return true;
  return stored.size() == 16 &&
         stored == LegacyFingerprintHex(SerializeDeterministic(document));
}

}  // namespace

// Appended to `until` so that "2024-10" also takes "2024-10-31".
constexpr char kAfterAnyDate[] = "\xF4\x8F\xBF\xBF";

bool MentionQuery::Matches(const Mention& m) const {
  if (!claim_id.empty() && m.claim_id() != claim_id) return false;
  if (!source.empty() && m.source() != source) return false;
  if ((!since.empty() || !until.empty()) && m.date().empty()) return false;
  if (!since.empty() && m.date() < since) return false;
  if (!until.empty() && m.date() > until + kAfterAnyDate) return false;
  return true;
}

// The connection and everything SQLite; the helpers every public call
// shares. Used from one thread at a time, as the ClaimStore that owns it.
struct ClaimStore::Rep {
  Rep(std::string path, sqlite3* db) : path(std::move(path)), db(db) {}
  ~Rep();
  Rep(const Rep&) = delete;
  Rep& operator=(const Rep&) = delete;

  // A prepared statement for `sql`, a string literal, from the cache.
  Statement Prepare(const char* sql) const;
  // Runs one statement, `sql` a string literal (prepared once, cached).
  absl::Status Exec(const char* sql) const;
  // Runs any SQL text, possibly several statements (prepared every time).
  absl::Status ExecScript(const std::string& sql) const;
  // An error status for SQLite result `code`, naming the file.
  absl::Status Error(int code, const std::string& what) const;
  absl::Status Begin();
  absl::Status Commit();
  void Rollback();
  // Runs `body` in a transaction of its own (a savepoint inside a batch):
  // kept when it returns OK, undone otherwise.
  absl::Status Atomically(const std::function<absl::Status()>& body);
  // Removes every mention of the document in `document_row`.
  absl::Status DeleteMentions(int64_t document_row);
  // Inserts the document (`row` 0), or replaces the one in `row`; returns
  // its row.
  absl::StatusOr<int64_t> WriteDocument(const Document& document,
                                        const std::string& content_hash, bool with_text,
                                        int64_t row);
  absl::Status InsertMentions(int64_t document_row,
                              const std::vector<Mention>& mentions);
  absl::Status LoadMentions(int64_t document_row, std::vector<Mention>* out) const;

  // The steps of Open.
  // Opens the SQLite connection to `path` as `options` say. Returns the Rep
  // even when SQLite fails (with the result code in `*code`), so that the
  // error can be described through it.
  static std::unique_ptr<Rep> Connect(const std::string& path, const StoreOptions& options,
                                      int* code);
  // Reads the application id, schema version and number of schema objects,
  // and refuses a file that is not a refrain store this build can read.
  absl::Status Identify(bool read_only, int64_t* application_id, int64_t* objects);
  // Sets the page size of a new file and, for writing, WAL mode.
  absl::Status Configure(bool read_only, bool empty);
  // Creates the tables, unless another process did so meanwhile.
  absl::Status CreateSchema();
  // Reads a table, so that a damaged file is reported when opened.
  absl::Status CheckReadable();

  const std::string path;
  sqlite3* const db;
  bool in_batch = false;
  // Prepared statements by their SQL literal.
  mutable std::unordered_map<const char*, sqlite3_stmt*> cache;
};

namespace {

// `status` with the payload kStoreProblemPayload set to `problem`.
absl::Status WithStoreProblem(absl::Status status, absl::string_view problem) {
  status.SetPayload(kStoreProblemPayload, absl::Cord(problem));
  return status;
}

}  // namespace

absl::Status ClaimStore::Rep::Error(int code, const std::string& what) const {
  const std::string message = absl::StrCat(
      path, ": ", what, ": ", db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
  switch (code & 0xFF) {
    case SQLITE_NOTADB:
      return absl::FailedPreconditionError(
          absl::StrCat(path, ": not a refrain store (not an SQLite database)"));
    case SQLITE_CORRUPT:
      return WithStoreProblem(
          absl::DataLossError(absl::StrCat(path, ": the store is damaged (",
                                           sqlite3_errstr(code),
                                           "); restore it from a backup or rebuild it")),
          kStoreDamaged);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return WithStoreProblem(
          absl::UnavailableError(absl::StrCat(
              path, ": locked by another writer; try again when it is done")),
          kStoreLocked);
    case SQLITE_FULL:
      return absl::ResourceExhaustedError(message);
    case SQLITE_CANTOPEN:
      return absl::NotFoundError(message);
    case SQLITE_READONLY:
      return absl::PermissionDeniedError(absl::StrCat(
          path, ": ", what, ": the store, its directory or its -wal and -shm files are "
          "not writable by this user (", sqlite3_errstr(code), ")"));
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return absl::PermissionDeniedError(message);
    default:
      return absl::InternalError(message);
  }
}

Statement ClaimStore::Rep::Prepare(const char* sql) const {
  auto [it, inserted] = cache.try_emplace(sql, nullptr);
  int code = SQLITE_OK;
  if (inserted) code = sqlite3_prepare_v2(db, sql, -1, &it->second, nullptr);
  if (code != SQLITE_OK) {
    sqlite3_finalize(it->second);
    cache.erase(it);
    return Statement(nullptr, code);
  }
  return Statement(it->second, SQLITE_OK);
}

absl::Status ClaimStore::Rep::Exec(const char* sql) const {
  Statement statement = Prepare(sql);
  if (statement.code() != SQLITE_OK) return Error(statement.code(), "cannot run SQL");
  const int code = statement.Step();
  return code == SQLITE_DONE || code == SQLITE_ROW ? absl::OkStatus()
                                                   : Error(code, "cannot run SQL");
}

absl::Status ClaimStore::Rep::ExecScript(const std::string& sql) const {
  const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  return code == SQLITE_OK ? absl::OkStatus() : Error(code, "cannot run SQL");
}

// While a write transaction lasts, temp_store=MEMORY keeps SQLite's
// statement journal (with which it undoes one statement, or one document's
// savepoint inside a batch) in memory. By default the journal moves to a
// temporary file once past 64 KiB (four 16 KiB pages) and stays there for
// the rest of the batch: ingest then wrote five times as many pages to that
// file as to the store itself. In memory it holds only the pages that one
// document touches. Outside writes the default returns, because it also
// decides where large sorts (ORDER BY in Query) go: to disk, not memory.
// (The pragma acts when prepared, so it is run as a script each time.)
absl::Status ClaimStore::Rep::Begin() {
  absl::Status status = ExecScript("PRAGMA temp_store=MEMORY; BEGIN IMMEDIATE");
  if (!status.ok()) ExecScript("PRAGMA temp_store=DEFAULT").IgnoreError();
  return status;
}
absl::Status ClaimStore::Rep::Commit() {
  RETURN_IF_ERROR(Exec("COMMIT"));
  return ExecScript("PRAGMA temp_store=DEFAULT");
}
void ClaimStore::Rep::Rollback() {
  if (!sqlite3_get_autocommit(db)) Exec("ROLLBACK").IgnoreError();
  ExecScript("PRAGMA temp_store=DEFAULT").IgnoreError();
  in_batch = false;
}

absl::Status ClaimStore::Rep::Atomically(const std::function<absl::Status()>& body) {
  RETURN_IF_ERROR(in_batch ? Exec("SAVEPOINT document") : Begin());
  absl::Status status = body();
  if (in_batch) {
    if (!status.ok()) Exec("ROLLBACK TO document").IgnoreError();
    RETURN_IF_ERROR(Exec("RELEASE document"));
    return status;
  }
  if (!status.ok()) {
    Rollback();
    return status;
  }
  return Commit();
}

absl::Status ClaimStore::Rep::DeleteMentions(int64_t document_row) {
  Statement remove = Prepare("DELETE FROM mentions WHERE document = ?");
  remove.Bind(1, document_row);
  return remove.Step() == SQLITE_DONE ? absl::OkStatus()
                                      : Error(remove.code(), "cannot replace mentions");
}

namespace {

// Whether a reader must open the store at `path` as immutable. A WAL-mode
// database is read through its WAL index, the `-shm` file beside it, which
// even a read-only connection creates when it is missing: in a directory
// the user cannot write to (another user's store, after its writer is
// done), SQLite then refuses every read with "attempt to write a readonly
// database". With no `-wal` file either, every commit is in the database
// file itself, and reading it as immutable (no WAL, no locks) is exact.
// (Should its owner start writing meanwhile, this reader could see a
// half-written state: it is for reading a store at rest.)
bool ReadsOnlyAsImmutable(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path + "-wal", ec) || std::filesystem::exists(path + "-shm", ec)) {
    return false;
  }
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return access(parent.empty() ? "." : parent.c_str(), W_OK) != 0;
}

// The SQLite URI that opens `path` as immutable.
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      absl::StrAppend(&uri, "%", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
    } else {
      uri.push_back(c);
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

void DisableSqliteMemoryStatistics() { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

ClaimStore::Rep::~Rep() {
  for (auto& [sql, statement] : cache) sqlite3_finalize(statement);
  sqlite3_close_v2(db);
}

ClaimStore::ClaimStore(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ClaimStore::~ClaimStore() = default;

const std::string& ClaimStore::path() const { return rep_->path; }

namespace {

// Refuses, naming `path`, what Open cannot or must not open: a missing file
// it may not create, or a directory.
absl::Status CheckPath(const std::string& path, const StoreOptions& options) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && (options.read_only || !options.create_if_missing)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such store"));
  }
  if (exists && std::filesystem::is_directory(path, ec)) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": not a refrain store (a directory)"));
  }
  return absl::OkStatus();
}

}  // namespace

std::unique_ptr<ClaimStore::Rep> ClaimStore::Rep::Connect(const std::string& path,
                                                          const StoreOptions& options,
                                                          int* code) {
  // NOMUTEX: a ClaimStore is used by one thread at a time, so SQLite need
  // not lock the connection on every call.
  int flags = SQLITE_OPEN_NOMUTEX |
              (options.read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE |
                                       (options.create_if_missing ? SQLITE_OPEN_CREATE : 0));
  std::string name = path;
  if (options.read_only && ReadsOnlyAsImmutable(path)) {
    name = ImmutableUri(path);
    flags |= SQLITE_OPEN_URI;
  }
  sqlite3* db = nullptr;
  *code = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  auto rep = std::make_unique<Rep>(path, db);
  if (*code == SQLITE_OK) {
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, options.busy_timeout_ms);
  }
  return rep;
}

absl::Status ClaimStore::Rep::Identify(bool read_only, int64_t* application_id,
                                       int64_t* objects) {
  // What is this file? Reading the header fails for a file that is not
  // SQLite; a refrain store carries our application id.
  Statement probe(db, "SELECT (SELECT application_id FROM pragma_application_id),"
                      " (SELECT user_version FROM pragma_user_version),"
                      " (SELECT count(*) FROM sqlite_master)");
  if (probe.code() != SQLITE_OK) return Error(probe.code(), "cannot read");
  if (probe.Step() != SQLITE_ROW) return Error(probe.code(), "cannot read");
  *application_id = probe.Int(0);
  const int64_t version = probe.Int(1);
  *objects = probe.Int(2);
  if (*application_id == kApplicationId) {
    if (version > kSchemaVersion) {
      return absl::FailedPreconditionError(absl::StrCat(
          path, ": written by a newer refrain (store schema ", version,
          "; this refrain reads up to ", kSchemaVersion, ")"));
    }
  } else if (*application_id != 0 || *objects != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        path, ": not a refrain store (an SQLite database of another application)"));
  }
  if (read_only && *objects == 0) {
    return absl::FailedPreconditionError(
        absl::StrCat(path, ": not a refrain store (an empty database)"));
  }
  return absl::OkStatus();
}

absl::Status ClaimStore::Rep::Configure(bool read_only, bool empty) {
  if (empty) {
    // Pages of 16 KiB for a new store (before WAL mode writes the header):
    // with SQLite's default 4 KiB, a row with a typical article's text (2 to
    // 4 KB) fills a page by itself, wasting a third of the file; ingest is
    // about a quarter faster. (A no-op for an existing file.)
    RETURN_IF_ERROR(ExecScript("PRAGMA page_size=16384"));
  }
  if (read_only) return absl::OkStatus();
  return ExecScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
}

absl::Status ClaimStore::Rep::CreateSchema() {
  // Another process may be creating the store at the same moment.
  RETURN_IF_ERROR(Begin());
  bool still_new;
  {
    Statement again(db, "SELECT application_id FROM pragma_application_id");
    still_new = again.Step() == SQLITE_ROW && again.Int(0) == 0;
  }
  if (still_new) {
    absl::Status created = ExecScript(kSchema);
    if (created.ok()) {
      created = ExecScript(absl::StrCat("PRAGMA application_id=", kApplicationId,
                                        "; PRAGMA user_version=", kSchemaVersion));
    }
    if (!created.ok()) {
      Rollback();
      return created;
    }
  }
  return Commit();
}

absl::Status ClaimStore::Rep::CheckReadable() {
  Statement check(db, "SELECT count(*) FROM documents");
  if (check.code() != SQLITE_OK || check.Step() != SQLITE_ROW) {
    return Error(check.code(), "cannot read");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<ClaimStore>> ClaimStore::Open(
    const std::string& path, const StoreOptions& options) {
  RETURN_IF_ERROR(CheckPath(path, options));
  int code;
  std::unique_ptr<Rep> rep = Rep::Connect(path, options, &code);
  if (code != SQLITE_OK) return rep->Error(code, "cannot open");
  int64_t application_id, objects;
  RETURN_IF_ERROR(rep->Identify(options.read_only, &application_id, &objects));
  RETURN_IF_ERROR(rep->Configure(options.read_only, /*empty=*/objects == 0));
  if (application_id == 0 && !options.read_only) RETURN_IF_ERROR(rep->CreateSchema());
  RETURN_IF_ERROR(rep->CheckReadable());
  return std::unique_ptr<ClaimStore>(new ClaimStore(std::move(rep)));
}

absl::StatusOr<int64_t> ClaimStore::Rep::WriteDocument(const Document& document,
                                                  const std::string& content_hash,
                                                  bool with_text, int64_t row) {
  // (Two plain statements: an upsert with RETURNING cost more per document.)
  Statement write = Prepare(
      row == 0 ? "INSERT INTO documents(doc_id, source, date, content_hash, meta, text)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
               : "UPDATE documents SET doc_id = ?1, source = ?2, date = ?3,"
                 " content_hash = ?4, meta = ?5, text = ?6,"
                 " ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?7");
  write.Bind(1, document.id()).Bind(2, document.source()).Bind(3, document.date());
  const std::string meta = Meta(document);
  write.Bind(4, content_hash).BindBlob(5, meta);
  if (with_text) {
    write.Bind(6, document.text());
  } else {
    write.BindNull(6);
  }
  if (row != 0) write.Bind(7, row);
  if (write.Step() != SQLITE_DONE) return Error(write.code(), "cannot store document");
  return row != 0 ? row : sqlite3_last_insert_rowid(db);
}

absl::Status ClaimStore::Rep::InsertMentions(int64_t document_row,
                                        const std::vector<Mention>& mentions) {
  Statement insert = Prepare("INSERT INTO mentions(document, claim_id, source, date, begin, end,"
                   " rule_set_fingerprint, mention) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const Mention& m : mentions) {
    const std::string record = SerializeDeterministic(m);
    insert.Bind(1, document_row).Bind(2, m.claim_id()).Bind(3, m.source());
    insert.Bind(4, m.date()).Bind(5, int64_t{m.begin()}).Bind(6, int64_t{m.end()});
    insert.Bind(7, m.rule_set_fingerprint()).BindBlob(8, record);
    if (insert.Step() != SQLITE_DONE) return Error(insert.code(), "cannot store mention");
    insert.Reset();
  }
  return absl::OkStatus();
}

absl::StatusOr<ClaimStore::Batch> ClaimStore::StartBatch() {
  if (rep_->in_batch) {
    return absl::FailedPreconditionError(absl::StrCat(path(), ": a batch is already open"));
  }
  RETURN_IF_ERROR(rep_->Begin());
  rep_->in_batch = true;
  return Batch(this);
}

ClaimStore::Batch::~Batch() {
  if (store_ != nullptr) store_->rep_->Rollback();
}

absl::Status ClaimStore::Batch::Commit() {
  if (store_ == nullptr) return absl::FailedPreconditionError("the batch is closed");
  Rep& rep = *store_->rep_;
  store_ = nullptr;
  rep.in_batch = false;
  absl::Status status = rep.Commit();
  if (!status.ok()) rep.Rollback();
  return status;
}

absl::StatusOr<IngestOutcome> ClaimStore::Ingest(const Document& document,
                                                 const std::vector<Mention>& mentions) {
  return Ingest(document, mentions, ContentHash(document));
}

absl::StatusOr<IngestOutcome> ClaimStore::Ingest(const Document& document,
                                                 const std::vector<Mention>& mentions,
                                                 const std::string& hash) {
  IngestOutcome outcome = IngestOutcome::kAdded;
  RETURN_IF_ERROR(rep_->Atomically([&]() -> absl::Status {
    Statement find = rep_->Prepare("SELECT id, content_hash FROM documents WHERE doc_id = ?");
    find.Bind(1, document.id());
    const int step = find.Step();
    if (step != SQLITE_ROW && step != SQLITE_DONE) return rep_->Error(step, "cannot read");
    int64_t row = 0;
    if (step == SQLITE_ROW) {
      if (SameContent(find.Text(1), hash, document)) {
        outcome = IngestOutcome::kUnchanged;
        return absl::OkStatus();
      }
      row = find.Int(0);
      RETURN_IF_ERROR(rep_->DeleteMentions(row));
      outcome = IngestOutcome::kReplaced;
    }
    ASSIGN_OR_RETURN(row, rep_->WriteDocument(document, hash, /*with_text=*/true, row));
    return rep_->InsertMentions(row, mentions);
  }));
  return outcome;
}

absl::Status ClaimStore::Rep::LoadMentions(int64_t document_row,
                                      std::vector<Mention>* out) const {
  Statement select = Prepare("SELECT mention FROM mentions WHERE document = ? ORDER BY id");
  select.Bind(1, document_row);
  int step;
  while ((step = select.Step()) == SQLITE_ROW) {
    Mention m;
    if (!m.ParseFromString(select.Text(0))) {
      return absl::DataLossError(absl::StrCat(path, ": a stored mention does not parse"));
    }
    out->push_back(std::move(m));
  }
  return step == SQLITE_DONE ? absl::OkStatus() : Error(step, "cannot read mentions");
}

absl::Status ClaimStore::RewriteMentions(const MentionRewriter& rewrite) {
  std::vector<int64_t> rows;
  {
    Statement select =
        rep_->Prepare("SELECT id FROM documents WHERE text IS NOT NULL ORDER BY id");
    int step;
    while ((step = select.Step()) == SQLITE_ROW) rows.push_back(select.Int(0));
    if (step != SQLITE_DONE) return rep_->Error(step, "cannot read documents");
  }
  for (int64_t row : rows) {
    RETURN_IF_ERROR(rep_->Atomically([&]() -> absl::Status {
      Statement select = rep_->Prepare("SELECT meta, text FROM documents WHERE id = ?");
      select.Bind(1, row);
      if (select.Step() != SQLITE_ROW) return rep_->Error(select.code(), "cannot read document");
      Document document;
      if (!document.ParseFromString(select.Text(0))) {
        return absl::DataLossError(absl::StrCat(rep_->path, ": a stored document does not parse"));
      }
      document.set_text(select.Text(1));
      std::vector<Mention> mentions;
      RETURN_IF_ERROR(rep_->LoadMentions(row, &mentions));
      ASSIGN_OR_RETURN(const bool replace, rewrite(document, &mentions));
      if (!replace) return absl::OkStatus();
      RETURN_IF_ERROR(rep_->DeleteMentions(row));
      return rep_->InsertMentions(row, mentions);
    }));
  }
  return absl::OkStatus();
}

absl::Status ClaimStore::Query(
    const MentionQuery& query,
    const std::function<absl::Status(const StoredMention&)>& fn) const {
  Statement select(
      rep_->db,
      "SELECT m.mention, d.meta FROM mentions m JOIN documents d ON d.id = m.document"
      " WHERE (?1 = '' OR m.claim_id = ?1) AND (?2 = '' OR m.source = ?2)"
      " AND (?3 = '' OR m.date >= ?3) AND (?4 = '' OR m.date <= ?4 || ?5)"
      " AND ((?3 = '' AND ?4 = '') OR m.date <> '')"
      " ORDER BY m.date, m.source, d.doc_id, m.begin, m.claim_id");
  select.Bind(1, query.claim_id).Bind(2, query.source).Bind(3, query.since);
  select.Bind(4, query.until).Bind(5, absl::string_view(kAfterAnyDate));
  int step;
  while ((step = select.Step()) == SQLITE_ROW) {
    StoredMention stored;
    Document meta;
    if (!stored.mutable_mention()->ParseFromString(select.Text(0)) ||
        !meta.ParseFromString(select.Text(1))) {
      return absl::DataLossError(absl::StrCat(rep_->path, ": a stored record does not parse"));
    }
    stored.set_title(meta.title());
    stored.set_url(meta.url());
    stored.mutable_metadata()->insert(meta.metadata().begin(), meta.metadata().end());
    RETURN_IF_ERROR(fn(stored));
  }
  return step == SQLITE_DONE ? absl::OkStatus() : rep_->Error(step, "cannot read mentions");
}

absl::Status ClaimStore::Import(const std::function<absl::StatusOr<bool>(Mention*)>& next,
                               int64_t* stored) {
  std::set<std::string> seen;
  std::vector<Mention> run;
  *stored = 0;
  // Stores one run of mentions of one document, in one transaction.
  auto flush = [&]() -> absl::Status {
    if (run.empty()) return absl::OkStatus();
    const Mention& first = run.front();
    RETURN_IF_ERROR(rep_->Atomically([&]() -> absl::Status {
      Statement find = rep_->Prepare("SELECT id FROM documents WHERE doc_id = ?");
      find.Bind(1, first.doc_id());
      int64_t row;
      if (find.Step() == SQLITE_ROW) {
        row = find.Int(0);
      } else {
        Document stub;
        stub.set_id(first.doc_id());
        stub.set_source(first.source());
        stub.set_date(first.date());
        ASSIGN_OR_RETURN(row, rep_->WriteDocument(stub, "", /*with_text=*/false, /*row=*/0));
      }
      if (seen.insert(first.doc_id()).second) RETURN_IF_ERROR(rep_->DeleteMentions(row));
      return rep_->InsertMentions(row, run);
    }));
    *stored += static_cast<int64_t>(run.size());
    run.clear();
    return absl::OkStatus();
  };
  while (true) {
    Mention m;
    ASSIGN_OR_RETURN(bool more, next(&m));
    if (!more) break;
    if (m.doc_id().empty() || m.claim_id().empty()) {
      return absl::InvalidArgumentError("a record has no doc_id or no claim_id");
    }
    if (!run.empty() && run.front().doc_id() != m.doc_id()) RETURN_IF_ERROR(flush());
    run.push_back(std::move(m));
  }
  return flush();
}

absl::StatusOr<StoreStats> ClaimStore::Stats() const {
  StoreStats stats;
  Statement counts = rep_->Prepare("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions)");
  if (counts.Step() != SQLITE_ROW) return rep_->Error(counts.code(), "cannot read");
  stats.documents = counts.Int(0);
  stats.mentions = counts.Int(1);
  Statement by_source = rep_->Prepare("SELECT claim_id, source, count(*) FROM mentions GROUP BY 1, 2");
  int step;
  while ((step = by_source.Step()) == SQLITE_ROW) {
    stats.by_claim_and_source[{by_source.Text(0), by_source.Text(1)}] = by_source.Int(2);
  }
  if (step != SQLITE_DONE) return rep_->Error(step, "cannot read");
  Statement by_month = rep_->Prepare("SELECT claim_id, substr(date, 1, 7), count(*) FROM mentions GROUP BY 1, 2");
  while ((step = by_month.Step()) == SQLITE_ROW) {
    stats.by_claim_and_month[{by_month.Text(0), by_month.Text(1)}] = by_month.Int(2);
  }
  if (step != SQLITE_DONE) return rep_->Error(step, "cannot read");
  return stats;
}

}  // namespace refrain
