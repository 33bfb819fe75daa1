#pragma once
// The command line as the user typed it, recorded once before parsing so that the commands that
// write an output directory can say exactly what was run.
#include <string>
#include <vector>

namespace forlob {

void record_command_line(int argc, char** argv);
const std::vector<std::string>& recorded_command_line();

}  // namespace forlob
