#include "engine/cli/flags.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/text/date.h"
#include "engine/text/escape.h"

namespace refrain {
namespace {

// "--NAME wants WANTS, got 'VALUE'"
std::string Wants(const std::string& name, const std::string& wants, const std::string& value) {
  return absl::StrCat("--", name, " wants ", wants, ", got '", EscapeControls(value), "'");
}

Flag Valued(Flag::Type type, std::string name, std::string value, std::string help) {
  Flag flag;
  flag.type = type;
  flag.name = std::move(name);
  flag.value = std::move(value);
  flag.help = std::move(help);
  return flag;
}

}  // namespace

Flag Flag::Switch(std::string name, std::string help) {
  return Valued(Type::kSwitch, std::move(name), "", std::move(help));
}

Flag Flag::Text(std::string name, std::string value, std::string help,
                std::function<std::string(const std::string&)> check) {
  Flag flag = Valued(Type::kText, std::move(name), std::move(value), std::move(help));
  flag.check = std::move(check);
  return flag;
}

Flag Flag::Date(std::string name, std::string help) {
  return Text(name, "DATE", std::move(help), [name](const std::string& value) {
    return IsValidDate(value) ? "" : Wants(name, "YYYY, YYYY-MM or YYYY-MM-DD", value);
  });
}

Flag Flag::Size(std::string name, std::string value, std::string help, std::string unit,
                uint64_t min) {
  Flag flag = Valued(Type::kSize, std::move(name), std::move(value), std::move(help));
  flag.unit = std::move(unit);
  flag.min = static_cast<int64_t>(min);
  return flag;
}

Flag Flag::Int(std::string name, std::string value, std::string help, int64_t min,
               int64_t max, std::string wants, std::string keyword) {
  Flag flag = Valued(Type::kInt, std::move(name), std::move(value), std::move(help));
  flag.min = min;
  flag.max = max;
  flag.wants = std::move(wants);
  flag.keyword = std::move(keyword);
  return flag;
}

Flag Flag::Real(std::string name, std::string value, std::string help, double min,
                double max, std::string wants) {
  Flag flag = Valued(Type::kReal, std::move(name), std::move(value), std::move(help));
  flag.real_min = min;
  flag.real_max = max;
  flag.wants = std::move(wants);
  return flag;
}

std::string Flag::Check(const std::string& given) const {
  switch (type) {
    case Type::kSwitch:
      return "";
    case Type::kText:
      return check == nullptr ? "" : check(given);
    case Type::kSize: {
      uint64_t n;
      if (!absl::SimpleAtoi(given, &n) || n == 0) {
        return Wants(name, absl::StrCat("a positive number of ", unit), given);
      }
      if (n < static_cast<uint64_t>(min)) {
        return absl::StrCat("--", name, " must be at least ", min, " ", unit, ", got '",
                            EscapeControls(given), "'");
      }
      return "";
    }
    case Type::kInt: {
      int64_t n;
      if (!keyword.empty() && given == keyword) return "";
      if (!absl::SimpleAtoi(given, &n) || n < min || n > max) return Wants(name, wants, given);
      return "";
    }
    case Type::kReal: {
      double x;
      if (!absl::SimpleAtod(given, &x) || !(x >= real_min && x <= real_max)) {
        return Wants(name, wants, given);
      }
      return "";
    }
  }
  return "";
}

std::string Args::Get(const std::string& flag, const std::string& fallback) const {
  auto it = flags.find(flag);
  return it == flags.end() ? fallback : it->second;
}

int64_t Args::Int(const std::string& flag, int64_t fallback) const {
  int64_t n = 0;  // a keyword is 0
  if (!Has(flag)) return fallback;
  (void)absl::SimpleAtoi(Get(flag), &n);
  return n;
}

uint64_t Args::Size(const std::string& flag, uint64_t fallback) const {
  uint64_t n = 0;
  if (!Has(flag)) return fallback;
  (void)absl::SimpleAtoi(Get(flag), &n);
  return n;
}

double Args::Real(const std::string& flag, double fallback) const {
  double x = 0;
  if (!Has(flag)) return fallback;
  (void)absl::SimpleAtod(Get(flag), &x);
  return x;
}

absl::Status ParseArgs(const std::vector<Flag>& table, const std::vector<std::string>& argv,
                       size_t first, Args* args) {
  auto find = [&table](const std::string& name) -> const Flag* {
    for (const Flag& flag : table) {
      if (flag.name == name) return &flag;
    }
    return nullptr;
  };
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
    const Flag* flag = find(name);
    if (flag != nullptr && flag->type == Flag::Type::kSwitch && !has_value) {
      args->flags[name] = "true";
    } else if (flag != nullptr && flag->type != Flag::Type::kSwitch) {
      if (!has_value) {
        if (i + 1 >= argv.size()) {
          return absl::InvalidArgumentError(
              absl::StrCat("--", EscapeControls(name), " needs a value"));
        }
        value = argv[++i];
      }
      args->flags[name] = value;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown flag --", EscapeControls(name), " (see 'refrain help')"));
    }
  }
  for (const Flag& flag : table) {
    if (!args->Has(flag.name)) continue;
    if (std::string wrong = flag.Check(args->Get(flag.name)); !wrong.empty()) {
      return absl::InvalidArgumentError(wrong);
    }
  }
  return absl::OkStatus();
}

std::string FlagHelp(const std::vector<Flag>& table) {
  std::vector<std::string> names;
  size_t width = 0;
  for (const Flag& flag : table) {
    names.push_back(absl::StrCat("--", flag.name, flag.value.empty() ? "" : "=", flag.value));
    width = std::max(width, names.back().size());
  }
  std::string help;
  for (size_t i = 0; i < table.size(); ++i) {
    absl::StrAppend(&help, absl::StrFormat("  %-*s  %s\n", width, names[i], table[i].help));
  }
  return help;
}

std::vector<Flag> Join(std::vector<Flag> a, const std::vector<Flag>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace refrain
