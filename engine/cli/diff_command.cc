// refrain diff: claim-diff reports from the store or a mention stream.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "absl/strings/match.h"
#include "engine/cli/cli.h"
#include "engine/cli/exit_code.h"
#include "engine/cli/commands.h"
#include "engine/cli/flags.h"
#include "engine/cli/options_from_flags.h"
#include "engine/cli/store_flags.h"
#include "engine/diff/render.h"
#include "engine/diff/report_builder.h"
#include "engine/store/claim_store.h"
#include "engine/store/mention_stream.h"
#include "engine/text/escape.h"
#include "engine/util/file_util.h"
#include "engine/util/status_macros.h"

namespace refrain {

namespace {

// The mentions of --db or --mentions that `query` selects. Fails with a
// UsageError when --db is not a store or --mentions cannot be opened, and
// with the error of reading them.
absl::Status LoadMentions(const Args& args, const MentionQuery& query,
                          std::vector<Mention>* mentions) {
  if (args.Has("db")) {
    ASSIGN_OR_RETURN(const std::unique_ptr<ClaimStore> store,
                     OpenStore(args, /*create=*/false));
    return store->Query(query, [mentions](const StoredMention& m) {
      mentions->push_back(m.mention());
      return absl::OkStatus();
    });
  }
  const std::string path = args.Get("mentions");
  std::ifstream in;
  if (absl::Status s = OpenForReading(path, &in); !s.ok()) {  // not /dev/zero
    return UsageError(s);
  }
  MentionSource reader(&in, absl::EndsWith(path, ".binpb") ? MentionFormat::kBinpb
                                                             : MentionFormat::kJsonl,
                       path);
  while (true) {
    Mention m;
    ASSIGN_OR_RETURN(const bool more, reader.Next(&m));
    if (!more) return absl::OkStatus();
    if (query.Matches(m)) mentions->push_back(std::move(m));
  }
}

absl::Status RunDiff(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.Has("db") == args.Has("mentions")) {
    return UsageError("diff reads either --db=FILE (a claim store) or --mentions=FILE "
                      "(a .jsonl or .binpb mention stream)");
  }
  const ReportFormat format = *ParseReportFormat(args.Get("format", "text"));  // checked
  const MentionQuery query = MentionQueryFromFlags(args);
  // Opened first, so that an output that is the input is refused before
  // anything is read; written whole, or not at all.
  ASSIGN_OR_RETURN(const std::unique_ptr<OutputFile> file,
                   OpenOutFlag(args, {args.Get("db", "-"), args.Get("mentions", "-")}));

  std::vector<Mention> mentions;
  RETURN_IF_ERROR(LoadMentions(args, query, &mentions));

  RenderOptions render;
  if (args.Has("title")) render.title = args.Get("title");
  render.color = format == ReportFormat::kText && !args.Has("out") &&
                 &out == &std::cout && isatty(STDOUT_FILENO);
  const std::string text = RenderReport(BuildReport(mentions), format, render);
  if (file != nullptr) {
    file->stream() << text;
    RETURN_IF_ERROR(file->Commit());
    err << "refrain: wrote the " << EscapeControls(args.Get("format", "text")) << " report of "
        << mentions.size() << " mentions to " << EscapeControls(args.Get("out")) << "\n";
  } else {
    out << text;
  }
  return absl::OkStatus();
}

}  // namespace

Command DiffCommand() {
  return {"diff", R"(  refrain diff (--db=FILE | --mentions=FILE) [--claim=ID] [--source=NAME]
               [--since=DATE] [--until=DATE] [--format=text|md|json|html]
               [--out=FILE] [--title=TEXT]
      How each source phrases each claim: variants aligned word by word
      against the commonest, framing labels, slots by source, a timeline.
)",
          Join({DbFlag(), Flag::Text("mentions", "FILE", "a .jsonl or .binpb mention stream"),
                Flag::Text("format", "text|md|json|html", "the report's format (text)",
                           [](const std::string& value) -> std::string {
                             absl::Status s = ParseReportFormat(value).status();
                             return s.ok() ? "" : absl::StrCat("--format: ", s.message());
                           }),
                SharedFlags({"out"})[0],
                Flag::Text("title", "TEXT", "the report's title")},
               MentionQueryFlags()),
          RunDiff};
}

}  // namespace refrain
