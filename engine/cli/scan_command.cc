// refrain scan
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

#include "engine/cli/cli.h"
#include "engine/cli/exit_code.h"
#include "engine/cli/commands.h"
#include "engine/cli/flags.h"
#include "engine/cli/options_from_flags.h"
#include "engine/cli/scan_run.h"
#include "engine/store/mention_stream.h"
#include "engine/text/escape.h"
#include "engine/util/file_util.h"
#include "engine/util/status_macros.h"

namespace refrain {
namespace {

absl::Status RunScan(const Args& args, std::ostream& out, std::ostream& err) {
  const ReadOptions read = ReadOptionsFromFlags(args);
  if (args.positional.empty() && args.Has("rules")) {
    return UsageError("scan needs at least one INPUT (a file, a directory, or - "
                      "for JSON Lines on standard input)");
  }
  const MentionFormat chosen = *ParseMentionFormat(args.Get("format", "jsonl"));  // checked
  const int threads = ThreadsFromFlags(args);
  ASSIGN_OR_RETURN(const std::unique_ptr<Engine> engine, EngineFromFlags(args, "scan", err));

  // Neither an article nor a rule file may be overwritten.
  ASSIGN_OR_RETURN(const std::unique_ptr<OutputFile> file,
                   OpenOutFlag(args, args.positional));
  std::ostream* output = file != nullptr ? &file->stream() : &out;
  // Records are rendered on the scanning threads and written in order.
  ScanRun run(
      *engine, threads, args.Has("strict"), err,
      [chosen](const Document&, const std::vector<Mention>& mentions) {
        std::ostringstream text;
        MentionWriter writer(&text, chosen);
        for (const Mention& m : mentions) writer.Write(m).IgnoreError();
        return std::move(text).str();
      },
      [output](const Document&, const std::vector<Mention>&, const std::string& rendered) {
        output->write(rendered.data(), static_cast<std::streamsize>(rendered.size()));
        return WriteStatus(*output);
      });
  absl::Status result = run.Run(args.positional, read);
  // The records of inputs that were skipped are not missing, so the file
  // replaces the old one unless writing it failed or --strict stopped the
  // run part way.
  return FinishOutput(output, file.get(), run.stopped(), std::move(result));
}

}  // namespace

Command ScanCommand() {
  return {"scan", R"(  refrain scan --rules=PATH[,PATH...] [--format=jsonl|textproto|binpb|text]
               [--out=FILE] [--source=NAME] [--strict] [--threads=N|auto]
               [RULE OPTIONS] INPUT...
      Scan articles (text files with optional front matter, .jsonl files,
      directories, or - for JSON Lines on standard input) and write one
      record per claim found. JSON Lines to standard output by default.
)",
          Join({Flag::Text("format", "jsonl|textproto|binpb|text",
                           "the records' format (jsonl)",
                           [](const std::string& value) -> std::string {
                             absl::Status s = ParseMentionFormat(value).status();
                             return s.ok() ? "" : absl::StrCat("--format: ", s.message());
                           }),
                SharedFlags({"out"})[0]},
               ScanFlags()),
          RunScan};
}

}  // namespace refrain
