#pragma once
// `forlob bench`: times the main job (the two-policy comparison) and reports throughput and memory.
#include <cstdint>
#include <string>
#include <vector>

#include "app/Command.hpp"

namespace forlob {

struct BenchmarkOptions {
  std::string flex_scenario;
  std::string trial_scenario;
  std::int64_t replications = 10000;
  std::vector<int> threads{1, 2};
  // /fill/model values to time, each in its own block; the last line compares them at the first
  // thread count (issue 9: the applicant model within 1.5 times the independent model's time).
  std::vector<std::string> fill_models{"independent", "applicants"};
  std::uint64_t seed = 20260113;
  // Every dimensioned course count (national totals and fixed courses) times this: the memory test
  // of issue 10 runs the comparison at 100 times the shipped dimensioning.
  int dimensioning_scale = 1;
  // Run the second scenario in full rather than carried on from the first at 2026 (DriverOptions::fork),
  // to time what the fork saves.
  bool no_fork = false;
};

int run_benchmark(const BenchmarkOptions& options);

// `forlob bench`.
Command add_bench_command(CLI::App& app);

// Peak resident set size of this process so far, in bytes.
std::int64_t peak_rss_bytes();

}  // namespace forlob
