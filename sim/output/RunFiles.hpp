#pragma once
// The files of a `run` or `compare` directory, written into a staged OutputDirectory: yearly.csv,
// difference.csv (compare), bands.csv, headlines.csv, anchors.csv and summary.json.
#include <string>
#include <vector>

#include "engine/RunResult.hpp"
#include "output/OutputDirectory.hpp"
#include "output/RunRecord.hpp"

namespace forlob {

// Writes every file (not committing `out`) and returns their names in the order written.
std::vector<std::string> write_run_files(OutputDirectory& out, const RunResult& result,
                                         const std::string& command);
// The same with the record of what was run in summary.json; also draws.csv when the result kept
// its draws, and labels.csv.
std::vector<std::string> write_run_files(OutputDirectory& out, const RunResult& result,
                                         const RunRecord& record);

}  // namespace forlob
