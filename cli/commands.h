// The gigafact commands. Each takes its own arguments (after the command
// name) and returns the process exit code: 0 ok, 1 some inputs became error
// records (or a run failed), 2 usage error.
#ifndef GIGAFACT_CLI_COMMANDS_H_
#define GIGAFACT_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace gigafact {

constexpr int kExitOk = 0;
constexpr int kExitSomeErrors = 1;
constexpr int kExitUsage = 2;

int RunExtract(const std::vector<std::string>& args);
int RunEval(const std::vector<std::string>& args);
int RunLoad(const std::vector<std::string>& args);

}  // namespace gigafact

#endif  // GIGAFACT_CLI_COMMANDS_H_
