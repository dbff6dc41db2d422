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
//
// This header is the whole API: the scanner and its pool stay behind it
// (declared, not included), so an embedder never needs engine/match/.
#ifndef REFRAIN_ENGINE_ENGINE_H_
#define REFRAIN_ENGINE_ENGINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/match/scan_options.h"
#include "engine/rules/diagnostic.h"
#include "engine/rules/rule_compiler.h"
#include "proto/claim.pb.h"
#include "proto/document.pb.h"
#include "proto/rule.pb.h"

namespace refrain {

class Scanner;
class ScanPool;

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
  // bounded whatever the number of documents. A read error, `next`
  // returning one, stops the stream: `done` is still called for every
  // document yielded before it, then that error is returned.
  absl::Status ScanStream(
      const std::function<absl::StatusOr<bool>(Document*)>& next, int threads,
      const std::function<void(const Document&, std::vector<Mention>)>& done) const;

  class Stream;  // ScanStream's machinery, for callers that need more: below

  // The compiled rules (names, fingerprints, claims).
  const CompiledRules& rules() const;
  // The scan options the engine was created with (the mention limits, say,
  // to explain hits that were not recorded).
  const ScanOptions& scan_options() const;

  ~Engine();

 private:
  explicit Engine(std::unique_ptr<Scanner> scanner);
  static absl::StatusOr<std::unique_ptr<Engine>> Create(
      absl::StatusOr<std::unique_ptr<const CompiledRules>> rules,
      const EngineOptions& options);

  std::unique_ptr<Scanner> scanner_;
};

// Scans documents on several threads and hands the results back in the
// order they were submitted, so output is the same for any number of
// threads: what Engine::ScanStream does, open for making documents on the
// scanning threads (parsing JSON lines, say), rendering the results there
// too, and documents that fail to be made.
//
//   Engine::Stream stream(*engine, /*threads=*/2, /*render=*/nullptr,
//                         [](Engine::Stream::Result result) { ... });
//   for (...) stream.Submit(std::move(doc));
//   stream.Finish();
//
// `done` runs on the thread that calls Submit or Finish, one document at a
// time, in submission order. `threads` counts the calling thread. At most a
// few batches per thread are in flight, so memory does not grow with the
// input. Submit, Finish and the destructor must be called from one thread;
// the Engine must outlive the Stream.
class Engine::Stream {
 public:
  struct Result {
    absl::StatusOr<Document> document;  // the error of `make`, if it failed
    std::vector<Mention> mentions;
    size_t unrecorded = 0;  // hits beyond the mention limits (Engine::Scan)
    std::string rendered;   // what `render` made of them
  };
  using Make = std::function<absl::StatusOr<Document>()>;
  using Render = std::function<std::string(const Document&, const std::vector<Mention>&)>;
  using Done = std::function<void(Result)>;

  // `threads` <= 1 works on the calling thread alone. `render` may be null.
  Stream(const Engine& engine, int threads, Render render, Done done);
  ~Stream();  // Finish()es.
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  // Queues a document, or the making of one from about `bytes` of input;
  // may block until there is room, delivering finished documents meanwhile.
  void Submit(Document document);
  void Submit(Make make, size_t bytes);

  // Waits for every submitted document and delivers it.
  void Finish();

 private:
  std::unique_ptr<ScanPool> pool_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_ENGINE_H_
