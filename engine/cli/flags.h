// The flags of refrain's commands: parsing `--name=value` arguments.
#ifndef REFRAIN_ENGINE_CLI_FLAGS_H_
#define REFRAIN_ENGINE_CLI_FLAGS_H_

#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace refrain {

// The flags and positional arguments of one command.
struct Args {
  std::map<std::string, std::string> flags;
  std::vector<std::string> positional;

  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
  // The flag's value, or `fallback` when it was not given.
  std::string Get(const std::string& flag, const std::string& fallback = "") const {
    auto it = flags.find(flag);
    return it == flags.end() ? fallback : it->second;
  }
};

// Parses `argv[first...]`. `value_flags` take a value (`--name=value` or
// `--name value`), `bool_flags` do not. Prints what is wrong and returns
// false on an unknown flag or a missing value.
bool ParseArgs(const std::vector<std::string>& argv, size_t first,
               const std::set<std::string>& value_flags,
               const std::set<std::string>& bool_flags, Args* args,
               std::ostream& err);

// The flags every command that compiles rules accepts.
extern const std::set<std::string> kRuleValueFlags;  // --max-pattern-memory
extern const std::set<std::string> kRuleBoolFlags;   // --fold-diacritics


// The flags of the commands that scan (scan, ingest): --rules, --source,
// --threads, --strict, the limits and the rule flags.
extern const std::set<std::string> kScanValueFlags;
extern const std::set<std::string> kScanBoolFlags;

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_FLAGS_H_
