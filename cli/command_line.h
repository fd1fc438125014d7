// ParseCommandLine: the option parsing every gigafact command shares —
// its options plus any number of positional inputs, --help, and usage
// errors reported the same way.
#ifndef GIGAFACT_CLI_COMMAND_LINE_H_
#define GIGAFACT_CLI_COMMAND_LINE_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gigafact {

// ParseCommandLine parses args against opts (whose values it stores) and
// appends the positional arguments to *inputs. It returns nothing when the
// command should go on, else the exit code to return: kExitOk after printing
// opts for --help, kExitUsage after printing "gigafact COMMAND: error" and
// opts on stderr.
std::optional<int> ParseCommandLine(const std::vector<std::string>& args,
                                    const boost::program_options::options_description& opts,
                                    const char* command, std::vector<std::string>* inputs);

}  // namespace gigafact

#endif  // GIGAFACT_CLI_COMMAND_LINE_H_
