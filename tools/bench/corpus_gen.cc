// Generates a realistic article stream for benchmarks, deterministically
// from a seed: sentences of the sample articles (read at run time, never
// committed), recombined and lightly mutated, mixed with off-topic prose.
//
//   corpus_gen --seeds=../shared/corpus/seeds --megabytes=100 --density=sparse
//       --seed=1 --format=jsonl > corpus.jsonl
//   corpus_gen ... --format=files --out=DIR     (one front-matter file each)
//
// dense: every article is on topic; sparse: about one article in twenty is.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "engine/text/document_reader.h"
#include "engine/text/sentence_splitter.h"

namespace {

// A deterministic generator: the same seed gives the same corpus with any
// standard library (distributions are not used).
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  size_t Below(size_t n) { return static_cast<size_t>(engine_() % n); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  std::mt19937_64 engine_;
};

const std::vector<std::string> kOutlets = {
    "Lotus Wire", "Red River Dispatch", "Harbour Ledger", "Meridian Post",
    "Northern Courier", "Delta Times", "Pacific Bulletin", "Capital Review"};

// Off-topic prose, from templates.
std::string OffTopicSentence(Random& r) {
  static const std::vector<std::string> kSubjects = {
      "The city council", "Local farmers", "The central bank", "A regional airline",
      "Researchers at the university", "The football club", "Shipping firms",
      "The health ministry", "Retailers", "The weather service", "Commuters",
      "A software start-up", "The museum", "Teachers' unions", "Energy traders"};
  static const std::vector<std::string> kVerbs = {
      "approved", "criticised", "announced", "postponed", "welcomed", "reviewed",
      "expanded", "reported", "questioned", "celebrated", "launched", "delayed"};
  static const std::vector<std::string> kObjects = {
      "a new budget for road repairs", "plans for a riverside park",
      "higher prices for rice and coffee", "a festival of traditional music",
      "the results of a three-year study", "an overhaul of the bus network",
      "a record harvest in the highlands", "changes to school exams",
      "a fresh round of interest-rate cuts", "the opening of a new terminal",
      "stricter rules on food labelling", "a campaign against plastic waste"};
  static const std::vector<std::string> kTails = {
      "on Tuesday", "after months of debate", "despite heavy rain",
      "according to officials", "amid strong demand", "for the second year running",
      "in a statement", "ahead of the holiday season"};
  return absl::StrCat(r.Pick(kSubjects), " ", r.Pick(kVerbs), " ", r.Pick(kObjects), " ",
                      r.Pick(kTails), ".");
}

// Light mutations of an on-topic sentence, as other outlets would word it.
std::string Mutate(std::string s, Random& r) {
  static const std::vector<std::pair<std::string, std::string>> kSwaps = {
      {"largest", "biggest"}, {"biggest", "top"}, {"trading partner", "trade partner"},
      {"Vietnam", "Viet Nam"}, {"differences", "disputes"}, {"properly", "appropriately"},
      {"China-Vietnam", "Vietnam-China"}, {"strategic significance", "strategic importance"},
      {"More than", "Over"}, {"approximately", "about"}};
  for (const auto& [from, to] : kSwaps) {
    if (r.Below(3) == 0) s = absl::StrReplaceAll(s, {{from, to}});
  }
  return s;
}

int Fail(const std::string& message) {
  std::cerr << "corpus_gen: " << message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string seeds_dir, density = "sparse", format = "jsonl", out;
  uint64_t seed = 1;
  double megabytes = 10;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&arg](const char* name) -> const char* {
      const std::string prefix = absl::StrCat("--", name, "=");
      return arg.rfind(prefix, 0) == 0 ? arg.c_str() + prefix.size() : nullptr;
    };
    if (const char* v = value("seeds")) seeds_dir = v;
    else if (const char* v = value("density")) density = v;
    else if (const char* v = value("format")) format = v;
    else if (const char* v = value("out")) out = v;
    else if (const char* v = value("seed")) { if (!absl::SimpleAtoi(v, &seed)) return Fail("bad --seed"); }
    else if (const char* v = value("megabytes")) { if (!absl::SimpleAtod(v, &megabytes)) return Fail("bad --megabytes"); }
    else return Fail("unknown argument " + arg);
  }
  if (seeds_dir.empty()) return Fail("--seeds=DIR (the sample articles) is required");
  if (density != "dense" && density != "sparse") return Fail("--density is dense or sparse");
  if (format != "jsonl" && format != "files") return Fail("--format is jsonl or files");
  if (format == "files" && out.empty()) return Fail("--format=files needs --out=DIR");

  // On-topic sentences of the sample articles.
  std::vector<std::string> topical;
  refrain::DocumentReader reader{refrain::ReadOptions()};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(seeds_dir)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    absl::StatusOr<refrain::Document> doc = reader.ParseText(path.string(), content);
    if (!doc.ok()) return Fail(std::string(doc.status().message()));
    for (const refrain::Sentence& s : refrain::SplitSentences(doc->text())) {
      if (!s.debris && s.end - s.begin > 40) {
        topical.push_back(doc->text().substr(s.begin, s.end - s.begin));
      }
    }
  }
  if (topical.empty()) return Fail("no sentences in " + seeds_dir);

  Random r(seed);
  std::ofstream jsonl;
  std::ostream* stream = &std::cout;
  if (format == "jsonl" && !out.empty()) {
    jsonl.open(out);
    stream = &jsonl;
  }
  if (format == "files") std::filesystem::create_directories(out);
  const uint64_t target = static_cast<uint64_t>(megabytes * 1e6);
  uint64_t written = 0;
  for (int n = 0; written < target; ++n) {
    const bool on_topic = density == "dense" || r.Below(20) == 0;
    std::string text;
    const size_t sentences = 20 + r.Below(30);
    for (size_t k = 0; k < sentences; ++k) {
      const bool topical_sentence = on_topic && r.Below(3) == 0;
      absl::StrAppend(&text, topical_sentence ? Mutate(r.Pick(topical), r) : OffTopicSentence(r),
                      k % 5 == 4 ? "\n\n" : " ");
    }
    const std::string id = absl::StrFormat("gen-%08d", n);
    const std::string source = r.Pick(kOutlets);
    const std::string date =
        absl::StrFormat("%d-%02d-%02d", 2023 + static_cast<int>(r.Below(3)),
                        1 + static_cast<int>(r.Below(12)), 1 + static_cast<int>(r.Below(28)));
    if (format == "jsonl") {
      const std::string escaped = absl::StrReplaceAll(
          text, {{"\\", "\\\\"}, {"\"", "\\\""}, {"\n", "\\n"}, {"\t", "\\t"}});
      *stream << "{\"id\":\"" << id << "\",\"source\":\"" << source << "\",\"date\":\""
              << date << "\",\"text\":\"" << escaped << "\"}\n";
    } else {
      std::ofstream file(std::filesystem::path(out) / (id + ".txt"));
      file << "---\nid: " << id << "\nsource: " << source << "\ndate: " << date
           << "\n---\n" << text;
    }
    written += text.size();
  }
  return 0;
}
