// Tests of engine/cli/commands.h and flags.h: each command's flag table,
// its --help and `refrain help` agree, and values are checked as documented.
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "engine/cli/cli.h"
#include "engine/cli/commands.h"
#include "engine/cli/flags.h"
#include "gtest/gtest.h"

namespace refrain {
namespace {

// The words that run `command`: {"rules", "check"} or {"scan"}.
std::vector<std::string> Words(const Command& command) {
  return absl::StrSplit(command.name, ' ');
}

// Every `--name` in `text`.
std::set<std::string> FlagsIn(const std::string& text) {
  std::set<std::string> names;
  const std::regex flag("--([a-z][a-z-]*)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), flag);
       it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

// Whether `command` accepts --name (with or without a value).
bool Accepts(const Command& command, const std::string& name) {
  Args args;
  const absl::Status s = ParseArgs(command.flags, {"--" + name}, 0, &args);
  return s.ok() || s.message() == "--" + name + " needs a value";
}

std::string Help(const Command& command, int* code) {
  std::vector<std::string> args = Words(command);
  args.push_back("--help");
  std::ostringstream out, err;
  *code = RunCli(args, out, err);
  EXPECT_EQ(err.str(), "");
  return out.str();
}

TEST(Commands, HelpListsEveryFlagOfTheTable) {
  for (const Command& command : AllCommands()) {
    int code;
    const std::string help = Help(command, &code);
    EXPECT_EQ(code, kExitOk) << command.name;
    const std::set<std::string> mentioned = FlagsIn(help);
    for (const Flag& flag : command.flags) {
      EXPECT_TRUE(mentioned.count(flag.name)) << command.name << " --help lacks --" << flag.name;
    }
  }
}

TEST(Commands, EveryFlagTheHelpMentionsIsAccepted) {
  for (const Command& command : AllCommands()) {
    int code;
    for (const std::string& name : FlagsIn(Help(command, &code))) {
      EXPECT_TRUE(Accepts(command, name)) << command.name << " --help names --" << name;
    }
  }
}

// `refrain help` names the rule options once for every command marked
// [RULE OPTIONS], and the limits for scan and ingest.
TEST(Commands, SharedSectionsOfTheUsageAreAccepted) {
  std::ostringstream out, err;
  ASSERT_EQ(RunCli({"help"}, out, err), kExitOk);
  const std::string usage = out.str();
  const size_t rules = usage.find("\nrule options:\n");
  const size_t limits = usage.find("\nlimits (scan, ingest):\n");
  const size_t end = usage.find("\nOnly regular files");
  ASSERT_NE(rules, std::string::npos);
  ASSERT_NE(limits, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::set<std::string> rule_flags = FlagsIn(usage.substr(rules, limits - rules));
  const std::set<std::string> limit_flags = FlagsIn(usage.substr(limits, end - limits));
  EXPECT_EQ(rule_flags.size(), 2u);
  EXPECT_EQ(limit_flags.size(), 4u);
  int marked = 0;
  for (const Command& command : AllCommands()) {
    if (command.usage.find("[RULE OPTIONS]") != std::string::npos) {
      ++marked;
      for (const std::string& name : rule_flags) {
        EXPECT_TRUE(Accepts(command, name)) << command.name << " lacks --" << name;
      }
    }
    if (command.name == "scan" || command.name == "ingest") {
      for (const std::string& name : limit_flags) {
        EXPECT_TRUE(Accepts(command, name)) << command.name << " lacks --" << name;
      }
    }
  }
  EXPECT_EQ(marked, 6);  // scan, rules check, rules test, ingest, eval, suggest
}

TEST(Commands, UsageIsEachCommandsUsageInTurn) {
  std::ostringstream out, err;
  ASSERT_EQ(RunCli({"help"}, out, err), kExitOk);
  size_t at = 0;
  for (const Command& command : AllCommands()) {
    const size_t found = out.str().find(command.usage, at);
    EXPECT_NE(found, std::string::npos) << command.name;
    if (found != std::string::npos) at = found + command.usage.size();
  }
}

TEST(Commands, NamesAreUnique) {
  std::set<std::string> names;
  for (const Command& command : AllCommands()) {
    EXPECT_TRUE(names.insert(command.name).second) << command.name;
    std::set<std::string> flags;
    for (const Flag& flag : command.flags) {
      EXPECT_TRUE(flags.insert(flag.name).second) << command.name << " --" << flag.name;
    }
  }
}

const std::vector<Flag>& Table() {
  static const std::vector<Flag>* const kTable = new std::vector<Flag>{
      Flag::Switch("strict", "stop"),
      Flag::Text("out", "FILE", "output"),
      Flag::Date("since", "from"),
      Flag::Size("max-sentence-bytes", "BYTES", "pieces", "bytes", 256),
      Flag::Int("threads", "N|auto", "threads", 1, 256, "a number from 1 to 256 or auto",
                "auto"),
      Flag::Real("min-recall", "X", "recall", 0, 1, "a number from 0 to 1")};
  return *kTable;
}

absl::Status Parse(const std::vector<std::string>& argv, Args* args) {
  return ParseArgs(Table(), argv, 0, args);
}

TEST(Flags, ParsesValuesSwitchesAndPositionals) {
  Args args;
  ASSERT_TRUE(Parse({"a", "--strict", "--out", "f", "--threads=auto", "--", "b",
                     "--min-recall=0.5", "--max-sentence-bytes=300"},
                    &args)
                  .ok());
  EXPECT_EQ(args.positional, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(args.Has("strict"));
  EXPECT_EQ(args.Get("out"), "f");
  EXPECT_EQ(args.Int("threads", 1), 0);  // the keyword
  EXPECT_EQ(args.Real("min-recall", 0), 0.5);
  EXPECT_EQ(args.Size("max-sentence-bytes", 1), 300u);
  EXPECT_EQ(args.Size("absent", 7), 7u);
}

TEST(Flags, TheLastValueCounts) {
  Args args;
  ASSERT_TRUE(Parse({"--threads=0", "--threads=2"}, &args).ok());
  EXPECT_EQ(args.Int("threads", 1), 2);
}

TEST(Flags, RejectsWhatTheTableDoesNotAccept) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--frob"}, "unknown flag --frob (see 'refrain help')"},
      {{"--strict=yes"}, "unknown flag --strict (see 'refrain help')"},
      {{"--out"}, "--out needs a value"},
      {{"--since=2025-02-30"}, "--since wants YYYY, YYYY-MM or YYYY-MM-DD, got '2025-02-30'"},
      {{"--max-sentence-bytes=0"}, "--max-sentence-bytes wants a positive number of bytes, got '0'"},
      {{"--max-sentence-bytes=255"}, "--max-sentence-bytes must be at least 256 bytes, got '255'"},
      {{"--threads=257"}, "--threads wants a number from 1 to 256 or auto, got '257'"},
      {{"--threads=Auto"}, "--threads wants a number from 1 to 256 or auto, got 'Auto'"},
      {{"--min-recall=nan"}, "--min-recall wants a number from 0 to 1, got 'nan'"},
      {{"--min-recall=1.5"}, "--min-recall wants a number from 0 to 1, got '1.5'"},
  };
  for (const auto& [argv, message] : cases) {
    Args args;
    const absl::Status s = Parse(argv, &args);
    EXPECT_TRUE(absl::IsInvalidArgument(s)) << argv[0];
    EXPECT_EQ(s.message(), message);
  }
}

TEST(Flags, HelpHasALinePerFlag) {
  EXPECT_EQ(FlagHelp({Flag::Switch("strict", "stop"), Flag::Text("out", "FILE", "output")}),
            "  --strict    stop\n"
            "  --out=FILE  output\n");
}

}  // namespace
}  // namespace refrain
