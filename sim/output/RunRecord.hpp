#pragma once
// What was run, as the user typed it and as the files were: recorded in summary.json and shown by
// the report, so that a what-if can always be told from the shipped analysis.
#include <string>
#include <vector>

#include "scenario/ScenarioRecord.hpp"

namespace forlob {

struct RunRecord {
  std::string command;                    // run, compare
  std::vector<std::string> command_line;  // every argument, the program first
  std::vector<ScenarioRecord> scenarios;  // in the order of RunResult::scenarios
};

}  // namespace forlob
