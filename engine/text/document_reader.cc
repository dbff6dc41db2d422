#include "engine/text/document_reader.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/text/date.h"
#include "engine/text/utf8.h"
#include "engine/util/file_util.h"
#include "simdjson.h"

namespace refrain {
namespace {

namespace fs = std::filesystem;

constexpr absl::string_view kBom = "\xEF\xBB\xBF";
constexpr char kStdinName[] = "stdin";

absl::Status Problem(absl::string_view path, int line, absl::string_view what) {
  return absl::InvalidArgumentError(
      line > 0 ? absl::StrCat(path, ":", line, ": ", what)
               : absl::StrCat(path, ": ", what));
}

// `status` (an error) marked as one of exceeding
// `ReadOptions::max_document_bytes` (kLimitPayload).
absl::Status OverDocumentLimit(absl::Status status) {
  status.SetPayload(kLimitPayload, absl::Cord(kMaxDocumentBytes));
  return status;
}

// Checks the bytes of one article: not empty, not binary, valid UTF-8.
// `first_line` is the line number of `bytes[0]` in its file.
absl::Status CheckText(absl::string_view path, absl::string_view bytes,
                       int first_line, absl::string_view what) {
  if (size_t nul = bytes.find('\0'); nul != absl::string_view::npos) {
    return Problem(path, first_line + LineOf(bytes, nul) - 1,
                   absl::StrCat("binary data (NUL byte) in ", what, "; not a text article"));
  }
  if (size_t bad = FindInvalidUtf8(bytes); bad != absl::string_view::npos) {
    return Problem(path, first_line + LineOf(bytes, bad) - 1,
                   absl::StrCat("invalid UTF-8 in ", what, " (byte 0x",
                                absl::Hex(static_cast<unsigned char>(bytes[bad])),
                                ")"));
  }
  return absl::OkStatus();
}

// Sets a known field of `doc` from a front-matter or JSON key; other keys go
// to metadata. Returns what is wrong with a date that is not YYYY, YYYY-MM or
// YYYY-MM-DD (the caller adds the place): the article is skipped, as for
// any other bad input, rather than stored with a date that sorts and groups
// wrongly.
absl::Status SetField(absl::string_view key, std::string value, Document* doc) {
  if (key == "id") {
    // An empty id would make every such article the same document; keep
    // the default (the path, or path:line).
    if (!absl::StripAsciiWhitespace(value).empty()) doc->set_id(std::move(value));
  } else if (key == "source") {
    doc->set_source(std::move(value));
  } else if (key == "date") {
    if (absl::Status bad = CheckDate(value); !bad.ok()) return bad;
    doc->set_date(std::move(value));
  } else if (key == "url") {
    doc->set_url(std::move(value));
  } else if (key == "title") {
    doc->set_title(std::move(value));
  } else {
    (*doc->mutable_metadata())[std::string(key)] = std::move(value);
  }
  return absl::OkStatus();
}

}  // namespace

bool DocumentSink::OnJsonLine(const DocumentReader& reader, const std::string& path,
                              int line, std::string text) {
  absl::StatusOr<Document> doc = reader.ParseJsonLine(path, line, text);
  if (!doc.ok()) return OnSkipped(doc.status());
  OnDocument(std::move(*doc), absl::StrCat(path, ":", line));
  return true;
}

absl::StatusOr<Document> DocumentReader::ParseText(const std::string& path,
                                                   std::string content) const {
  if (content.size() > options_.max_document_bytes) {
    return OverDocumentLimit(Problem(
        path, 0, absl::StrCat("article of ", content.size(), " bytes exceeds the limit of ",
                              options_.max_document_bytes, " bytes")));
  }
  absl::string_view rest = content;
  size_t skipped = absl::ConsumePrefix(&rest, kBom) ? kBom.size() : 0;
  if (absl::StripAsciiWhitespace(rest).empty()) {
    return Problem(path, 0, "empty file");
  }
  if (absl::Status s = CheckText(path, rest, 1, "the file"); !s.ok()) return s;

  Document doc;
  doc.set_id(path);
  doc.set_source(options_.default_source);
  int line = 1;
  if (absl::StripTrailingAsciiWhitespace(rest.substr(0, rest.find('\n'))) == "---") {
    // Front matter: `key: value` lines up to the next `---` line.
    const size_t first = rest.find('\n') + 1;
    size_t close = first, body = absl::string_view::npos;
    while (close > 0 && close < rest.size()) {
      size_t newline = rest.find('\n', close);
      size_t next = newline == absl::string_view::npos ? rest.size() : newline + 1;
      if (absl::StripAsciiWhitespace(rest.substr(close, next - close)) == "---") {
        body = next;
        break;
      }
      close = next;
    }
    if (body == absl::string_view::npos) {
      return Problem(path, 1, "front matter opened with `---` is never closed");
    }
    absl::string_view entries = rest.substr(first, close - first);
    absl::ConsumeSuffix(&entries, "\n");
    for (absl::string_view entry : absl::StrSplit(entries, '\n')) {
      if (close == first) break;  // no entries at all
      ++line;
      entry = absl::StripAsciiWhitespace(entry);
      if (entry.empty() || entry[0] == '#') continue;
      size_t colon = entry.find(':');
      if (colon == absl::string_view::npos || colon == 0) {
        return Problem(path, line,
                       absl::StrCat("front matter line is not `key: value`: \"",
                                    entry, "\""));
      }
      std::string key =
          absl::AsciiStrToLower(absl::StripAsciiWhitespace(entry.substr(0, colon)));
      absl::string_view value = absl::StripAsciiWhitespace(entry.substr(colon + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
          value.back() == value.front()) {
        value = value.substr(1, value.size() - 2);
      }
      if (absl::Status s = SetField(key, std::string(value), &doc); !s.ok()) {
        return Problem(path, line, s.message());
      }
    }
    ++line;  // the closing `---`
    const size_t pos = body;
    skipped += pos;
    if (absl::StripAsciiWhitespace(rest.substr(pos)).empty()) {
      return Problem(path, line, "no article text after the front matter");
    }
  }
  content.erase(0, skipped);
  doc.set_text(std::move(content));
  return doc;
}

absl::StatusOr<Document> DocumentReader::ParseJsonLine(const std::string& path,
                                                       int line_number,
                                                       absl::string_view line) const {
  if (line.size() > options_.max_document_bytes) {
    return OverDocumentLimit(Problem(
        path, line_number, absl::StrCat("line of ", line.size(), " bytes exceeds the limit of ",
                                        options_.max_document_bytes, " bytes")));
  }
  absl::string_view trimmed = absl::StripAsciiWhitespace(line);
  if (trimmed.empty() || trimmed[0] != '{') {
    return Problem(path, line_number, "not a JSON object (each line must be {...})");
  }
  // One parser per thread: simdjson parsers are reusable but not shareable.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (auto error = parser.parse(trimmed.data(), trimmed.size()).get(object); error) {
    // simdjson validates UTF-8 (and rejects NUL outside strings) itself;
    // the detailed check runs only to say where the problem is.
    if (absl::Status s = CheckText(path, line, line_number, "the line"); !s.ok()) {
      return s;
    }
    return Problem(path, line_number,
                   absl::StrCat("malformed JSON: ", simdjson::error_message(error)));
  }
  Document doc;
  doc.set_id(absl::StrCat(path, ":", line_number));
  doc.set_source(options_.default_source);
  bool has_text = false;
  for (simdjson::dom::key_value_pair field : object) {
    const absl::string_view key(field.key.data(), field.key.size());
    std::string value;
    if (field.value.is_string()) {
      std::string_view text = field.value.get_string().value_unsafe();
      value.assign(text.data(), text.size());
    } else if (key == "text") {
      return Problem(path, line_number, "\"text\" must be a string");
    } else if (field.value.is_null()) {
      continue;
    } else {
      value = simdjson::minify(field.value);
    }
    if (key == "text") {
      doc.set_text(std::move(value));
      has_text = true;
    } else {
      if (absl::Status s = SetField(key, std::move(value), &doc); !s.ok()) {
        return Problem(path, line_number, s.message());
      }
    }
  }
  if (!has_text) return Problem(path, line_number, "no \"text\" field");
  if (absl::StripAsciiWhitespace(doc.text()).empty()) {
    return Problem(path, line_number, "\"text\" is empty");
  }
  return doc;
}

bool DocumentReader::ReadJsonLines(const std::string& path, std::istream& in,
                                   DocumentSink* sink) const {
  std::string line;
  bool any = false;
  for (int number = 1;; ++number) {
    // A line longer than the limit is dropped as it is read, never buffered.
    const LineRead read = ReadLineUpTo(in, options_.max_document_bytes, &line);
    if (read == LineRead::kEnd) break;
    if (read == LineRead::kTooLong) {
      any = true;
      if (!sink->OnSkipped(OverDocumentLimit(Problem(
              path, number, absl::StrCat("line exceeds the limit of ",
                                         options_.max_document_bytes, " bytes"))))) {
        return false;
      }
      continue;
    }
    absl::string_view view = line;
    if (number == 1) absl::ConsumePrefix(&view, kBom);
    if (absl::StripAsciiWhitespace(view).empty()) continue;
    any = true;
    if (view.size() != line.size()) line = std::string(view);
    if (!sink->OnJsonLine(*this, path, number, std::move(line))) return false;
  }
  if (in.bad()) {
    return sink->OnSkipped(absl::DataLossError(absl::StrCat(path, ": read error")));
  }
  if (!any) {
    // As for an empty text file: an input that holds nothing is a mistake.
    return sink->OnSkipped(Problem(
        path, 0, path == kStdinName ? "no documents on standard input" : "empty file"));
  }
  return true;
}

bool DocumentReader::ReadFile(const std::string& path, DocumentSink* sink) const {
  if (absl::EndsWith(path, ".jsonl") || absl::EndsWith(path, ".ndjson")) {
    // A large buffer: JSON Lines files are read a line at a time.
    std::vector<char> buffer(1 << 20);
    std::ifstream in;
    in.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (absl::Status s = OpenForReading(path, &in); !s.ok()) return sink->OnSkipped(s);
    return ReadJsonLines(path, in, sink);
  }
  absl::StatusOr<std::string> content =
      ReadFileUpTo(path, options_.max_document_bytes, "article", "");
  if (!content.ok()) {
    // OutOfRange is ReadFileUpTo's "exceeds the limit".
    return sink->OnSkipped(absl::IsOutOfRange(content.status())
                               ? OverDocumentLimit(content.status())
                               : content.status());
  }
  absl::StatusOr<Document> doc = ParseText(path, *std::move(content));
  if (!doc.ok()) return sink->OnSkipped(doc.status());
  sink->OnDocument(std::move(*doc), path);
  return true;
}

absl::Status DocumentReader::Read(const std::vector<std::string>& inputs,
                                  DocumentSink* sink) const {
  for (const std::string& input : inputs) {
    bool go_on = true;
    std::error_code ec;
    if (input == "-") {
      const absl::Status usable = CheckReadableDescriptor(STDIN_FILENO, kStdinName);
      go_on = usable.ok() ? ReadJsonLines(kStdinName, std::cin, sink)
                          : sink->OnSkipped(usable);
    } else if (fs::is_directory(input, ec)) {
      std::vector<std::string> files;
      std::vector<absl::Status> errors;
      ListFiles(input, /*skip_hidden=*/true, &files, &errors);
      for (size_t i = 0; go_on && i < errors.size(); ++i) go_on = sink->OnSkipped(errors[i]);
      std::sort(files.begin(), files.end());
      for (size_t i = 0; go_on && i < files.size(); ++i) {
        go_on = ReadFile(files[i], sink);
      }
    } else if (!fs::exists(input, ec)) {
      go_on = sink->OnSkipped(
          absl::NotFoundError(absl::StrCat(input, ": no such file or directory")));
    } else {
      go_on = ReadFile(input, sink);
    }
    if (!go_on) return absl::CancelledError("stopped at the first skipped input");
  }
  return absl::OkStatus();
}

}  // namespace refrain
