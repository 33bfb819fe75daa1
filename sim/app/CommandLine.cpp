#include "app/CommandLine.hpp"

namespace forlob {

namespace {

std::vector<std::string>& command_line_storage() {
  static std::vector<std::string> arguments;
  return arguments;
}

}  // namespace

void record_command_line(int argc, char** argv) {
  std::vector<std::string>& arguments = command_line_storage();
  arguments.assign(argv, argv + argc);
  if (!arguments.empty()) arguments.front() = "forlob";  // the program, wherever it was started from
}

const std::vector<std::string>& recorded_command_line() { return command_line_storage(); }

}  // namespace forlob
