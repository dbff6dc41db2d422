// refrain ingest | query | stats | export | import: the claim store.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "engine/cli/cli.h"
#include "engine/cli/exit_code.h"
#include "engine/cli/commands.h"
#include "engine/cli/flags.h"
#include "engine/cli/options_from_flags.h"
#include "engine/cli/scan_run.h"
#include "engine/cli/store_flags.h"
#include "engine/pipeline/rescan.h"
#include "engine/store/claim_store.h"
#include "engine/store/mention_stream.h"
#include "engine/store/store_writer.h"
#include "engine/text/escape.h"
#include "engine/util/file_util.h"
#include "engine/util/proto_util.h"
#include "engine/util/status_macros.h"
#include "re2/re2.h"

namespace refrain {
namespace {

// A rescan that would remove more than half of the rescanned documents'
// mentions, and at least this many, is refused without --force: it is far
// more likely a rule file left out or broken than a deliberate edit.
constexpr int64_t kMinGuardedRemovals = 10;

// Prints what a rescan changed, per claim, with a few examples.
void PrintRescan(const RescanReport& report, const ScanOptions& limits, std::ostream& out) {
  out << "rescan: " << report.documents << " documents, " << report.changed_documents
      << " with changed mentions\n";
  std::set<std::string> claims;
  for (const auto& [claim, n] : report.added) claims.insert(claim);
  for (const auto& [claim, n] : report.removed) claims.insert(claim);
  for (const std::string& claim : claims) {
    auto count = [&claim](const std::map<std::string, int>& m) {
      auto it = m.find(claim);
      return it == m.end() ? 0 : it->second;
    };
    out << absl::StrFormat("  %-28s +%d -%d\n", EscapeControls(claim), count(report.added),
                           count(report.removed));
  }
  for (const auto& [sign, examples] :
       {std::make_pair('+', &report.added_examples),
        std::make_pair('-', &report.removed_examples)}) {
    for (const Mention& m : *examples) {
      out << "  " << sign << " " << EscapeControls(m.claim_id()) << "  "
          << EscapeControls(m.doc_id())
          << "  \"" << EscapeControls(m.text()) << "\"\n";
    }
  }
  if (report.unrecorded > 0) out << "  " << UnrecordedNote(report.unrecorded, limits) << "\n";
}

// Applies the current rules to every stored document (ingest --rescan),
// after a dry run unless `force`: one that would remove more than half of
// the mentions (and at least kMinGuardedRemovals) is refused with a
// UsageError, after printing what it would change to `err`. Returns
// whether hits were left unrecorded (the mention limits); what it changed
// goes to `out`.
absl::StatusOr<bool> RescanStore(ClaimStore* store, const Engine& engine, bool force,
                                 std::ostream& out, std::ostream& err) {
  const ScanOptions& limits = engine.scan_options();
  if (!force) {
    ASSIGN_OR_RETURN(const RescanReport preview, Rescan(engine, store, /*dry_run=*/true));
    int64_t removed = 0;
    for (const auto& [claim, n] : preview.removed) removed += n;
    if (removed >= kMinGuardedRemovals && removed * 2 > preview.old_mentions) {
      PrintRescan(preview, limits, err);
      return UsageError(absl::StrCat(
          "the rescan would remove ", removed, " of the ", preview.old_mentions,
          " mentions of ", preview.documents,
          " documents (more than half); nothing was changed. Check --rules, or "
          "run again with --force"));
    }
  }
  ASSIGN_OR_RETURN(const RescanReport report, Rescan(engine, store));
  PrintRescan(report, limits, out);
  return report.unrecorded > 0;
}

// --format=jsonl|binpb, for export and import: "--format: choose jsonl or
// binpb" otherwise.
Flag JsonlOrBinpbFlag(const std::string& help) {
  return Flag::Text("format", "jsonl|binpb", help, [](const std::string& value) {
    return value == "jsonl" || value == "binpb" ? "" : "--format: choose jsonl or binpb";
  });
}

// The format of the mention file `path` for import: --format, or by the
// file's name.
MentionFormat ImportFormat(const Args& args, absl::string_view path) {
  return args.Get("format", absl::EndsWith(path, ".binpb") ? "binpb" : "jsonl") == "binpb"
             ? MentionFormat::kBinpb
             : MentionFormat::kJsonl;
}


absl::Status RunIngest(const Args& args, std::ostream& out, std::ostream& err) {
  const ReadOptions read = ReadOptionsFromFlags(args);
  if (args.positional.empty() && !args.Has("rescan") && args.Has("rules")) {
    return UsageError("ingest needs INPUTs, or --rescan");
  }
  if (args.Has("force") && !args.Has("rescan")) {
    return UsageError("--force only applies to --rescan");
  }
  // Documents are stored on a thread of their own, committed in batches
  // (each document atomic within its batch): up to --batch documents
  // (1,000) or 16 MB of text. That thread is one of --threads when there are
  // two or more: the one writer is what limits ingest, and a scanning
  // thread more than the cores made it slower.
  StoreWriter::Options options;
  options.batch_documents = args.Int("batch", options.batch_documents);
  const int threads = ThreadsFromFlags(args);
  ASSIGN_OR_RETURN(const std::unique_ptr<Engine> engine, EngineFromFlags(args, "ingest", err));
  ASSIGN_OR_RETURN(const std::unique_ptr<ClaimStore> store, OpenStore(args, /*create=*/true));

  bool limited = false;  // a rescan left hits unrecorded (reported on `out`)
  if (args.Has("rescan")) {
    ASSIGN_OR_RETURN(limited, RescanStore(store.get(), *engine, args.Has("force"), out, err));
  }
  if (args.positional.empty()) return limited ? ReportedFindings() : absl::OkStatus();

  StoreWriter writer(store.get(), options);
  bool failed = false;  // the writer's error, which ScanRun returns
  // The content hash is computed on the scanning threads, as the "render".
  ScanRun run(*engine, std::max(1, threads - 1), args.Has("strict"), err,
              [](const Document& document, const std::vector<Mention>&) {
                return ContentHash(document);
              },
              [&](Document document, std::vector<Mention> mentions, std::string hash) {
                absl::Status added = writer.Add(std::move(document), std::move(mentions),
                                                std::move(hash));
                failed = !added.ok();
                return added;
              });
  absl::Status result = run.Run(args.positional, read);
  if (absl::Status s = writer.Finish(); !s.ok() && !failed) result = s;
  const StoreWriter::Counts& counts = writer.counts();
  const std::string summary =
      absl::StrCat(store->path(), ": ", counts.added, " added, ", counts.replaced,
                   " replaced, ", counts.unchanged, " unchanged");
  if (result.ok() && limited) result = ReportedFindings();
  // The summary comes last, after the writer's error.
  if (!result.ok()) return WithNote(std::move(result), summary);
  err << "refrain: " << EscapeControls(summary) << "\n";
  return absl::OkStatus();
}

absl::Status RunQuery(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string format = args.Get("format", "table");
  const MentionQuery query = MentionQueryFromFlags(args);
  ASSIGN_OR_RETURN(const std::unique_ptr<ClaimStore> store, OpenStore(args, /*create=*/false));

  MentionWriter binary(&out, MentionFormat::kBinpb);
  std::vector<StoredMention> table;
  RETURN_IF_ERROR(store->Query(query, [&](const StoredMention& m) {
    if (format == "jsonl") {
      out << ToJsonLine(m) << '\n';
    } else if (format == "binpb") {
      return binary.Write(m.mention());
    } else {
      table.push_back(m);
    }
    return WriteStatus(out);
  }));
  if (format == "table") {
    // The columns as shown: every value with its control characters escaped.
    std::vector<std::array<std::string, 4>> rows;
    size_t date = 4, source = 6, claim = 5;
    for (const StoredMention& m : table) {
      rows.push_back({EscapeControls(m.mention().date()), EscapeControls(m.mention().source()),
                      EscapeControls(m.mention().claim_id()),
                      EscapeControls(m.mention().text())});
      date = std::max(date, rows.back()[0].size());
      source = std::max(source, rows.back()[1].size());
      claim = std::max(claim, rows.back()[2].size());
    }
    out << absl::StrFormat("%-*s  %-*s  %-*s  %s\n", date, "date", source, "source",
                           claim, "claim", "text");
    for (const auto& [d, s, c, text] : rows) {
      out << absl::StrFormat("%-*s  %-*s  %-*s  \"%s\"\n", date, d, source, s, claim, c, text);
    }
    err << "refrain: " << table.size() << " mentions\n";
  }
  return absl::OkStatus();
}

absl::Status RunStats(const Args& args, std::ostream& out, std::ostream&) {
  ASSIGN_OR_RETURN(const std::unique_ptr<ClaimStore> store, OpenStore(args, /*create=*/false));
  ASSIGN_OR_RETURN(const StoreStats stats, store->Stats());
  out << EscapeControls(store->path()) << ": " << stats.documents << " documents, "
      << stats.mentions << " mentions\n";

  // Claims by source, as a matrix; names as shown, control characters
  // escaped (keyed by the stored values).
  std::map<std::string, std::string> claims, sources;
  for (const auto& [key, n] : stats.by_claim_and_source) {
    claims.emplace(key.first, EscapeControls(key.first));
    sources.emplace(key.second, key.second.empty() ? "-" : EscapeControls(key.second));
  }
  size_t width = 5;
  for (const auto& [c, shown] : claims) width = std::max(width, shown.size());
  out << "\nmentions by claim and source\n" << absl::StrFormat("%-*s", width, "claim");
  for (const auto& [s, shown] : sources) out << "  " << shown;
  out << "\n";
  for (const auto& [c, shown_claim] : claims) {
    out << absl::StrFormat("%-*s", width, shown_claim);
    for (const auto& [s, shown] : sources) {
      auto it = stats.by_claim_and_source.find({c, s});
      const int64_t n = it == stats.by_claim_and_source.end() ? 0 : it->second;
      out << absl::StrFormat("  %*d", shown.size(), n);
    }
    out << "\n";
  }

  out << "\nmentions by claim and month\n";
  for (const auto& [key, n] : stats.by_claim_and_month) {
    out << absl::StrFormat("%-*s  %-7s  %d\n", width, EscapeControls(key.first),
                           key.second.empty() ? "-" : EscapeControls(key.second), n);
  }
  return absl::OkStatus();
}

absl::Status RunExport(const Args& args, std::ostream& out, std::ostream& err) {
  ASSIGN_OR_RETURN(const std::unique_ptr<ClaimStore> store, OpenStore(args, /*create=*/false));
  MentionWriter writer(&out, ImportFormat(args, ""));
  int64_t count = 0;
  RETURN_IF_ERROR(store->Query(MentionQuery(), [&](const StoredMention& m) {
    ++count;
    return writer.Write(m.mention());
  }));
  RETURN_IF_ERROR(writer.Flush());
  err << "refrain: exported " << count << " mentions\n";
  return absl::OkStatus();
}

absl::Status RunImport(const Args& args, std::ostream& out, std::ostream&) {
  if (args.positional.empty()) {
    return UsageError("import needs a FILE of mentions (.jsonl or .binpb), or -");
  }
  ASSIGN_OR_RETURN(const std::unique_ptr<ClaimStore> store, OpenStore(args, /*create=*/true));
  int64_t total = 0;
  for (const std::string& path : args.positional) {
    const MentionFormat format = ImportFormat(args, path);
    std::ifstream file;
    // Only files and pipes end: not /dev/zero.
    RETURN_IF_ERROR(path == "-" ? CheckReadableDescriptor(STDIN_FILENO, "stdin")
                                : OpenForReading(path, &file));
    std::istream* in = path == "-" ? &std::cin : &file;
    MentionSource reader(in, format, path == "-" ? "stdin" : path);
    int64_t stored = 0;
    absl::Status status =
        store->Import([&reader](Mention* m) { return reader.Next(m); }, &stored);
    total += stored;
    if (!status.ok()) {
      return WithNote(std::move(status),
                      absl::StrCat(total, " mentions were imported into ", store->path(),
                                   " before the error; nothing after it"));
    }
  }
  out << "imported " << total << " mentions into " << EscapeControls(store->path()) << "\n";
  return absl::OkStatus();
}

}  // namespace

Command IngestCommand() {
  return {"ingest", R"(  refrain ingest --db=FILE --rules=PATH [--rescan [--force]] [--source=NAME]
                 [--strict] [--threads=N] [--batch=DOCUMENTS]
                 [--busy-timeout=SECONDS] [RULE OPTIONS] [INPUT...]
      Scan articles and store documents and mentions in an SQLite claim
      store; the same article again is "unchanged", a changed one replaces
      its mentions. Each document is atomic; documents are committed in
      batches of --batch (1000), on a thread of their own (one of --threads
      when N >= 2). --rescan first applies the current rules to
      every stored document and reports mentions that appeared and
      disappeared; it refuses to remove more than half of the mentions
      (and at least 10) unless --force is given.
)",
          Join({DbFlag(), Flag::Switch("rescan", "apply the current rules to every stored document"),
                Flag::Switch("force", "with --rescan: apply it even if it removes most mentions"),
                Flag::Int("batch", "DOCUMENTS", "documents committed together (1000)", 1,
                          std::numeric_limits<int>::max(), "a positive number of documents"),
                BusyTimeoutFlag()},
               ScanFlags()),
          RunIngest};
}

