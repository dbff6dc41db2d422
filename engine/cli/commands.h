// The commands of the `refrain` tool. Each takes the whole argument list
// (command words included), writes results to `out` and messages to `err`,
// and returns the exit code (see cli.h).
#ifndef REFRAIN_ENGINE_CLI_COMMANDS_H_
#define REFRAIN_ENGINE_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

namespace refrain {

int RulesCommand(const std::vector<std::string>& argv, std::ostream& out,
                 std::ostream& err);  // rules check|test
int ScanCommand(const std::vector<std::string>& argv, std::ostream& out,
                std::ostream& err);
int IngestCommand(const std::vector<std::string>& argv, std::ostream& out,
                  std::ostream& err);
int QueryCommand(const std::vector<std::string>& argv, std::ostream& out,
                 std::ostream& err);
int StatsCommand(const std::vector<std::string>& argv, std::ostream& out,
                 std::ostream& err);
int ExportCommand(const std::vector<std::string>& argv, std::ostream& out,
                  std::ostream& err);
int DiffCommand(const std::vector<std::string>& argv, std::ostream& out,
                std::ostream& err);
int EvalCommand(const std::vector<std::string>& argv, std::ostream& out,
                std::ostream& err);
int SuggestCommand(const std::vector<std::string>& argv, std::ostream& out,
                   std::ostream& err);
int ImportCommand(const std::vector<std::string>& argv, std::ostream& out,
                  std::ostream& err);

}  // namespace refrain

#endif  // REFRAIN_ENGINE_CLI_COMMANDS_H_
