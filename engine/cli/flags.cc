#include "engine/cli/flags.h"

#include "absl/strings/match.h"
#include "engine/text/escape.h"

namespace refrain {

const std::set<std::string> kRuleValueFlags = {"max-pattern-memory"};
const std::set<std::string> kRuleBoolFlags = {"fold-diacritics"};
const std::set<std::string> kScanValueFlags = {
    "rules", "source", "threads", "max-document-bytes", "max-sentence-bytes",
    "max-mentions-per-sentence", "max-mentions-per-document", "max-pattern-memory"};
const std::set<std::string> kScanBoolFlags = {"strict", "fold-diacritics"};

bool ParseArgs(const std::vector<std::string>& argv, size_t first,
               const std::set<std::string>& value_flags,
               const std::set<std::string>& bool_flags, Args* args,
               std::ostream& err) {
  for (size_t i = first; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (!absl::StartsWith(arg, "--") || arg == "--") {
      if (arg != "--") args->positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2), value;
    const size_t eq = name.find('=');
    const bool has_value = eq != std::string::npos;
    if (has_value) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (bool_flags.count(name) && !has_value) {
      args->flags[name] = "true";
    } else if (value_flags.count(name)) {
      if (!has_value) {
        if (i + 1 >= argv.size()) {
          err << "refrain: --" << EscapeControls(name) << " needs a value\n";
          return false;
        }
        value = argv[++i];
      }
      args->flags[name] = value;
    } else {
      err << "refrain: unknown flag --" << EscapeControls(name) << " (see 'refrain help')\n";
      return false;
    }
  }
  return true;
}

}  // namespace refrain
