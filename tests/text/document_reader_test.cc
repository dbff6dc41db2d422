// Tests of engine/text/document_reader.h, including every kind of bad input.
#include "engine/text/document_reader.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

const DocumentReader& Reader() {
  static const DocumentReader* reader = [] {
    ReadOptions options;
    options.default_source = "Fallback";
    options.max_document_bytes = 1000;
    return new DocumentReader(options);
  }();
  return *reader;
}

std::string TextError(const std::string& content) {
  absl::StatusOr<Document> doc = Reader().ParseText("a.txt", content);
  EXPECT_FALSE(doc.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(doc.status())) << doc.status();
  return std::string(doc.status().message());
}

std::string JsonError(const std::string& line) {
  absl::StatusOr<Document> doc = Reader().ParseJsonLine("f.jsonl", 7, line);
  EXPECT_FALSE(doc.ok());
  return std::string(doc.status().message());
}

TEST(DocumentReader, ParsesFrontMatterAndKeepsTheBodyExactly) {
  absl::StatusOr<Document> doc = Reader().ParseText(
      "a.txt",
      "---\nid: doc-1\nsource: Lotus Wire\ndate: 2024-10\ntitle: \"Ties\"\n"
      "event: visit\n---\n  Body \u2019text\u2019.\n");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->id(), "doc-1");
  EXPECT_EQ(doc->source(), "Lotus Wire");
  EXPECT_EQ(doc->date(), "2024-10");
  EXPECT_EQ(doc->title(), "Ties");
  EXPECT_EQ(doc->metadata().at("event"), "visit");
  EXPECT_EQ(doc->text(), "  Body \u2019text\u2019.\n");
}

TEST(DocumentReader, AcceptsFilesWithoutFrontMatterCrlfAndBom) {
  absl::StatusOr<Document> doc = Reader().ParseText("dir/b.txt", "Just text.\n");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id(), "dir/b.txt");
  EXPECT_EQ(doc->source(), "Fallback");
  EXPECT_EQ(doc->text(), "Just text.\n");

  doc = Reader().ParseText("c.txt", "\xEF\xBB\xBF---\r\nsource: X\r\n---\r\nBody.\r\n");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->source(), "X");
  EXPECT_EQ(doc->text(), "Body.\r\n");
}

TEST(DocumentReader, RejectsBadTextArticlesWithFileAndLine) {
  EXPECT_EQ(TextError(""), "a.txt: empty file");
  EXPECT_EQ(TextError("\n \n"), "a.txt: empty file");
  EXPECT_EQ(TextError("---\nsource: X\nno text"),
            "a.txt:1: front matter opened with `---` is never closed");
  EXPECT_EQ(TextError("---\nsource: X\n---\n\n"),
            "a.txt:3: no article text after the front matter");
  EXPECT_EQ(TextError("---\nsource X\n---\nBody."),
            "a.txt:2: front matter line is not `key: value`: \"source X\"");
  EXPECT_EQ(TextError("Line one.\nBad \xC3\x28 byte.\n"),
            "a.txt:2: invalid UTF-8 in the file (byte 0xc3)");
  EXPECT_EQ(TextError("---\ntitle: \xFF\n---\nBody."),
            "a.txt:2: invalid UTF-8 in the file (byte 0xff)");
  EXPECT_EQ(TextError(std::string("PNG\0\x01\x02", 6)),
            "a.txt:1: binary data (NUL byte) in the file; not a text article");
  EXPECT_EQ(TextError("---\nsource: X\ndate: yesterday <b>\n---\nBody."),
            "a.txt:3: date \"yesterday <b>\" is not YYYY, YYYY-MM or YYYY-MM-DD");
  EXPECT_EQ(TextError("---\ndate: 2025-02-29\n---\nBody."),
            "a.txt:2: date \"2025-02-29\" is not YYYY, YYYY-MM or YYYY-MM-DD");
  EXPECT_EQ(TextError(std::string(1001, 'a')),
            "a.txt: article of 1001 bytes exceeds the limit of 1000 bytes");
}

// The library says which limit in its own terms, with a payload; a caller
// (the CLI) names its flag, so the message holds none.
TEST(DocumentReader, MarksEveryLimitErrorWithAPayloadAndNoFlag) {
  absl::StatusOr<Document> text = Reader().ParseText("a.txt", std::string(1001, 'a'));
  absl::StatusOr<Document> line =
      Reader().ParseJsonLine("f.jsonl", 1, std::string(1001, ' '));
  for (const absl::Status& s : {text.status(), line.status()}) {
    EXPECT_THAT(std::string(s.message()), Not(HasSubstr("--"))) << s;
    EXPECT_EQ(s.GetPayload(kLimitPayload), absl::Cord(kMaxDocumentBytes)) << s;
  }
}

