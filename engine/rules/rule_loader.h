// Reading rule files: finding them, parsing their text format, and
// remembering where each field was written so that later checks can point
// at it.
//
//   std::vector<Diagnostic> diagnostics;
//   absl::StatusOr<std::vector<std::string>> paths = ListRuleFiles({"rules/"});
//   absl::StatusOr<RuleFile> file = LoadRuleFile((*paths)[0], &diagnostics);
#ifndef REFRAIN_ENGINE_RULES_RULE_LOADER_H_
#define REFRAIN_ENGINE_RULES_RULE_LOADER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "engine/rules/diagnostic.h"
#include "google/protobuf/text_format.h"
#include "proto/rule.pb.h"

namespace refrain {

// A 1-based place in a file; {0, 0} when unknown.
struct SourceLocation {
  int line = 0;
  int column = 0;
};

// One parsed rule file.
struct RuleFile {
  std::string path;     // as given by the user
  std::string content;  // the raw text, for locating values within lines
  RuleSet rule_set;
  // Where each field was written; null for rule sets built in memory.
  std::unique_ptr<google::protobuf::TextFormat::ParseInfoTree> locations;
};

// Largest rule file read, in bytes: 16 MiB (the shipped rule set is about
// 30 KB; 10,000 generated claims are 3 MB). A larger file is refused while
// it is read, so a device or an endless pipe given as a rule file ends.
inline constexpr size_t kMaxRuleFileBytes = 16 << 20;

// Expands `paths` into rule files: a file is taken as it is, a directory is
// searched recursively for `*.textproto`. The result is sorted within each
// directory, so runs are reproducible. Returns NotFound for a path that does
// not exist or a directory without rule files, and an error naming the
// entry for anything in a directory that cannot be read (an unreadable
// subdirectory, a symbolic link loop).
absl::StatusOr<std::vector<std::string>> ListRuleFiles(
    const std::vector<std::string>& paths);

// Reads and parses the rule file at `path`. Returns NotFound,
// PermissionDenied or FailedPrecondition (naming the file) when it cannot be
// read, is not a regular file or pipe, or is larger than kMaxRuleFileBytes. Syntax errors
// and unknown fields are appended to `diagnostics` and make it return
// InvalidArgument.
absl::StatusOr<RuleFile> LoadRuleFile(const std::string& path,
                                      std::vector<Diagnostic>* diagnostics);

// Like LoadRuleFile, from text already in memory; `path` is only used in
// messages.
absl::StatusOr<RuleFile> ParseRuleFile(const std::string& path,
                                       std::string content,
                                       std::vector<Diagnostic>* diagnostics);

// Finds where fields of one message of a parsed file were written.
// A default-constructed or null-tree locator answers {0, 0} to everything.
class FieldLocator {
 public:
  FieldLocator() = default;
  FieldLocator(const RuleFile* file,
               const google::protobuf::TextFormat::ParseInfoTree* tree,
               const google::protobuf::Descriptor* descriptor)
      : file_(file), tree_(tree), descriptor_(descriptor) {}

  // Where `field` (the `index`-th value if repeated, -1 if not) starts.
  SourceLocation Field(absl::string_view field, int index = -1) const;

  // Where byte `offset` of the string value of `field` is written, counting
  // escapes as the text format does; the field's location when the value
  // cannot be followed (e.g. it spans lines).
  SourceLocation InValue(absl::string_view field, int index,
                         size_t offset) const;

  // The locator of a nested message field's `index`-th value.
  FieldLocator Nested(absl::string_view field, int index = -1) const;

 private:
  const google::protobuf::FieldDescriptor* Find(absl::string_view field) const;

  const RuleFile* file_ = nullptr;
  const google::protobuf::TextFormat::ParseInfoTree* tree_ = nullptr;
  const google::protobuf::Descriptor* descriptor_ = nullptr;
};

// The locator of the file's top-level `RuleSet`.
FieldLocator RootLocator(const RuleFile& file);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_RULES_RULE_LOADER_H_
