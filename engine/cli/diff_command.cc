// refrain diff: claim-diff reports from the store or a mention stream.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "absl/strings/match.h"
#include "engine/cli/cli.h"
#include "engine/cli/cli_message.h"
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

namespace refrain {

namespace {

// The mentions of --db or --mentions that `query` selects. Returns the exit
// code: kExitOk, or the code of what it printed to `err`.
int LoadMentions(const Args& args, const MentionQuery& query, std::vector<Mention>* mentions,
                 std::ostream& err) {
  if (args.Has("db")) {
    int code;
    std::unique_ptr<ClaimStore> store = OpenStore(args, /*create=*/false, err, &code);
    if (store == nullptr) return code;
    absl::Status status = store->Query(query, [mentions](const StoredMention& m) {
      mentions->push_back(m.mention());
      return absl::OkStatus();
    });
    if (!status.ok()) {
      err << "refrain: " << CliMessage(status) << "\n";
      return kExitFindings;
    }
    return kExitOk;
  }
  const std::string path = args.Get("mentions");
  std::ifstream in;
  if (absl::Status s = OpenForReading(path, &in); !s.ok()) {  // not /dev/zero
    err << "refrain: " << CliMessage(s) << "\n";
    return kExitUsage;
  }
  MentionSource reader(&in, absl::EndsWith(path, ".binpb") ? MentionFormat::kBinpb
                                                             : MentionFormat::kJsonl,
                       path);
  while (true) {
    Mention m;
    absl::StatusOr<bool> more = reader.Next(&m);
    if (!more.ok()) {
      err << "refrain: " << CliMessage(more.status()) << "\n";
      return kExitFindings;
    }
    if (!*more) return kExitOk;
    if (query.Matches(m)) mentions->push_back(std::move(m));
  }
}

int RunDiff(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.Has("db") == args.Has("mentions")) {
    err << "refrain: diff reads either --db=FILE (a claim store) or --mentions=FILE "
           "(a .jsonl or .binpb mention stream)\n";
    return kExitUsage;
  }
  const ReportFormat format = *ParseReportFormat(args.Get("format", "text"));  // checked
  const MentionQuery query = MentionQueryFromFlags(args);
  // Opened first, so that an output that is the input is refused before
  // anything is read; written whole, or not at all.
  std::unique_ptr<OutputFile> file;
  if (!OpenOutFlag(args, {args.Get("db", "-"), args.Get("mentions", "-")}, &file, err)) {
    return kExitUsage;
  }

  std::vector<Mention> mentions;
  if (int code = LoadMentions(args, query, &mentions, err); code != kExitOk) return code;

  RenderOptions render;
  if (args.Has("title")) render.title = args.Get("title");
  render.color = format == ReportFormat::kText && !args.Has("out") &&
                 &out == &std::cout && isatty(STDOUT_FILENO);
  const std::string text = RenderReport(BuildReport(mentions), format, render);
  if (file != nullptr) {
    file->stream() << text;
    if (absl::Status s = file->Commit(); !s.ok()) {
      err << "refrain: " << CliMessage(s) << "\n";
      return kExitFindings;
    }
    err << "refrain: wrote the " << EscapeControls(args.Get("format", "text")) << " report of "
        << mentions.size() << " mentions to " << EscapeControls(args.Get("out")) << "\n";
  } else {
    out << text;
  }
  return kExitOk;
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
