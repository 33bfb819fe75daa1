#pragma once
// Options shared by every command that simulates: replications, seed, threads, output, --set.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/TaskRange.hpp"

namespace CLI {
class App;
}

namespace forlob {

class ProgressSink;
struct RunOptions;

struct RunFlags {
  std::int64_t replications = 5000;
  std::uint64_t seed = 20260113;  // the date of the trial's framework (seed 001)
  int threads = 0;                // 0: all cores
  std::string out;
  bool force = false;
  bool quiet = false;
  std::vector<std::string> set;  // "/json/pointer=value" patches
  std::string shard;             // --shard K/N ("": the whole run)
  TaskRange tasks;               // the replications this process runs (its share, see WorkShare)
  bool no_fork = false;          // run every scenario of a comparison in full (DriverOptions::fork)

  // --out, or output/<default_name> when it is not given.
  std::filesystem::path out_dir(const std::string& default_name) const;
  // The engine's options for these flags, reporting to `progress`.
  RunOptions run_options(ProgressSink* progress) const;
};

// Declares --replications, --seed, --threads, --out, --force, --quiet, --set and --histogram-buckets
// on `cmd`.
void add_run_flags(CLI::App& cmd, RunFlags& flags);
// Declares --histogram-buckets: the histograms' resolution (CellDistribution::Resolution).
void add_histogram_flags(CLI::App& cmd);
// Declares --shard K/N, on the commands whose shards `forlob merge` combines.
void add_shard_flag(CLI::App& cmd, RunFlags& flags);

}  // namespace forlob
