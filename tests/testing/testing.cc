#include "tests/testing/testing.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>

#include "engine/rules/rule_compiler.h"
#include "engine/rules/rule_loader.h"
#include "engine/text/document_reader.h"
#include "gtest/gtest.h"

namespace refrain {
namespace testing {

std::string TempStorePath(const std::string& name) {
  std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

std::optional<std::string> SharedDir() {
  const char* dir = std::getenv("REFRAIN_SHARED");
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  return std::string(dir);
}

std::string EncodeUtf8(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return s;
}

bool UnderCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

std::vector<Document> ReadArticles(const std::string& dir) {
  std::vector<Document> docs;
  DocumentReader reader{ReadOptions()};
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    auto doc = reader.ParseText(path.string(), ReadFileOrDie(path.string()));
    EXPECT_TRUE(doc.ok()) << doc.status();
    if (doc.ok()) docs.push_back(std::move(*doc));
  }
  return docs;
}

std::vector<Document> ProjectCorpus() {
  std::vector<Document> docs = ReadArticles("tests/testdata/corpus");
  EXPECT_GE(docs.size(), 5u) << "the project corpus is missing";
  return docs;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

absl::StatusOr<std::unique_ptr<const CompiledRules>> CompileText(
    const std::string& text, std::vector<Diagnostic>* diagnostics,
    const std::string& path) {
  std::vector<Diagnostic> ignored;
  if (diagnostics == nullptr) diagnostics = &ignored;
  absl::StatusOr<RuleFile> file = ParseRuleFile(path, text, diagnostics);
  if (!file.ok()) return file.status();
  std::vector<RuleFile> files;
  files.push_back(std::move(*file));
  return CompileRules(std::move(files), CompileOptions(), diagnostics);
}

const char kSmallRules[] = R"(
name: "t"
lexicon { name: "P" term: "China" term: "Vietnam" }
claim { id: "partner" pattern: "(?P<a>{P}) is (?P<b>{P})'s largest partner" }
claim { id: "comrades" pattern: "comrades and brothers" }
)";

std::unique_ptr<Scanner> ScannerFor(const std::string& rules_text,
                                    const ScanOptions& options) {
  auto rules = CompileText(rules_text);
  EXPECT_TRUE(rules.ok()) << rules.status();
  if (!rules.ok()) return nullptr;
  auto scanner =
      Scanner::Create(std::shared_ptr<const CompiledRules>(std::move(*rules)), options);
  EXPECT_TRUE(scanner.ok()) << scanner.status();
  return scanner.ok() ? std::move(*scanner) : nullptr;
}

std::vector<std::string> ToStrings(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.ToString());
  return out;
}

std::vector<std::string> HitTexts(const CompiledClaim& claim,
                                  const std::string& sentence) {
  std::vector<ClaimMatch> hits;
  claim.Match(sentence, &hits);
  std::vector<std::string> out;
  for (const ClaimMatch& hit : hits) {
    out.push_back(sentence.substr(hit.begin, hit.end - hit.begin));
  }
  return out;
}

}  // namespace testing
}  // namespace refrain
