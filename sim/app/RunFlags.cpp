#include "app/RunFlags.hpp"

#include <CLI/CLI.hpp>

#include "engine/Runner.hpp"
#include "stats/CellDistribution.hpp"

namespace forlob {

std::filesystem::path RunFlags::out_dir(const std::string& default_name) const {
  return out.empty() ? std::filesystem::path("output") / default_name : std::filesystem::path(out);
}

RunOptions RunFlags::run_options(ProgressSink* progress) const {
  RunOptions options;
  options.seed = seed;
  options.replications = replications;
  options.threads = threads;
  options.progress = progress;
  options.tasks = tasks;
  options.fork = !no_fork;
  return options;
}

void add_run_flags(CLI::App& cmd, RunFlags& f) {
  cmd.add_option("--replications,-n", f.replications, "Monte Carlo replications")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}))
      ->capture_default_str();
  cmd.add_option("--seed", f.seed, "Master seed; the same seed gives the same files")->capture_default_str();
  cmd.add_option("--threads,-t", f.threads, "Worker threads (0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  cmd.add_option("--out,-o", f.out, "Output directory (default output/<name>/)");
  cmd.add_flag("--force", f.force, "Replace the output directory if it exists");
  cmd.add_flag("--quiet,-q", f.quiet, "No progress bar and no table");
  cmd.add_option("--set", f.set, "Patch the scenario: /json/pointer=value (repeatable)")
      ->type_name("POINTER=VALUE");
  cmd.add_flag("--no-fork", f.no_fork,
               "Run every scenario of a comparison from the start, instead of carrying the later ones on "
               "from the first at the year they part (the results are the same; for checking)");
  add_histogram_flags(cmd);
}

void add_shard_flag(CLI::App& cmd, RunFlags& f) {
  cmd.add_option("--shard", f.shard,
                 "Run only shard K of N (a contiguous share of the replication tasks) and write its partial "
                 "result to --out, for forlob merge")
      ->type_name("K/N");
}

void add_histogram_flags(CLI::App& cmd) {
  using Resolution = CellDistribution::Resolution;
  // Sets the process-wide resolution as it is parsed, before any run.
  cmd.add_option_function<std::int64_t>(
         "--histogram-buckets",
         [](std::int64_t buckets) { CellDistribution::set_default_resolution(Resolution{buckets}); },
         "Each cell's histogram spans at most B buckets from its least to its greatest value (default 512): "
         "a cell spread over at most B integers is exact, a wider one is binned with quantiles within its "
         "range / B; means and sd are exact, and memory is flat in the replications")
      ->type_name("B")
      ->check(CLI::Range(Resolution::kMinBuckets, Resolution::kMaxBuckets));
}

}  // namespace forlob
