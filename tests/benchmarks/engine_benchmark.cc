// Micro-benchmarks of the engine's stages, swept over input size and rule
// count (in the spirit of RE2's regexp_benchmark.cc). Text is generated
// here: off-topic prose with a claim sentence every `density` sentences.
// Build and run optimised:
//
//   bazel run -c opt //tests/benchmarks:engine_benchmark
//
// What each measures:
//   BM_SplitSentences   the sentence splitter, bytes/s by document size
//   BM_Normalize        the NFC check/normalisation of already-NFC text
//   BM_ScanDocument     Scanner::Scan of one document, by rule count
//   BM_WriteJsonl       rendering mentions as JSON Lines
//   BM_BuildReport      a claim-diff report, by number of mentions
//   BM_StoreIngest      ClaimStore::Ingest in batches, documents/s
#include <filesystem>
#include <sstream>
#include <string>

#include "benchmark/benchmark.h"
#include "engine/diff/report_builder.h"
#include "engine/match/scanner.h"
#include "engine/rules/rule_compiler.h"
#include "engine/store/claim_store.h"
#include "engine/store/mention_stream.h"
#include "engine/text/normalizer.h"
#include "engine/text/sentence_splitter.h"
#include "tools/bench/generated_rules.h"

namespace refrain {
namespace {

// About `bytes` of prose; every `every`-th sentence is the example of
// generated claim 0 (of a rule set of `claims`).
std::string Text(size_t bytes, int every = 20, int claims = 10) {
  static const char* const kSentences[] = {
      "The city council postponed a vote on the new ring road after a long debate.",
      "Farmers in the highlands reported a record coffee harvest, Mr. Tran said.",
      "Prices rose 3.6 percent year on year, according to the U.S. embassy.",
      "\u201CWe expect more rain,\u201D the weather service said on Dec. 14.",
  };
  std::string text;
  for (int i = 0; text.size() < bytes; ++i) {
    text += i % every == every - 1 ? GeneratedExample(claims, 0) : kSentences[i % 4];
    text += i % 6 == 5 ? "\n\n" : " ";
  }
  return text;
}

std::shared_ptr<const CompiledRules> Rules(int claims) {
  std::vector<Diagnostic> diagnostics;
  auto file = ParseRuleFile("generated.textproto", GeneratedRules(claims), &diagnostics);
  std::vector<RuleFile> files;
  files.push_back(std::move(*file));
  return std::move(*CompileRules(std::move(files), CompileOptions(), &diagnostics));
}

void BM_SplitSentences(benchmark::State& state) {
  const std::string text = Text(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(SplitSentences(text));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_SplitSentences)->Range(1 << 10, 1 << 20);

void BM_Normalize(benchmark::State& state) {
  const std::string text = Text(state.range(0));
  for (auto _ : state) {
    NormalizedText n = NormalizedText::Make(text, /*fold_diacritics=*/state.range(1));
    benchmark::DoNotOptimize(n.text());
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_Normalize)->ArgsProduct({{1 << 12, 1 << 18}, {0, 1}});

void BM_ScanDocument(benchmark::State& state) {
  const int claims = state.range(0);
  auto scanner = Scanner::Create(Rules(claims));
  Document doc;
  doc.set_text(Text(64 << 10, /*every=*/state.range(1), claims));
  std::vector<Mention> mentions;
  for (auto _ : state) {
    mentions.clear();
    (*scanner)->Scan(doc, &mentions);
  }
  state.SetBytesProcessed(state.iterations() * doc.text().size());
  state.counters["mentions"] = mentions.size();
}
BENCHMARK(BM_ScanDocument)->ArgsProduct({{10, 100, 1000}, {20, 1000000}});

void BM_WriteJsonl(benchmark::State& state) {
  auto scanner = Scanner::Create(Rules(10));
  Document doc;
  doc.set_id("doc");
  doc.set_text(Text(64 << 10, 2));
  std::vector<Mention> mentions;
  (*scanner)->Scan(doc, &mentions);
  for (auto _ : state) {
    std::ostringstream out;
    MentionWriter writer(&out, MentionFormat::kJsonl);
    for (const Mention& m : mentions) writer.Write(m).IgnoreError();
    benchmark::DoNotOptimize(out.str());
  }
  state.SetItemsProcessed(state.iterations() * mentions.size());
}
BENCHMARK(BM_WriteJsonl);

void BM_BuildReport(benchmark::State& state) {
  std::vector<Mention> mentions;
  static const char* const kVariants[] = {
      "China is Vietnam's largest trading partner",
      "China is Vietnam's biggest trading partner within ASEAN",
      "For 20 years, China has remained Vietnam's top trading partner"};
  for (int i = 0; i < state.range(0); ++i) {
    Mention m;
    m.set_claim_id(i % 7 == 0 ? "other" : "largest_trading_partner");
    m.set_source("Outlet " + std::to_string(i % 9));
    m.set_date("2025-0" + std::to_string(1 + i % 9));
    m.set_text(kVariants[i % 3]);
    (*m.mutable_slots())["rank"] = i % 2 ? "largest" : "biggest";
    mentions.push_back(std::move(m));
  }
  for (auto _ : state) benchmark::DoNotOptimize(BuildReport(mentions));
  state.SetItemsProcessed(state.iterations() * mentions.size());
}
BENCHMARK(BM_BuildReport)->Range(100, 100000);

void BM_StoreIngest(benchmark::State& state) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "refrain_benchmark.db").string();
  Document doc;
  doc.set_text(Text(4 << 10));
  Mention m;
  m.set_claim_id("c");
  m.set_text("x");
  int64_t n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto store = ClaimStore::Open(path, StoreOptions());
    state.ResumeTiming();
    absl::StatusOr<ClaimStore::Batch> batch = (*store)->StartBatch();
    for (int i = 0; i < 1000; ++i, ++n) {
      doc.set_id("doc-" + std::to_string(i));
      m.set_doc_id(doc.id());
      (*store)->Ingest(doc, {m}).IgnoreError();
    }
    if (batch.ok()) batch->Commit().IgnoreError();
  }
  state.SetItemsProcessed(n);
}
BENCHMARK(BM_StoreIngest)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace refrain
