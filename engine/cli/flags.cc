#include "engine/cli/flags.h"

#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "engine/cli/cli.h"

namespace refrain {

const std::set<std::string> kRuleValueFlags = {"max-pattern-memory"};
const std::set<std::string> kRuleBoolFlags = {"fold-diacritics"};

bool ParseArgs(const std::vector<std::string>& argv, size_t first,
               const std::set<std::string>& value_flags,
               const std::set<std::string>& bool_flags, Args* args,
               std::ostream& err) {
  for (size_t i = first; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (!absl::StartsWith(arg, "--") || arg == "--") {
      if (arg != "--") args->positional.push_back(arg);
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
      args->flags[name] = "true";
    } else if (value_flags.count(name)) {
      if (!has_value) {
        if (i + 1 >= argv.size()) {
          err << "refrain: --" << name << " needs a value\n";
          return false;
        }
        value = argv[++i];
      }
      args->flags[name] = value;
    } else {
      err << "refrain: unknown flag --" << name << " (see 'refrain help')\n";
      return false;
    }
  }
  return true;
}

std::unique_ptr<const CompiledRules> LoadRulesOrReport(
    const std::vector<std::string>& paths, const Args& args, std::ostream& err,
    int* code) {
  CompileOptions options;
  options.fold_diacritics = args.Has("fold-diacritics");
  if (args.Has("max-pattern-memory") &&
      (!absl::SimpleAtoi(args.Get("max-pattern-memory"), &options.max_pattern_memory) ||
       options.max_pattern_memory <= 0)) {
    err << "refrain: --max-pattern-memory wants a positive number of bytes, got '"
        << args.Get("max-pattern-memory") << "'\n";
    *code = kExitUsage;
    return nullptr;
  }
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

ScanRun::ScanRun(const Scanner& scanner, bool strict, std::ostream& err,
                 Consumer consume)
    : scanner_(scanner),
      strict_(strict),
      err_(err),
      consume_(std::move(consume)),
      progress_(isatty(STDERR_FILENO)),
      start_(Clock::now()) {}

void ScanRun::OnDocument(Document document) {
  if (!failed_.ok()) return;
  ++documents_;
  bytes_ += document.text().size();
  mentions_.clear();
  scanner_.Scan(document, &mentions_);
  for (const Mention& m : mentions_) ++by_claim_[m.claim_id()];
  failed_ = consume_(document, mentions_);
  ShowProgress(false);
}

bool ScanRun::OnSkipped(const absl::Status& error) {
  ShowProgress(true);
  ++skipped_;
  err_ << (strict_ ? "refrain: error: " : "refrain: skipped: ") << error.message() << "\n";
  return !strict_ && failed_.ok();
}

int ScanRun::Run(const std::vector<std::string>& inputs, const ReadOptions& options) {
  absl::Status status = DocumentReader(options).Read(inputs, this);
  ShowProgress(true);
  if (!failed_.ok()) {
    err_ << "refrain: " << failed_.message() << "\n";
    return kExitFindings;
  }
  if (absl::IsCancelled(status)) {
    err_ << "refrain: stopped at the first bad input (--strict)\n";
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

// On a terminal, after the first second: "\rN documents, X MB" every
// quarter second; `clear` erases it before other output.
void ScanRun::ShowProgress(bool clear) {
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
  err_ << absl::StrFormat("\rrefrain: %d documents, %.1f MB", documents_, bytes_ / 1e6)
       << std::flush;
}

}  // namespace refrain
