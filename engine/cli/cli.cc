#include "engine/cli/cli.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "engine/match/scanner.h"
#include "engine/rules/rule_compiler.h"
#include "engine/rules/rule_tester.h"
#include "engine/store/mention_stream.h"
#include "engine/text/document_reader.h"

namespace refrain {
namespace {

constexpr char kUsage[] = R"(refrain: find recurring claims in news articles

usage:
  refrain scan --rules=PATH[,PATH...] [--format=jsonl|textproto|binpb|text]
               [--out=FILE] [--source=NAME] [--strict] [RULE OPTIONS] INPUT...
      Scan articles (text files with optional front matter, .jsonl files,
      directories, or - for JSON Lines on standard input) and write one
      record per claim found. JSON Lines to standard output by default.
  refrain rules check [RULE OPTIONS] PATH...
      Load and compile rule files (a directory means every *.textproto in
      it) and report every error as file:line:col.
  refrain rules test [RULE OPTIONS] PATH...
      Check the rule files, then run each claim's examples (must match)
      and counterexamples (must not match).
  refrain help

rule options:
  --fold-diacritics           match without diacritics ("Viet Nam" matches
                              "Việt Nam"); records keep the original text
  --max-pattern-memory=BYTES  RE2's memory budget per pattern (8 MiB)

exit codes: 0 all good; 1 rule errors, failing examples, or inputs that
were skipped; 2 usage errors (bad flags, unreadable rules or output)
)";

// The flags and positional arguments of one command.
struct Args {
  std::map<std::string, std::string> flags;
  std::vector<std::string> positional;
};

// Parses `args[first...]`. `value_flags` take a value (`--name=value` or
// `--name value`), `bool_flags` do not.
bool ParseArgs(const std::vector<std::string>& args, size_t first,
               const std::set<std::string>& value_flags,
               const std::set<std::string>& bool_flags, Args* parsed,
               std::ostream& err) {
  for (size_t i = first; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!absl::StartsWith(arg, "--") || arg == "--") {
      if (arg != "--") parsed->positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    const size_t eq = name.find('=');
    const bool has_value = eq != std::string::npos;
    if (has_value) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (bool_flags.count(name) && !has_value) {
      parsed->flags[name] = "true";
    } else if (value_flags.count(name)) {
      if (!has_value) {
        if (i + 1 >= args.size()) {
          err << "refrain: --" << name << " needs a value\n";
          return false;
        }
        value = args[++i];
      }
      parsed->flags[name] = value;
    } else {
      err << "refrain: unknown flag --" << name << " (see 'refrain help')\n";
      return false;
    }
  }
  return true;
}

bool ParseCompileOptions(const Args& args, CompileOptions* options,
                         std::ostream& err) {
  options->fold_diacritics = args.flags.count("fold-diacritics") > 0;
  auto it = args.flags.find("max-pattern-memory");
  if (it != args.flags.end() &&
      (!absl::SimpleAtoi(it->second, &options->max_pattern_memory) ||
       options->max_pattern_memory <= 0)) {
    err << "refrain: --max-pattern-memory wants a positive number of bytes, "
           "got '" << it->second << "'\n";
    return false;
  }
  return true;
}

// Loads and compiles; prints every diagnostic. Returns null (with the exit
// code in `*code`) when the rules cannot be used.
std::unique_ptr<const CompiledRules> CheckRules(const std::vector<std::string>& paths,
                                                const CompileOptions& options,
                                                std::ostream& err, int* code) {
  std::vector<Diagnostic> diagnostics;
  absl::StatusOr<std::unique_ptr<const CompiledRules>> rules =
      LoadRules(paths, options, &diagnostics);
  for (const Diagnostic& d : diagnostics) err << d.ToString() << "\n";
  if (!rules.ok()) {
    err << "refrain: " << rules.status().message() << "\n";
    *code = absl::IsInvalidArgument(rules.status()) ? kExitFindings : kExitUsage;
    return nullptr;
  }
  *code = kExitOk;
  return std::move(*rules);
}

int RulesCommand(const std::string& command, const std::vector<std::string>& argv,
                 std::ostream& out, std::ostream& err) {
  Args args;
  CompileOptions options;
  if (!ParseArgs(argv, 2, {"max-pattern-memory"}, {"fold-diacritics"}, &args, err) ||
      !ParseCompileOptions(args, &options, err)) {
    return kExitUsage;
  }
  if (args.positional.empty()) {
    err << "refrain: no rule files given (see 'refrain help')\n";
    return kExitUsage;
  }
  int code;
  std::unique_ptr<const CompiledRules> rules =
      CheckRules(args.positional, options, err, &code);
  if (rules == nullptr) return code;

  if (command == "check") {
    for (const auto& rule_set : rules->rule_sets()) {
      out << rule_set->source().path << ": rule set '" << rule_set->name() << "'"
          << (rule_set->version().empty() ? "" : " version ") << rule_set->version()
          << ", " << rule_set->claims().size() << " claims, fingerprint "
          << rule_set->fingerprint() << "\n";
    }
    out << "ok: " << rules->rule_sets().size() << " rule file(s), "
        << rules->claim_count() << " claims, no errors\n";
    return kExitOk;
  }

  std::vector<Diagnostic> failures;
  RuleTestSummary summary = TestRules(*rules, &failures);
  for (const auto& rule_set : rules->rule_sets()) {
    for (const CompiledClaim& claim : rule_set->claims()) {
      int failed = 0;
      for (const Diagnostic& f : failures) failed += f.claim_id == claim.id();
      const int total =
          claim.claim().example_size() + claim.claim().counterexample_size();
      out << (failed ? "FAIL  " : "ok    ") << claim.id() << "  "
          << (total - failed) << "/" << total << " examples\n";
    }
  }
  for (const Diagnostic& f : failures) err << f.ToString() << "\n";
  out << summary.claims << " claims, " << summary.examples << " examples, "
      << summary.failures << " failed\n";
  return summary.failures == 0 ? kExitOk : kExitFindings;
}

// Scans each document as it is read and writes its mentions; keeps the
// counts for the summary.
class ScanSink : public DocumentSink {
 public:
  ScanSink(const Scanner& scanner, MentionWriter* writer, bool strict,
           std::ostream& err)
      : scanner_(scanner), writer_(writer), strict_(strict), err_(err),
        progress_(isatty(STDERR_FILENO)), start_(Clock::now()) {}

