#pragma once
// A parameter to vary, as the user wrote it: a name (a JSON pointer into the scenario such as
// /fill/mean/almen_medicin/Nord, or a fill-rate group such as fill.overall) and its bounds.
// Reading the text checks only its shape; ScenarioParameters checks it against a scenario.
#include <filesystem>
#include <string>
#include <vector>

namespace forlob {

struct ParameterSpec {
  std::string origin;  // what error messages name: "--param fill.overall=0.8:1.2", or "FILE: /parameters/0"
  std::string label;   // the name as written; the column heading in the output files
  double lower = 0, upper = 0;
};

// "NAME=LOW:HIGH", e.g. "fill.overall=0.8:1.2" or "/fill/mean/almen_medicin/Nord=0.4:0.7".
// Throws InputError naming the argument when it is malformed or LOW >= HIGH.
ParameterSpec parse_parameter_arg(const std::string& text);

// A JSON file {"parameters": [{"name": "fill.overall", "lower": 0.8, "upper": 1.2}, ...]}.
std::vector<ParameterSpec> read_parameter_file(const std::filesystem::path& file);

// The --param arguments followed by the parameters of --params FILE (if given); rejects an empty
// list and a name given twice.
std::vector<ParameterSpec> collect_parameters(const std::vector<std::string>& args, const std::string& file);

}  // namespace forlob