TEST(DocumentReader, ParsesJsonLinesKeepingOtherKeysAsMetadata) {
  absl::StatusOr<Document> doc = Reader().ParseJsonLine(
      "f.jsonl", 3,
      R"({"id": "x1", "source": "Lotus Wire", "text": "Body.", "tags": ["a"], "n": 2, "skip": null})");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->id(), "x1");
  EXPECT_EQ(doc->text(), "Body.");
  EXPECT_EQ(doc->metadata().at("tags"), "[\"a\"]");
  EXPECT_EQ(doc->metadata().at("n"), "2");
  EXPECT_FALSE(doc->metadata().contains("skip"));

  doc = Reader().ParseJsonLine("f.jsonl", 3, R"({"text": "Body."})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id(), "f.jsonl:3");

  // Found by jsonl_fuzzer: an empty id keeps the default, or every such
  // article would be one document in the store.
  doc = Reader().ParseJsonLine("f.jsonl", 4, R"({"id": " ", "text": "Body."})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id(), "f.jsonl:4");
  doc = Reader().ParseText("a.txt", "---\nid:\n---\nBody.");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id(), "a.txt");
  EXPECT_EQ(doc->source(), "Fallback");
}

TEST(DocumentReader, RejectsBadJsonLinesWithFileAndLine) {
  EXPECT_EQ(JsonError("[1, 2]"), "f.jsonl:7: not a JSON object (each line must be {...})");
  EXPECT_EQ(JsonError("\"text\""), "f.jsonl:7: not a JSON object (each line must be {...})");
  EXPECT_THAT(JsonError("{\"text\": \"a\""),
              ::testing::StartsWith("f.jsonl:7: malformed JSON: "));
  EXPECT_EQ(JsonError("{\"id\": \"a\"}"), "f.jsonl:7: no \"text\" field");
  EXPECT_EQ(JsonError("{\"text\": 5}"), "f.jsonl:7: \"text\" must be a string");
  EXPECT_EQ(JsonError("{\"text\": \"  \"}"), "f.jsonl:7: \"text\" is empty");
  EXPECT_EQ(JsonError("{\"text\": \"\xC3\x28\"}"),
            "f.jsonl:7: invalid UTF-8 in the line (byte 0xc3)");
  EXPECT_EQ(JsonError("{\"date\": 20250101, \"text\": \"a\"}"),
            "f.jsonl:7: date \"20250101\" is not YYYY, YYYY-MM or YYYY-MM-DD");
  EXPECT_EQ(JsonError("{\"date\": \"2025-13\", \"text\": \"a\"}"),
            "f.jsonl:7: date \"2025-13\" is not YYYY, YYYY-MM or YYYY-MM-DD");
  std::string deep(200, '[');
  EXPECT_THAT(JsonError("{\"x\": " + deep + "}"),
              ::testing::StartsWith("f.jsonl:7: malformed JSON: "));
}

// Collects what a reader delivers.
class Collect : public DocumentSink {
 public:
  explicit Collect(bool keep_going = true) : keep_going_(keep_going) {}
  void OnDocument(Document d, const std::string&) override { ids.push_back(d.id()); }
  bool OnSkipped(const absl::Status& e) override {
    errors.push_back(std::string(e.message()));
    return keep_going_;
  }
  std::vector<std::string> ids, errors;

 private:
  bool keep_going_;
};

TEST(DocumentReader, WalksDirectoriesInOrderAndCarriesOnAfterBadInputs) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "walk";
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / ".hidden");
  std::ofstream(dir / "b.txt") << "B.";
  std::ofstream(dir / "a.txt") << "---\nid: a\n---\nA.";
  std::ofstream(dir / "empty.txt") << "";
  std::ofstream(dir / ".hidden" / "h.txt") << "H.";
  std::ofstream(dir / "sub" / "feed.jsonl")
      << "{\"id\": \"j1\", \"text\": \"J.\"}\n\nnot json\n{\"id\": \"j2\", \"text\": \"J.\"}\n";

  Collect sink;
  ASSERT_TRUE(Reader().Read({dir.string(), (dir / "missing.txt").string()}, &sink).ok());
  EXPECT_THAT(sink.ids, ElementsAre("a", (dir / "b.txt").string(), "j1", "j2"));
  EXPECT_THAT(sink.errors,
              ElementsAre((dir / "empty.txt").string() + ": empty file",
                          (dir / "sub/feed.jsonl").string() +
                              ":3: not a JSON object (each line must be {...})",
                          (dir / "missing.txt").string() + ": no such file or directory"));

  Collect strict(/*keep_going=*/false);
  EXPECT_TRUE(absl::IsCancelled(Reader().Read({dir.string()}, &strict)));
  EXPECT_THAT(strict.ids, ElementsAre("a", (dir / "b.txt").string()));
  EXPECT_EQ(strict.errors.size(), 1u);
}

}  // namespace
}  // namespace refrain
