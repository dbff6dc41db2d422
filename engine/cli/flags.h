// The flags of refrain's commands: one typed table per command drives the
// parsing of its arguments, the checking of every value, and its --help.
//
//   const std::vector<Flag> flags = {
//       Flag::Text("out", "FILE", "write to FILE instead of standard output"),
//       Flag::Int("threads", "N|auto", "threads (1)", 1, 256,
//                 "a number from 1 to 256 or auto", "auto"),
//       Flag::Switch("strict", "stop at the first bad input")};
//   Args args;
//   absl::Status parsed = ParseArgs(flags, argv, 1, &args);  // checks values
//   int threads = args.Int("threads", 1);
//
// A flag given twice keeps its last value. Values are checked after every
// argument is read, in the order of the table.
#ifndef REFRAIN_ENGINE_CLI_FLAGS_H_
#define REFRAIN_ENGINE_CLI_FLAGS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace refrain {

// One flag of a command: its name, what it takes and its line of help.
struct Flag {
  enum class Type {
    kSwitch,  // no value: --strict
    kText,    // any text, or what `check` accepts
    kSize,    // a whole number of bytes or items, at least `min`
    kInt,     // a whole number from `min` to `max`, or `keyword` (read as 0)
    kReal,    // a number from `real_min` to `real_max`
  };

  // --NAME, with no value.
  static Flag Switch(std::string name, std::string help);
  // --NAME=VALUE; `check`, when given, returns what is wrong with a value
  // (the whole message, naming the flag) or "" when it is fine.
  static Flag Text(std::string name, std::string value, std::string help,
                   std::function<std::string(const std::string&)> check = nullptr);
  // --NAME=YYYY, YYYY-MM or YYYY-MM-DD (a real day).
  static Flag Date(std::string name, std::string help);
  // --NAME=N: a positive number of `unit`, of at least `min`.
  static Flag Size(std::string name, std::string value, std::string help,
                   std::string unit, uint64_t min = 1);
  // --NAME=N from `min` to `max`, or `keyword` (when not empty; read as 0).
  // A bad value is "--NAME wants WANTS, got 'VALUE'".
  static Flag Int(std::string name, std::string value, std::string help, int64_t min,
                  int64_t max, std::string wants, std::string keyword = "");
  // --NAME=X from `min` to `max`; a bad value is "--NAME wants WANTS, got 'VALUE'".
  static Flag Real(std::string name, std::string value, std::string help, double min,
                   double max, std::string wants);

  // Checks `value`; returns what is wrong with it (naming the flag), or "".
  std::string Check(const std::string& value) const;

  std::string name;   // without the dashes: "max-document-bytes"
  Type type = Type::kSwitch;
  std::string value;  // what it takes, in help: "BYTES"; empty for a switch
  std::string help;   // one line for --help
  std::function<std::string(const std::string&)> check;  // kText only; may be null
  std::string unit;   // kSize: "bytes", "mentions"
  std::string wants;  // kInt, kReal: "a number from 1 to 1000"
  std::string keyword;  // kInt: a word taken for 0 ("auto")
  int64_t min = 1, max = 0;
  double real_min = 0, real_max = 0;
};

// The flags, with checked values, and positional arguments of one command.
struct Args {
  std::map<std::string, std::string> flags;  // by name, as given ("true" for a switch)
  std::vector<std::string> positional;

  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
  // The flag's value, or `fallback` when it was not given.
  std::string Get(const std::string& flag, const std::string& fallback = "") const;
  // The value of a kSize or kInt flag (0 for its keyword), or `fallback`.
  // REQUIRES: ParseArgs checked the value.
  int64_t Int(const std::string& flag, int64_t fallback) const;
  uint64_t Size(const std::string& flag, uint64_t fallback) const;
  // The value of a kReal flag, or `fallback`. REQUIRES: as above.
  double Real(const std::string& flag, double fallback) const;
};

// Parses `argv[first...]` with the flags of `table`: `--name=value` or
// `--name value`, and `--name` for a switch; every other argument but `--`
// is positional. Returns InvalidArgument with the message to show for an
// unknown flag, a missing value or a value its flag does not accept.
absl::Status ParseArgs(const std::vector<Flag>& table, const std::vector<std::string>& argv,
                       size_t first, Args* args);

// The list of `table`'s flags for --help: "  --name=VALUE  help" lines.
std::string FlagHelp(const std::vector<Flag>& table);

// `a` followed by `b`, for tables made of shared groups.
std::vector<Flag> Join(std::vector<Flag> a, const std::vector<Flag>& b);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_FLAGS_H_
