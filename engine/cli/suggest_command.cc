// refrain suggest: near-miss discovery (docs/suggest.md).
#include <cerrno>
#include <cstring>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "engine/cli/cli.h"
#include "engine/cli/cli_message.h"
#include "engine/cli/commands.h"
#include "engine/cli/exit_code.h"
#include "engine/cli/flags.h"
#include "engine/cli/options_from_flags.h"
#include "engine/suggest/near_miss.h"
#include "engine/text/escape.h"
#include "engine/util/file_util.h"
#include "engine/util/status_macros.h"
#include "google/protobuf/util/json_util.h"

namespace refrain {
namespace {

// Finds the near misses of each document read.
class NearMissCollector : public DocumentSink {
 public:
  NearMissCollector(const NearMissFinder& finder, bool strict, std::ostream& err)
      : finder_(finder), strict_(strict), err_(err) {}

  void OnDocument(Document document, const std::string&) override {
    ++documents;
    finder_.Find(document, &near_misses);
  }
  bool OnSkipped(const absl::Status& error) override {
    ++skipped;
    err_ << "refrain: skipped: " << CliMessage(error) << "\n";
    return !strict_;
  }

  std::vector<NearMiss> near_misses;
  int64_t documents = 0;
  int64_t skipped = 0;

 private:
  const NearMissFinder& finder_;
  const bool strict_;
  std::ostream& err_;
};

std::string SourceName(const std::string& source) {
  return source.empty() ? "(no source)" : EscapeControls(source);
}

void PrintText(const std::vector<NearMissGroup>& groups, std::ostream& out) {
  for (size_t g = 0; g < groups.size(); ++g) {
    const NearMissGroup& group = groups[g];
    if (g == 0 || groups[g - 1].claim_id() != group.claim_id()) {
      int sentences = 0, phrasings = 0;
      for (size_t h = g; h < groups.size() && groups[h].claim_id() == group.claim_id(); ++h) {
        sentences += groups[h].near_miss_size();
        ++phrasings;
      }
      out << (g == 0 ? "" : "\n") << "== " << group.claim_id() << "  (" << sentences
          << (sentences == 1 ? " near-miss sentence, " : " near-miss sentences, ") << phrasings
          << (phrasings == 1 ? " phrasing)\n" : " phrasings)\n");
    }
    out << "\n" << absl::StrFormat("%3d", group.rank()) << ". \""
        << EscapeControls(group.phrasing()) << "\"\n"
        << "     " << group.near_miss_size()
        << (group.near_miss_size() == 1 ? " sentence, " : " sentences, ")
        << group.distinct_anchors() << (group.distinct_anchors() == 1 ? " anchor" : " anchors")
        << "; by source: ";
    for (int c = 0; c < group.source_size(); ++c) {
      out << (c == 0 ? "" : "; ") << SourceName(group.source(c).source()) << " "
          << group.source(c).sentences();
    }
    out << "\n";
    for (const NearMiss& n : group.near_miss()) {
      out << "     - " << EscapeControls(n.doc_id());
      if (!n.source().empty() || !n.date().empty()) {
        out << " (" << EscapeControls(n.source())
            << (n.source().empty() || n.date().empty() ? "" : ", ") << EscapeControls(n.date())
            << ")";
      }
      out << "\n       " << HighlightAnchors(n, "[[", "]]") << "\n";
    }
  }
}

// Prints `groups` as `format` ("text" or "jsonl") to `out`.
void PrintGroups(const std::vector<NearMissGroup>& groups, const std::string& format,
                 std::ostream& out) {
  if (format == "jsonl") {
    google::protobuf::util::JsonPrintOptions json;
    json.always_print_primitive_fields = true;
    json.preserve_proto_field_names = true;
    for (const NearMissGroup& group : groups) {
      std::string line;
      (void)google::protobuf::util::MessageToJsonString(group, &line, json);  // cannot fail
      out << line << "\n";
    }
  } else {
    PrintText(groups, out);
  }
}

// Keeps only the near misses of `claim` in `near_misses`.
void KeepClaim(const std::string& claim, std::vector<NearMiss>* near_misses) {
  std::vector<NearMiss> kept;
  for (NearMiss& n : *near_misses) {
    if (n.claim_id() == claim) kept.push_back(std::move(n));
  }
  *near_misses = std::move(kept);
}

absl::Status RunSuggest(const Args& args, std::ostream& out, std::ostream& err) {
  NearMissOptions options;
  options.min_anchors = MinAnchorsFromFlags(args);
  const ReadOptions read = ReadOptionsFromFlags(args);
  if (args.positional.empty() && args.Has("rules")) {
    return UsageError("suggest needs at least one INPUT (a file, a directory, or - "
                      "for JSON Lines on standard input)");
  }
  ASSIGN_OR_RETURN(const std::unique_ptr<Engine> engine, EngineFromFlags(args, "suggest", err));
  const std::string claim = args.Get("claim");
  if (args.Has("claim") && engine->rules().FindClaim(claim) == nullptr) {
    return UsageError(absl::StrCat("--claim: no claim '", claim, "' in the rules"));
  }
  options.max_sentence_bytes = engine->scan_options().max_sentence_bytes;
  const NearMissFinder finder(engine->rules(), options);
  NoteClaimsWithoutAnchors(finder.skipped(), claim, err);

  ASSIGN_OR_RETURN(const std::unique_ptr<OutputFile> file, OpenOutFlag(args, args.positional));
  std::ostream* output = file != nullptr ? &file->stream() : &out;

  NearMissCollector collector(finder, args.Has("strict"), err);
  const DocumentReader reader(read);
  const bool stopped = !reader.Read(args.positional, &collector).ok();
  if (args.Has("claim")) KeepClaim(claim, &collector.near_misses);
  const std::vector<NearMissGroup> groups =
      GroupNearMisses(engine->rules(), collector.near_misses);
  PrintGroups(groups, args.Get("format", "text"), *output);

  std::map<std::string, int> claims;
  for (const NearMiss& n : collector.near_misses) ++claims[n.claim_id()];
  err << "refrain: " << collector.documents << " documents read, " << collector.skipped
      << " skipped; " << collector.near_misses.size() << " near-miss sentences of "
      << claims.size() << " claims, " << groups.size() << " phrasings\n";
  return FinishOutput(output, file.get(), stopped,
                      collector.skipped > 0 ? ReportedFindings() : absl::OkStatus());
}

}  // namespace

Command SuggestCommand() {
  return {"suggest", R"(  refrain suggest --rules=PATH [--format=text|jsonl] [--claim=ID]
                  [--min-anchors=N] [--out=FILE] [--source=NAME] [--strict]
                  [RULE OPTIONS] INPUT...
      Near misses: sentences that match at least N (2) of a claim's anchor
      patterns but none of its patterns, grouped by phrasing, counted per
      source, ranked, anchors in [[...]] (docs/suggest.md).
)",
          Join({Flag::Text("format", "text|jsonl", "the output's format (text)",
                           [](const std::string& value) -> std::string {
                             if (value == "text" || value == "jsonl") return "";
                             return absl::StrCat("--format: choose text or jsonl, got '",
                                                 EscapeControls(value), "'");
                           }),
                Flag::Text("claim", "ID", "only the near misses of this claim")},
               SharedFlags({"min-anchors", "out", "rules", "source", "strict",
                            "max-document-bytes", "max-sentence-bytes", "fold-diacritics",
                            "max-pattern-memory"})),
          RunSuggest};
}

}  // namespace refrain