  void OnDocument(Document document) override {
    if (!write_error_.ok()) return;
    ++documents_;
    bytes_ += document.text().size();
    mentions_.clear();
    scanner_.Scan(document, &mentions_);
    for (const Mention& m : mentions_) {
      ++by_claim_[m.claim_id()];
      if (write_error_ = writer_->Write(m); !write_error_.ok()) return;
    }
    ShowProgress(false);
  }

  bool OnSkipped(const absl::Status& error) override {
    ShowProgress(true);
    ++skipped_;
    err_ << (strict_ ? "refrain: error: " : "refrain: skipped: ") << error.message()
         << "\n";
    return !strict_ && write_error_.ok();
  }

  // Prints the summary; returns the exit code.
  int Finish() {
    ShowProgress(true);
    if (write_error_.ok()) write_error_ = writer_->Flush();
    if (!write_error_.ok()) {
      err_ << "refrain: " << write_error_.message() << "\n";
      return kExitFindings;
    }
    int total = 0;
    for (const auto& [claim, n] : by_claim_) total += n;
    err_ << "refrain: " << documents_ << " documents scanned, " << skipped_
         << " skipped, " << total << " mentions\n";
    for (const auto& rule_set : scanner_.rules().rule_sets()) {
      for (const CompiledClaim& claim : rule_set->claims()) {
        auto it = by_claim_.find(claim.id());
        if (it != by_claim_.end()) {
          err_ << absl::StrFormat("  %-28s %d\n", claim.id(), it->second);
        }
      }
    }
    return skipped_ == 0 ? kExitOk : kExitFindings;
  }