Command QueryCommand() {
  return {"query", R"(  refrain query --db=FILE [--claim=ID] [--source=NAME] [--since=DATE]
                [--until=DATE] [--format=table|jsonl|binpb]
)",
          Join({DbFlag(),
                Flag::Text("format", "table|jsonl|binpb", "the output's format (table)",
                           [](const std::string& value) -> std::string {
                             if (value == "jsonl" || value == "table" || value == "binpb") return "";
                             return absl::StrCat("--format: unknown format '", value,
                                                 "' (choose jsonl, table or binpb)");
                           })},
               MentionQueryFlags()),
          RunQuery};
}

Command StatsCommand() { return {"stats", R"(  refrain stats --db=FILE
)", {DbFlag()}, RunStats}; }

Command ExportCommand() {
  return {"export", R"(  refrain export --db=FILE [--format=jsonl|binpb]
)", {DbFlag(), JsonlOrBinpbFlag("the records' format (jsonl)")}, RunExport};
}

Command ImportCommand() {
  return {"import", R"(  refrain import --db=FILE [--format=jsonl|binpb] FILE...
)",
          {DbFlag(), JsonlOrBinpbFlag("the files' format (by their names: .binpb, else jsonl)"),
           BusyTimeoutFlag()},
          RunImport};
}

}  // namespace refrain
