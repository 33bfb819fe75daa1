#pragma once
// The files of a `run` or `compare` directory, written into a staged OutputDirectory: yearly.csv,
// difference.csv (compare), bands.csv, headlines.csv, anchors.csv and summary.json.
#include <string>
#include <vector>

#include "engine/RunResult.hpp"
#include "output/OutputDirectory.hpp"

namespace forlob {

// Writes every file (not committing `out`) and returns their names in the order written.
std::vector<std::string> write_run_files(OutputDirectory& out, const RunResult& result,
                                         const std::string& command);

}  // namespace forlob
