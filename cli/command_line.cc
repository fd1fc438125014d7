#include "cli/command_line.h"

#include <iostream>

#include "cli/commands.h"

namespace gigafact {

namespace po = boost::program_options;

std::optional<int> ParseCommandLine(const std::vector<std::string>& args,
                                    const po::options_description& opts, const char* command,
                                    std::vector<std::string>* inputs) {
  po::options_description hidden;
  hidden.add_options()("input", po::value(inputs));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "gigafact " << command << ": " << e.what() << "\n" << opts;
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << opts;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace gigafact
