#include "engine/rules/rule_loader.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "engine/text/utf8.h"
#include "engine/util/file_util.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/tokenizer.h"
#include "re2/re2.h"

namespace refrain {
namespace {

namespace fs = std::filesystem;
using google::protobuf::TextFormat;

// Edit distance between `a` and `b` (insertions, deletions, substitutions).
size_t EditDistance(absl::string_view a, absl::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// For the parser's "Message type "refrain.Claim" has no field named "x"."
// returns " Did you mean "y"?" naming the closest field, or "".
std::string SuggestField(const std::string& message) {
  std::string type, field;
  static const RE2* const kUnknown =
      new RE2("Message type \"([\\w.]+)\" has no field named \"(\\w+)\"");
  if (!RE2::PartialMatch(message, *kUnknown, &type, &field)) return "";
  const google::protobuf::Descriptor* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(type);
  if (descriptor == nullptr) return "";
  std::string best;
  size_t best_distance = 3;  // suggest only near misses
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const std::string& name = descriptor->field(i)->name();
    size_t d = EditDistance(absl::AsciiStrToLower(field), name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best.empty() ? "" : absl::StrCat(" Did you mean \"", best, "\"?");
}

// Collects the text-format parser's errors as diagnostics.
class DiagnosticCollector : public google::protobuf::io::ErrorCollector {
 public:
  DiagnosticCollector(const std::string& path, std::vector<Diagnostic>* out)
      : path_(path), out_(out) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    // At the end of the file the parser says "Expected X, got: " with the
    // (empty) text of the end-of-file token.
    absl::string_view expected = message;
    if (absl::ConsumeSuffix(&expected, ", got: ")) {
      Add(Diagnostic::Severity::kError, line, column,
          absl::StrCat("unexpected end of file; ", absl::AsciiStrToLower(expected.substr(0, 1)),
                       expected.substr(1)));
      return;
    }
    Add(Diagnostic::Severity::kError, line, column,
        message + SuggestField(message));
  }
  void AddWarning(int line, google::protobuf::io::ColumnNumber column,
                  const std::string& message) override {
    Add(Diagnostic::Severity::kWarning, line, column, message);
  }

  int errors() const { return errors_; }

 private:
  void Add(Diagnostic::Severity severity, int line, int column,
           const std::string& message) {
    Diagnostic d;
    d.severity = severity;
    d.file = path_;
    d.line = line + 1;
    d.column = column + 1;
    d.message = message;
    out_->push_back(std::move(d));
    if (severity == Diagnostic::Severity::kError) ++errors_;
  }

  const std::string& path_;
  std::vector<Diagnostic>* out_;
  int errors_ = 0;
};

// The text format counts a tab as advancing to the next multiple of 8.
int ColumnOfByte(absl::string_view line, size_t byte) {
  int column = 0;
  for (size_t i = 0; i < byte && i < line.size(); ++i) {
    column = line[i] == '\t' ? (column / 8 + 1) * 8 : column + 1;
  }
  return column;
}

size_t ByteOfColumn(absl::string_view line, int column) {
  int c = 0;
  size_t i = 0;
  for (; i < line.size() && c < column; ++i) {
    c = line[i] == '\t' ? (c / 8 + 1) * 8 : c + 1;
  }
  return i;
}

bool IsOctal(char c) { return c >= '0' && c <= '7'; }

// Number of bytes the escape starting at `s[i] == '\\'` decodes to, and
// advances `i` past it.
size_t SkipEscape(absl::string_view s, size_t* i) {
  size_t j = *i + 1;
  if (j >= s.size()) {
    *i = j;
    return 0;
  }
  char c = s[j++];
  size_t bytes = 1;
  if (IsOctal(c)) {
    for (int n = 1; n < 3 && j < s.size() && IsOctal(s[j]); ++n) ++j;
  } else if (c == 'x') {
    for (int n = 0; n < 2 && j < s.size() && absl::ascii_isxdigit(s[j]); ++n) ++j;
  } else if (c == 'u' || c == 'U') {
    int digits = c == 'u' ? 4 : 8;
    uint32_t cp = 0;
    for (int n = 0; n < digits && j < s.size() && absl::ascii_isxdigit(s[j]);
         ++n, ++j) {
      cp = cp * 16 + (absl::ascii_isdigit(s[j])
                          ? s[j] - '0'
                          : absl::ascii_tolower(s[j]) - 'a' + 10);
    }
    bytes = Utf8EncodedLength(cp);
  }
  *i = j;
  return bytes;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ListRuleFiles(
    const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return absl::NotFoundError(absl::StrCat(path, ": no such file or directory"));
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> listed, found;
    std::vector<absl::Status> errors;
    ListFiles(path, /*skip_hidden=*/false, &listed, &errors);
    // A rule set with a file left out would be silently different: any
    // entry that cannot be read is an error.
    if (!errors.empty()) return errors.front();
    for (const std::string& file : listed) {
      if (fs::path(file).extension() == ".textproto") found.push_back(file);
    }
    if (found.empty()) {
      return absl::NotFoundError(
          absl::StrCat(path, ": directory holds no *.textproto rule files"));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

absl::StatusOr<RuleFile> LoadRuleFile(const std::string& path,
                                      std::vector<Diagnostic>* diagnostics) {
  absl::StatusOr<std::string> content =
      ReadFileUpTo(path, kMaxRuleFileBytes, "rule file", "");
  if (!content.ok()) {
    if (absl::IsDataLoss(content.status()) || absl::IsOutOfRange(content.status())) {
      return absl::FailedPreconditionError(content.status().message());
    }
    return content.status();
  }
  return ParseRuleFile(path, *std::move(content), diagnostics);
}

absl::StatusOr<RuleFile> ParseRuleFile(const std::string& path,
                                       std::string content,
                                       std::vector<Diagnostic>* diagnostics) {
  RuleFile file;
  file.path = path;
  file.content = std::move(content);
  file.locations = std::make_unique<TextFormat::ParseInfoTree>();

  DiagnosticCollector collector(path, diagnostics);
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&collector);
  parser.WriteLocationsTo(file.locations.get());
  if (!parser.ParseFromString(file.content, &file.rule_set) ||
      collector.errors() > 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": not a valid rule file (text format RuleSet)"));
  }
  return file;
}

const google::protobuf::FieldDescriptor* FieldLocator::Find(
    absl::string_view field) const {
  if (descriptor_ == nullptr) return nullptr;
  return descriptor_->FindFieldByName(std::string(field));
}

SourceLocation FieldLocator::Field(absl::string_view field, int index) const {
  const google::protobuf::FieldDescriptor* f = Find(field);
  if (tree_ == nullptr || f == nullptr) return {};
  TextFormat::ParseLocation loc = tree_->GetLocation(f, f->is_repeated() ? index : -1);
  if (loc.line < 0) return {};
  return {loc.line + 1, loc.column + 1};
}

SourceLocation FieldLocator::InValue(absl::string_view field, int index,
                                     size_t offset) const {
  SourceLocation start = Field(field, index);
  if (start.line == 0 || file_ == nullptr) return start;
  std::vector<absl::string_view> lines = absl::StrSplit(file_->content, '\n');
  if (start.line > static_cast<int>(lines.size())) return start;
  absl::string_view line = lines[start.line - 1];

  // Skip `name`, `:` and blanks up to the opening quote.
  size_t i = ByteOfColumn(line, start.column - 1);
  while (i < line.size() && (absl::ascii_isalnum(line[i]) || line[i] == '_')) ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == ':')) ++i;

  size_t decoded = 0;
  while (i < line.size() && (line[i] == '"' || line[i] == '\'')) {
    const char quote = line[i++];
    while (i < line.size() && line[i] != quote) {
      if (decoded >= offset) return {start.line, ColumnOfByte(line, i) + 1};
      decoded += line[i] == '\\' ? SkipEscape(line, &i) : (++i, 1);
    }
    if (i >= line.size()) return start;  // unterminated on this line
    if (decoded >= offset) return {start.line, ColumnOfByte(line, i) + 1};
    ++i;  // closing quote; adjacent literals are concatenated
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  }
  return start;
}

FieldLocator FieldLocator::Nested(absl::string_view field, int index) const {
  const google::protobuf::FieldDescriptor* f = Find(field);
  if (tree_ == nullptr || f == nullptr || f->message_type() == nullptr) {
    return {};
  }
  return FieldLocator(file_,
                      tree_->GetTreeForNested(f, f->is_repeated() ? index : -1),
                      f->message_type());
}

FieldLocator RootLocator(const RuleFile& file) {
  return FieldLocator(&file, file.locations.get(), RuleSet::descriptor());
}

}  // namespace refrain
