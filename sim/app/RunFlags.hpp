#pragma once
// Options shared by every command that simulates: replications, seed, threads, output, --set.
#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace forlob {

struct RunFlags {
  std::int64_t replications = 5000;
  std::uint64_t seed = 20260113;  // the date of the trial's framework (seed 001)
  int threads = 0;                // 0: all cores
  std::string out;
  bool force = false;
  bool quiet = false;
  std::vector<std::string> set;  // "/json/pointer=value" patches
};

// Declares --replications, --seed, --threads, --out, --force, --quiet and --set on `cmd`.
void add_run_flags(CLI::App& cmd, RunFlags& flags);

}  // namespace forlob
