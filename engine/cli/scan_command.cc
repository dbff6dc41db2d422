// refrain scan
#include <cerrno>
#include <cstring>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

#include "engine/cli/cli.h"
#include "engine/cli/cli_message.h"
#include "engine/cli/commands.h"
#include "engine/cli/flags.h"
#include "engine/cli/options_from_flags.h"
#include "engine/cli/scan_run.h"
#include "engine/store/mention_stream.h"
#include "engine/text/escape.h"
#include "engine/util/file_util.h"

namespace refrain {
namespace {

int RunScan(const Args& args, std::ostream& out, std::ostream& err) {
  const ReadOptions read = ReadOptionsFromFlags(args);
  if (args.positional.empty() && args.Has("rules")) {
    err << "refrain: scan needs at least one INPUT (a file, a directory, or - "
           "for JSON Lines on standard input)\n";
    return kExitUsage;
  }
  const MentionFormat chosen = *ParseMentionFormat(args.Get("format", "jsonl"));  // checked
  int code;
  const int threads = ThreadsFromFlags(args);
  std::unique_ptr<Engine> engine = EngineFromFlags(args, "scan", err, &code);
  if (engine == nullptr) return code;

  // Neither an article nor a rule file may be overwritten.
  std::unique_ptr<OutputFile> file;
  if (!OpenOutFlag(args, args.positional, &file, err)) return kExitUsage;
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
        return output->good()
                   ? absl::OkStatus()
                   : absl::DataLossError(absl::StrCat("cannot write output: ",
                                                      std::strerror(errno)));
      });
  int result = run.Run(args.positional, read);
  // The records of inputs that were skipped are not missing, so the file
  // replaces the old one unless writing it failed or --strict stopped the
  // run part way.
  return FinishOutput(output, file.get(), run.stopped(), result, err);
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
