#include "engine/engine.h"

#include "absl/strings/str_cat.h"
#include "engine/match/scan_pool.h"
#include "engine/match/scanner.h"
#include "google/protobuf/text_format.h"

namespace refrain {

Engine::Engine(std::unique_ptr<Scanner> scanner) : scanner_(std::move(scanner)) {}
Engine::~Engine() = default;

const CompiledRules& Engine::rules() const { return scanner_->rules(); }
const ScanOptions& Engine::scan_options() const { return scanner_->options(); }

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

absl::Status Engine::ScanStream(
    const std::function<absl::StatusOr<bool>(Document*)>& next, int threads,
    const std::function<void(const Document&, std::vector<Mention>)>& done) const {
  Stream stream(*this, threads, /*render=*/nullptr, [&done](Stream::Result result) {
    // Documents submitted here are made already; they cannot fail.
    done(*result.document, std::move(result.mentions));
  });
  for (Document document;; document.Clear()) {
    absl::StatusOr<bool> more = next(&document);
    if (!more.ok()) {
      stream.Finish();  // delivers the documents before the error
      return more.status();
    }
    if (!*more) break;
    stream.Submit(std::move(document));
  }
  stream.Finish();
  return absl::OkStatus();
}

Engine::Stream::Stream(const Engine& engine, int threads, Render render, Done done)
    : pool_(std::make_unique<ScanPool>(
          *engine.scanner_, threads, std::move(render),
          [done = std::move(done)](ScanPool::Result result) {
            done(Result{std::move(result.document), std::move(result.mentions),
                        result.unrecorded, std::move(result.rendered)});
          })) {}

Engine::Stream::~Stream() = default;  // ~ScanPool finishes

void Engine::Stream::Submit(Document document) { pool_->Submit(std::move(document)); }
void Engine::Stream::Submit(Make make, size_t bytes) { pool_->Submit(std::move(make), bytes); }
void Engine::Stream::Finish() { pool_->Finish(); }

}  // namespace refrain
