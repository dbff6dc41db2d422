#include "engine/cli/cli.h"

#include "engine/cli/commands.h"

namespace refrain {
namespace {

constexpr char kUsage[] = R"(refrain: find recurring claims in news articles

usage:
  refrain scan --rules=PATH[,PATH...] [--format=jsonl|textproto|binpb|text]
               [--out=FILE] [--source=NAME] [--strict] [--threads=N|auto]
               [RULE OPTIONS] INPUT...
      Scan articles (text files with optional front matter, .jsonl files,
      directories, or - for JSON Lines on standard input) and write one
      record per claim found. JSON Lines to standard output by default.
  refrain rules check [--expand=CLAIM] [RULE OPTIONS] PATH...
      Load and compile rule files (a directory means every *.textproto in
      it) and report every error as file:line:col. --expand prints what
      each pattern of CLAIM expands to ({~word} forms, {near N} orders).
  refrain rules test [RULE OPTIONS] PATH...
      Check the rule files, then run each claim's examples (must match)
      and counterexamples (must not match).
  refrain ingest --db=FILE --rules=PATH [--rescan [--force]] [--source=NAME]
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
  refrain query --db=FILE [--claim=ID] [--source=NAME] [--since=DATE]
                [--until=DATE] [--format=table|jsonl|binpb]
  refrain stats --db=FILE
  refrain export --db=FILE [--format=jsonl|binpb]
  refrain import --db=FILE [--format=jsonl|binpb] FILE...
  refrain diff (--db=FILE | --mentions=FILE) [--claim=ID] [--source=NAME]
               [--since=DATE] [--until=DATE] [--format=text|md|json|html]
               [--out=FILE] [--title=TEXT]
      How each source phrases each claim: variants aligned word by word
      against the commonest, framing labels, slots by source, a timeline.
  refrain eval --rules=PATH --gold=FILE [--format=text|json] [--min-recall=X]
               [--max-trap-hits=N] [--min-anchors=N] [RULE OPTIONS] INPUT...
      Score the rules against annotated articles: recall per claim, traps
      reported as claims, and every miss (docs/eval.md), with whether
      near-miss discovery surfaces it (--min-anchors as for suggest).
  refrain suggest --rules=PATH [--format=text|jsonl] [--claim=ID]
                  [--min-anchors=N] [--out=FILE] [--source=NAME] [--strict]
                  [RULE OPTIONS] INPUT...
      Near misses: sentences that match at least N (2) of a claim's anchor
      patterns but none of its patterns, grouped by phrasing, counted per
      source, ranked, anchors in [[...]] (docs/suggest.md).
  refrain help

rule options:
  --fold-diacritics           match without diacritics ("Viet Nam" matches
                              "Việt Nam"); records keep the original text
  --max-pattern-memory=BYTES  RE2's memory budget per pattern (8 MiB)

limits (scan, ingest):
  --max-document-bytes=BYTES  larger articles are skipped with an error (64 MiB)
  --max-sentence-bytes=BYTES  longer sentences are matched in pieces cut at
                              whitespace (64 KiB; at least 256)
  --max-mentions-per-sentence=N, --max-mentions-per-document=N
                              further hits are counted and reported, not
                              recorded; exit code 1 (100; 10000)

Only regular files and pipes are read. --out files are written whole or not
at all, and never onto an input.

exit codes: 0 all good; 1 rule errors, failing examples, or inputs that
were skipped; 2 usage errors (bad flags, unreadable rules or output)
)";

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return kExitUsage;
  }
  const std::string& command = args[0];
  if (command == "help" || command == "--help" || command == "-h") {
    out << kUsage;
    return kExitOk;
  }
  if (command == "rules" && args.size() >= 2 && (args[1] == "check" || args[1] == "test")) {
    return RulesCommand(args, out, err);
  }
  if (command == "scan") return ScanCommand(args, out, err);
  if (command == "ingest") return IngestCommand(args, out, err);
  if (command == "query") return QueryCommand(args, out, err);
  if (command == "stats") return StatsCommand(args, out, err);
  if (command == "export") return ExportCommand(args, out, err);
  if (command == "import") return ImportCommand(args, out, err);
  if (command == "diff") return DiffCommand(args, out, err);
  if (command == "eval") return EvalCommand(args, out, err);
  if (command == "suggest") return SuggestCommand(args, out, err);
  err << "refrain: unknown command '" << command
      << (args.size() >= 2 && command == "rules" ? " " + args[1] : "") << "'\n\n"
      << kUsage;
  return kExitUsage;
}

}  // namespace refrain
