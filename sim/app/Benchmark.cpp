#include "app/Benchmark.hpp"

#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/RunFlags.hpp"
#include "engine/Runner.hpp"
#include "random/KeyedStream.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "stats/CellDistribution.hpp"

namespace forlob {

std::int64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::int64_t>(usage.ru_maxrss) * 1024;  // Linux reports kilobytes
}

namespace {

// The draw bound: `draws` keyed draws from one stream, each compared with a probability as a fill
// decision is, in a loop that does nothing else. The hits are returned so the loop is not elided.
double time_draw_bound(std::uint64_t draws, std::uint64_t seed, std::uint64_t& hits) {
  const auto started = std::chrono::steady_clock::now();
  KeyedStream stream(StreamKey(seed).with(Purpose::Fill));
  std::uint64_t h = 0;
  for (std::uint64_t n = 0; n < draws; ++n) h += uniform01(stream) < 0.5 ? 1U : 0U;
  hits = h;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

// What the keyed draws of a run cost at the least, against what the run took (one thread).
void print_draw_bound(const RunResult& result, std::uint64_t seed) {
  std::uint64_t hits = 0;
  const double bound = time_draw_bound(result.keyed_draws, seed, hits);
  const auto reps = static_cast<double>(result.replications);
  std::printf(
      "  keyed draws: %.0f per paired replication; the same number drawn in a tight loop takes %.3f ms "
      "(%.2f ns a draw, %llu hits)\n",
      static_cast<double>(result.keyed_draws) / reps, 1e3 * bound / reps,
      1e9 * bound / static_cast<double>(std::max<std::uint64_t>(result.keyed_draws, 1)),
      static_cast<unsigned long long>(hits));
  std::printf("  time per paired replication: %.3f ms at %d thread(s), %.1f times the draw bound\n",
              1e3 * result.wall_seconds / reps, result.threads, result.wall_seconds / bound);
  // Where it goes: the engines (every draw is made there), the reduction into the histograms the
  // comparison writes, and the rest (building engines, merging, summaries).
  const double rest = std::max(0.0, result.wall_seconds - result.simulate_seconds - result.reduce_seconds);
  std::printf(
      "  of which: engines %.3f ms (%.1f times the bound), reduction into histograms %.3f ms (%.1f times), "
      "the rest %.3f ms\n",
      1e3 * result.simulate_seconds / reps, result.simulate_seconds / bound,
      1e3 * result.reduce_seconds / reps, result.reduce_seconds / bound, 1e3 * rest / reps);
}

// Times the comparison of `a` and `b` at each thread count; returns the wall time at the first.
double time_comparison(const Scenario& a, const Scenario& b, const BenchmarkOptions& options) {
  std::printf("%8s %10s %16s %9s %14s %16s\n", "threads", "wall s", "replications/s", "speed-up",
              "peak RSS MB", "histograms MB");
  double base_wall = 0;
  for (int threads : options.threads) {
    RunOptions run;
    run.seed = options.seed;
    run.replications = options.replications;
    run.threads = threads;
    run.fork = !options.no_fork;
    const RunResult result = run_scenarios({&a, &b}, run);
    std::size_t bytes = result.difference ? result.difference->yearly.bytes() : 0;
    for (const ScenarioResult& sr : result.scenarios) bytes += sr.yearly.bytes() + sr.anchors.bytes();
    if (base_wall == 0) base_wall = result.wall_seconds;
    std::printf("%8d %10.2f %16.0f %9.2f %14.1f %16.1f\n", threads, result.wall_seconds,
                static_cast<double>(options.replications) / result.wall_seconds,
                base_wall / result.wall_seconds, static_cast<double>(peak_rss_bytes()) / 1e6,
                static_cast<double>(bytes) / 1e6);
    std::fflush(stdout);
    if (threads == 1) print_draw_bound(result, options.seed);
    if (threads == options.threads.front()) {
      // Common random numbers at work: Var(B - A) against Var(A) + Var(B) of independent runs.
      const std::vector<Headline>& names = result.scenarios[0].headlines;
      for (std::size_t h = 0; h < names.size(); ++h) {
        if (names[h].name.rfind("completed_trial_specialties_", 0) != 0 || !names[h].spans_years()) continue;
        const double va = std::pow(result.scenarios[0].headline.summary(h).sd, 2);
        const double vb = std::pow(result.scenarios[1].headline.summary(h).sd, 2);
        const double vd = std::pow(result.difference->headline.summary(h).sd, 2);
        std::printf("  variance of B - A, paired / independent, %s: %.3f\n", names[h].name.c_str(),
                    vd / (va + vb));
      }
    }
  }
  return base_wall;
}

// --set patches that multiply every dimensioned course count of `file` by `scale`.
std::vector<std::string> scaled_dimensioning(const std::string& file, int scale) {
  std::vector<std::string> set;
  if (scale == 1) return set;
  const nlohmann::json doc = resolve_scenario_document(file);
  const nlohmann::json& d = doc.at("dimensioning");
  for (const auto& [year, courses] : d.at("national_total").items())
    set.push_back("/dimensioning/national_total/" + year + "=" +
                  std::to_string(courses.get<long long>() * scale));
  if (d.contains("fixed"))
    for (const auto& [specialty, periods] : d.at("fixed").items())
      for (std::size_t i = 0; i < periods.size(); ++i)
        for (const char* region : {"Nord", "Syd", "Øst"})
          set.push_back("/dimensioning/fixed/" + specialty + "/" + std::to_string(i) + "/" + region + "=" +
                        std::to_string(periods[i].at(region).get<long long>() * scale));
  return set;
}

}  // namespace

int run_benchmark(const BenchmarkOptions& options) {
  std::vector<double> walls;
  for (const std::string& model : options.fill_models) {
    std::vector<std::string> set = scaled_dimensioning(options.flex_scenario, options.dimensioning_scale);
    set.push_back("/fill/model=\"" + model + "\"");
    if (options.dimensioning_scale != 1)
      std::printf(
          "forlob bench: every dimensioned course count times %d; histograms of at most %lld buckets a "
          "cell\n",
          options.dimensioning_scale, static_cast<long long>(CellDistribution::default_resolution().buckets));
    const Scenario a = load_scenario(options.flex_scenario, set);
    const Scenario b = load_scenario(options.trial_scenario, set);
    std::printf("forlob bench: compare %s %s, fill model %s, %lld replications, seed %llu%s\n",
                a.name.c_str(), b.name.c_str(), model.c_str(), static_cast<long long>(options.replications),
                static_cast<unsigned long long>(options.seed),
                options.no_fork ? ", each scenario in full (--no-fork)" : "");
    walls.push_back(time_comparison(a, b, options));
  }
  for (std::size_t k = 1; k < walls.size(); ++k)
    std::printf("wall time at %d thread(s), %s / %s: %.2f\n", options.threads.front(),
                options.fill_models[k].c_str(), options.fill_models.front().c_str(),
                walls[k] / walls.front());
  return 0;
}

Command add_bench_command(CLI::App& app) {
  auto o = std::make_shared<BenchmarkOptions>(
      BenchmarkOptions{"scenarios/flex_scheme.json", "scenarios/extraordinary_trial.json"});
  CLI::App* cmd = app.add_subcommand("bench", "Time the main job (compare) at 1 and 2 threads");
  cmd->add_option("--replications,-n", o->replications, "Replications")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}))
      ->capture_default_str();
  cmd->add_option("--threads,-t", o->threads, "Thread counts to time")->capture_default_str();
  cmd->add_option("--flex", o->flex_scenario, "Baseline scenario")->capture_default_str();
  cmd->add_option("--trial", o->trial_scenario, "Alternative scenario")->capture_default_str();
  cmd->add_option("--dimensioning-scale", o->dimensioning_scale,
                  "Multiply every dimensioned course count by this (memory at scale)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  cmd->add_option("--fill-models", o->fill_models, "Fill models to time (/fill/model values)")
      ->check(CLI::IsMember({"independent", "applicants"}))
      ->capture_default_str();
  cmd->add_flag("--no-fork", o->no_fork,
                "Run the second scenario in full instead of from the year the two part (to time the fork)");
  add_histogram_flags(*cmd);
  return {cmd, [o] { return run_benchmark(*o); }};
}

}  // namespace forlob
