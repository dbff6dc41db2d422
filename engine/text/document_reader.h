// Reading articles: plain text with optional front matter, and JSON Lines.
//
// A text article may start with a front-matter block:
//
//   ---
//   id: xinhua-2023-12-14
//   source: Xinhua
//   date: 2023-12-14
//   ---
//   Article text...
//
// A JSON Lines file holds one article per line, an object with the same
// keys plus "text". Keys other than id, source, date, url, title and text
// are kept in `Document.metadata`.
//
//   DocumentReader reader(options);
//   absl::Status status = reader.Read({"articles/", "feed.jsonl"}, &sink);
#ifndef REFRAIN_ENGINE_TEXT_DOCUMENT_READER_H_
#define REFRAIN_ENGINE_TEXT_DOCUMENT_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/document.pb.h"

namespace refrain {

// An error of exceeding `ReadOptions::max_document_bytes` carries the
// payload kLimitPayload = kMaxDocumentBytes, so that a caller can name the
// setting in its own terms (the CLI its flag).
inline constexpr char kLimitPayload[] = "refrain.limit";
inline constexpr char kMaxDocumentBytes[] = "max_document_bytes";

struct ReadOptions {
  // `Document.source` for articles that do not name one. Default: empty.
  std::string default_source;
  // Largest article accepted, in bytes; a larger one is skipped with an
  // error. Default: 64 MiB.
  size_t max_document_bytes = 64 << 20;
};

class DocumentReader;

// Receives what a DocumentReader reads, in input order.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // One article, read at `place` ("path", or "path:line" for JSON Lines).
  virtual void OnDocument(Document document, const std::string& place) = 0;
  // An input that was skipped; `error` is InvalidArgument, NotFound,
  // PermissionDenied, FailedPrecondition (not a regular file or pipe),
  // OutOfRange (over the size limit) or DataLoss with a message that starts with
  // "file:line: " (or "file: " when no line applies). Return false to stop
  // reading (as `--strict` does).
  virtual bool OnSkipped(const absl::Status& error) = 0;
  // One line of a JSON Lines input, not yet parsed. By default it is parsed
  // at once (`reader.ParseJsonLine`) and handed to OnDocument or OnSkipped;
  // a sink may parse it later instead, e.g. on another thread. Return false
  // to stop reading.
  virtual bool OnJsonLine(const DocumentReader& reader, const std::string& path,
                          int line, std::string text);
};

class DocumentReader {
 public:
  explicit DocumentReader(ReadOptions options) : options_(std::move(options)) {}

  // Reads each input in order: "-" is JSON Lines on standard input (named
  // "stdin" in ids and messages), a
  // directory is walked recursively in sorted order (hidden files skipped;
  // each entry that cannot be read is skipped by its own path), a file
  // ending in ".jsonl" or ".ndjson" is JSON Lines, any other file is a text
  // article. Only regular files and pipes are read (not /dev/zero), and the
  // size limit holds while reading: a JSON line or a text file over it is
  // never buffered whole. An input holding no document (an empty file,
  // nothing on standard input) is skipped with an error. Returns Cancelled
  // when the sink asked to stop, else OK: problems with single inputs go to
  // `sink->OnSkipped`.
  absl::Status Read(const std::vector<std::string>& inputs, DocumentSink* sink) const;

  // Parses a text article; `path` is its id unless the front matter gives
  // one. Errors name `path` and the line.
  absl::StatusOr<Document> ParseText(const std::string& path,
                                     std::string content) const;

  // Parses line `line_number` of a JSON Lines input named `path`. The id
  // defaults to "path:line".
  absl::StatusOr<Document> ParseJsonLine(const std::string& path, int line_number,
                                         absl::string_view line) const;

 private:
  bool ReadFile(const std::string& path, DocumentSink* sink) const;
  bool ReadJsonLines(const std::string& path, std::istream& in,
                     DocumentSink* sink) const;

  ReadOptions options_;
};

}  // namespace refrain

#endif  // REFRAIN_ENGINE_TEXT_DOCUMENT_READER_H_
