#pragma once
// summary.json: what was run (version, command, scenarios, seed, replications, threads, time), the
// headline sums with their Monte Carlo error, the files written and each scenario's resolved input.
// Unlike the CSV files it records threads and wall time, so it differs between thread counts.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/RunResult.hpp"
#include "output/RunRecord.hpp"

namespace forlob {

// `command` is "run" or "compare"; `files` lists the files of the output directory. Keys keep the
// order written here (ordered_json), which reads better than alphabetical.
nlohmann::ordered_json summary_json(const RunResult& result, const std::string& command,
                                    const std::vector<std::string>& files);
// The same with what was run: the command line, and per scenario its files with their content
// hashes, its --set arguments and the values that differ from the shipped scenarios.
nlohmann::ordered_json summary_json(const RunResult& result, const RunRecord& record,
                                    const std::vector<std::string>& files);

// The command line as one shell-readable string: arguments with spaces or quotes single-quoted.
std::string shell_command_line(const std::vector<std::string>& arguments);

// One headline: {name, mean, sd, mc_standard_error (sd / sqrt(n)), p05, p50, p95}.
nlohmann::ordered_json headline_json(const std::string& name, const CellDistribution& headline,
                                     std::size_t cell);

}  // namespace forlob
