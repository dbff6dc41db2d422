#include "engine/engine.h"

#include "absl/strings/str_cat.h"
#include "engine/match/scan_pool.h"
#include "google/protobuf/text_format.h"

namespace refrain {

absl::StatusOr<std::unique_ptr<Engine>> Engine::Create(
    absl::StatusOr<std::unique_ptr<const CompiledRules>> rules, const EngineOptions& options) {
  if (!rules.ok()) return rules.status();
  absl::StatusOr<std::unique_ptr<Scanner>> scanner =
      Scanner::Create(std::shared_ptr<const CompiledRules>(std::move(*rules)), options.scan);
  if (!scanner.ok()) return scanner.status();
  return std::unique_ptr<Engine>(new Engine(std::move(*scanner)));
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::FromFiles(
    const std::vector<std::string>& paths, const EngineOptions& options,
    std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> ignored;
  return Create(LoadRules(paths, options.compile, diagnostics ? diagnostics : &ignored),
                options);
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::FromRuleSets(
    const std::vector<RuleSet>& rule_sets, const EngineOptions& options,
    std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> ignored;
  if (diagnostics == nullptr) diagnostics = &ignored;
  std::vector<RuleFile> files;
  for (const RuleSet& rule_set : rule_sets) {
    RuleFile file;
    file.path = rule_set.name().empty() ? "<rule set>" : rule_set.name();
    file.rule_set = rule_set;
    files.push_back(std::move(file));
  }
  return Create(CompileRules(std::move(files), options.compile, diagnostics), options);
}

std::vector<Mention> Engine::Scan(const Document& document, size_t* unrecorded) const {
  std::vector<Mention> mentions;
  const size_t beyond = scanner_->Scan(document, &mentions);
  if (unrecorded != nullptr) *unrecorded = beyond;
  return mentions;
}

void Engine::ScanStream(
    const std::function<bool(Document*)>& next, int threads,
    const std::function<void(const Document&, std::vector<Mention>)>& done) const {
  ScanPool pool(*scanner_, threads, /*render=*/nullptr, [&done](ScanPool::Result result) {
    // Documents submitted here are made already; they cannot fail.
    done(*result.document, std::move(result.mentions));
  });
  for (Document document; next(&document); document.Clear()) {
    pool.Submit(std::move(document));
  }
  pool.Finish();
}

}  // namespace refrain
