// refrain scan
#include <cerrno>
#include <cstring>
#include <fstream>

#include "engine/cli/cli.h"
#include "engine/cli/commands.h"
#include "engine/cli/flags.h"
#include "engine/store/mention_stream.h"

namespace refrain {

int ScanCommand(const std::vector<std::string>& argv, std::ostream& out,
                std::ostream& err) {
  Args args;
  std::set<std::string> value_flags = {"rules", "format", "out", "source"};
  std::set<std::string> bool_flags = {"strict"};
  value_flags.insert(kRuleValueFlags.begin(), kRuleValueFlags.end());
  bool_flags.insert(kRuleBoolFlags.begin(), kRuleBoolFlags.end());
  if (!ParseArgs(argv, 1, value_flags, bool_flags, &args, err)) return kExitUsage;
  if (args.positional.empty() && args.Has("rules")) {
    err << "refrain: scan needs at least one INPUT (a file, a directory, or - "
           "for JSON Lines on standard input)\n";
    return kExitUsage;
  }
  absl::StatusOr<MentionFormat> format = ParseMentionFormat(args.Get("format", "jsonl"));
  if (!format.ok()) {
    err << "refrain: --format: " << format.status().message() << "\n";
    return kExitUsage;
  }

  int code;
  std::unique_ptr<Scanner> scanner = ScannerFromFlags(args, "scan", err, &code);
  if (scanner == nullptr) return code;

  std::ofstream file;
  std::ostream* output = &out;
  if (args.Has("out")) {
    file.open(args.Get("out"), std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "refrain: cannot write " << args.Get("out") << ": " << std::strerror(errno)
          << "\n";
      return kExitUsage;
    }
    output = &file;
  }
  MentionWriter writer(output, *format);
  ScanRun run(*scanner, args.Has("strict"), err,
              [&writer](const Document&, const std::vector<Mention>& mentions) {
                for (const Mention& m : mentions) {
                  if (absl::Status s = writer.Write(m); !s.ok()) return s;
                }
                return absl::OkStatus();
              });
  ReadOptions read;
  read.default_source = args.Get("source");
  int result = run.Run(args.positional, read);
  if (absl::Status flushed = writer.Flush(); !flushed.ok() && result == kExitOk) {
    err << "refrain: " << flushed.message() << "\n";
    result = kExitFindings;
  }
  return result;
}

}  // namespace refrain