 private:
  using Clock = std::chrono::steady_clock;

  // On a terminal, after the first second: "\rN documents, X MB" every
  // quarter second; `clear` erases it before other output.
  void ShowProgress(bool clear) {
    if (!progress_) return;
    const auto now = Clock::now();
    if (clear) {
      if (shown_) err_ << "\r\033[K" << std::flush;
      shown_ = false;
      return;
    }
    if (now - start_ < std::chrono::seconds(1) ||
        now - last_ < std::chrono::milliseconds(250)) {
      return;
    }
    last_ = now;
    shown_ = true;
    err_ << absl::StrFormat("\rrefrain: %d documents, %.1f MB", documents_,
                            bytes_ / 1e6)
         << std::flush;
  }

  const Scanner& scanner_;
  MentionWriter* writer_;
  const bool strict_;
  std::ostream& err_;
  const bool progress_;
  const Clock::time_point start_;
  Clock::time_point last_;
  bool shown_ = false;
  std::vector<Mention> mentions_;
  std::map<std::string, int> by_claim_;
  int64_t documents_ = 0, skipped_ = 0, bytes_ = 0;
  absl::Status write_error_;
};

int ScanCommand(const std::vector<std::string>& argv, std::ostream& out,
                std::ostream& err) {
  Args args;
  CompileOptions compile;
  if (!ParseArgs(argv, 1, {"rules", "format", "out", "source", "max-pattern-memory"},
                 {"strict", "fold-diacritics"}, &args, err) ||
      !ParseCompileOptions(args, &compile, err)) {
    return kExitUsage;
  }
  if (!args.flags.count("rules")) {
    err << "refrain: scan needs --rules=PATH (a rule file or directory)\n";
    return kExitUsage;
  }
  if (args.positional.empty()) {
    err << "refrain: scan needs at least one INPUT (a file, a directory, or - "
           "for JSON Lines on standard input)\n";
    return kExitUsage;
  }
  absl::StatusOr<MentionFormat> format =
      ParseMentionFormat(args.flags.count("format") ? args.flags["format"] : "jsonl");
  if (!format.ok()) {
    err << "refrain: --format: " << format.status().message() << "\n";
    return kExitUsage;
  }

  int code;
  std::shared_ptr<const CompiledRules> rules = CheckRules(
      absl::StrSplit(args.flags["rules"], ',', absl::SkipEmpty()), compile, err, &code);
  if (rules == nullptr) return code;
  absl::StatusOr<std::unique_ptr<Scanner>> scanner = Scanner::Create(rules);
  if (!scanner.ok()) {
    err << "refrain: " << scanner.status().message() << "\n";
    return kExitFindings;
  }

  std::ofstream file;
  std::ostream* output = &out;
  if (args.flags.count("out")) {
    const std::string& path = args.flags["out"];
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "refrain: cannot write " << path << ": " << std::strerror(errno) << "\n";
      return kExitUsage;
    }
    output = &file;
  }

  ReadOptions read;
  read.default_source = args.flags["source"];
  MentionWriter writer(output, *format);
  ScanSink sink(**scanner, &writer, args.flags.count("strict") > 0, err);
  absl::Status status = DocumentReader(read).Read(args.positional, &sink);
  int result = sink.Finish();
  if (absl::IsCancelled(status)) {
    err << "refrain: stopped at the first bad input (--strict)\n";
  }
  return result;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::ostream& out,
           std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return kExitUsage;
  }
  if (args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    out << kUsage;
    return kExitOk;
  }
  if (args[0] == "scan") return ScanCommand(args, out, err);
  if (args[0] == "rules" && args.size() >= 2 &&
      (args[1] == "check" || args[1] == "test")) {
    return RulesCommand(args[1], args, out, err);
  }
  err << "refrain: unknown command '" << args[0]
      << (args.size() >= 2 && args[0] == "rules" ? " " + args[1] : "") << "'\n\n"
      << kUsage;
  return kExitUsage;
}

}  // namespace refrain
