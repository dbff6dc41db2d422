// refrain's embedding API: compile rule files once, then scan documents —
// one at a time from any number of threads, or as a stream on a pool of
// threads with results in input order.
//
//   std::vector<refrain::Diagnostic> diagnostics;
//   absl::StatusOr<std::unique_ptr<refrain::Engine>> engine =
//       refrain::Engine::FromFiles({"rules/"}, {}, &diagnostics);
//   if (!engine.ok()) { /* diagnostics say file:line:col and what */ }
//
//   refrain::Document doc;
//   doc.set_id("d1");
//   doc.set_text("China is Vietnam's largest trading partner.");
//   std::vector<refrain::Mention> mentions = (*engine)->Scan(doc);
//
// The records are the protobuf messages of proto/document.proto and
// proto/claim.proto. An Engine is immutable once created: Scan is const and
// safe to call from many threads at once, and the Engine owns everything it
// needs (the rule files may be deleted after creation).
#ifndef REFRAIN_ENGINE_ENGINE_H_
#define REFRAIN_ENGINE_ENGINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/match/scanner.h"
#include "engine/rules/diagnostic.h"
#include "engine/rules/rule_compiler.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"
#include "proto/rule.pb.h"

namespace refrain {

struct EngineOptions {
  CompileOptions compile;  // fold_diacritics, max_pattern_memory
  ScanOptions scan;        // prefilter and sentence limits
};

class Engine {
 public:
  // Loads and compiles rule files (a directory means every *.textproto in
  // it). Every error and warning goes to `diagnostics` when it is not null.
  // Returns InvalidArgument for errors in the rules, NotFound,
  // PermissionDenied or FailedPrecondition for paths that cannot be read.
  static absl::StatusOr<std::unique_ptr<Engine>> FromFiles(
      const std::vector<std::string>& paths, const EngineOptions& options = {},
      std::vector<Diagnostic>* diagnostics = nullptr);

  // Compiles rule sets built in memory (diagnostics then carry `name` as
  // the file and no line numbers). Errors as FromFiles.
  static absl::StatusOr<std::unique_ptr<Engine>> FromRuleSets(
      const std::vector<RuleSet>& rule_sets, const EngineOptions& options = {},
      std::vector<Diagnostic>* diagnostics = nullptr);

  // The mentions of `document`, ordered by position, with byte offsets into
  // `document.text()`. At most `ScanOptions::max_mentions_per_sentence` per
  // sentence and `max_mentions_per_document` in all; the number of hits
  // beyond them goes to `*unrecorded` when it is not null. Thread-safe.
  std::vector<Mention> Scan(const Document& document, size_t* unrecorded = nullptr) const;

  // Scans the documents `next` yields (until it returns false) on `threads`
  // threads, the calling thread among them, and calls `done` for each, in
  // the order `next` yielded them, on the calling thread. Memory stays
  // bounded whatever the number of documents.
  void ScanStream(const std::function<bool(Document*)>& next, int threads,
                  const std::function<void(const Document&, std::vector<Mention>)>& done)
      const;

  // The compiled rules (names, fingerprints, claims).
  const CompiledRules& rules() const { return scanner_->rules(); }
  const Scanner& scanner() const { return *scanner_; }

 private:
  explicit Engine(std::unique_ptr<Scanner> scanner) : scanner_(std::move(scanner)) {}
  static absl::StatusOr<std::unique_ptr<Engine>> Create(
      absl::StatusOr<std::unique_ptr<const CompiledRules>> rules,
      const EngineOptions& options);

  std::unique_ptr<Scanner> scanner_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_ENGINE_H_
