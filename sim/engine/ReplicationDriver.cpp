#include "engine/ReplicationDriver.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <mutex>

#include "engine/Runner.hpp"
#include "engine/ThreadArena.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {

namespace {

constexpr std::size_t kNoPoint = std::numeric_limits<std::size_t>::max();

// A loaded design point of the current block, loaded by the first thread that needs it.
struct LoadedPoint {
  std::once_flag once;
  std::vector<Scenario> owned;
  std::vector<const Scenario*> scenarios;
};

// One thread's engines and observer.
struct DriverWorker {
  std::size_t point = kNoPoint;
  std::vector<std::unique_ptr<Replication>> engines;
  std::vector<std::unique_ptr<Tally>> tallies;
  std::unique_ptr<ReplicationObserver> observer;
  std::uint64_t keyed_draws = 0;
  std::chrono::steady_clock::duration simulating{}, observing{};
  // The later scenarios that carry on the first's replication from their divergence (forked[k]).
  std::vector<Replication::Follower> followers;
  std::vector<char> forked;

  void use(std::size_t p, const std::vector<const Scenario*>& scenarios, const DriverOptions& options) {
    if (point == p) return;
    point = p;
    engines.clear();
    tallies.clear();
    for (const Scenario* s : scenarios) {
      engines.push_back(std::make_unique<Replication>(*s));
      engines.back()->set_stock_projected(options.stock);
      tallies.push_back(std::make_unique<Tally>(s->calendar.warmup_start_year, s->year_count(),
                                                s->specialty_count(),
                                                engines.back()->anchor_layout().pairs.size()));
    }
    for (std::size_t k = 1; k < engines.size(); ++k) engines[k]->follow_draws_of(*engines.front());
    observer->engines_built(p, engines, tallies);
    followers.clear();
    forked.assign(engines.size(), 0);
    // A fill hook (an observed round) belongs to one engine's run: such runs are not forked.
    const auto hooked = [](const std::unique_ptr<Replication>& e) { return e->has_fill_override(); };
    if (options.fork && std::none_of(engines.begin(), engines.end(), hooked))
      for (std::size_t k = 1; k < engines.size(); ++k) {
        const Month from = engines[k]->prepare_to_follow(*engines.front());
        if (from <= engines[k]->first_month()) continue;
        followers.push_back({engines[k].get(), tallies[k].get(), from});
        forked[k] = 1;
      }
  }
  // Replication `key` of every scenario: the first in full, taking the followers along.
  void run(std::uint64_t seed, std::int64_t key) {
    engines.front()->run(seed, key, *tallies.front(), followers);
    for (std::size_t k = 1; k < engines.size(); ++k)
      if (forked[k])
        engines[k]->resume();
      else
        engines[k]->run(seed, key, *tallies[k]);
  }
  // The engines refer to the block's scenarios, which go when the block is done.
  void forget() {
    point = kNoPoint;
    engines.clear();
    tallies.clear();
  }
};

}  // namespace

DriverStats drive_replications(const DesignPoints& points, const DriverOptions& options,
                               const std::function<std::unique_ptr<ReplicationObserver>()>& make_observer,
                               std::vector<std::unique_ptr<ReplicationObserver>>& observers) {
  const auto started = std::chrono::steady_clock::now();
  DriverStats stats;
  stats.threads = resolved_threads(options.threads);
  const auto reps = static_cast<std::size_t>(options.replications);
  const bool loaded = static_cast<bool>(points.load);
  const std::size_t block_points = loaded ? std::max<std::size_t>(points.block, 1) : points.count;

  tbb::enumerable_thread_specific<DriverWorker> workers([&] {
    DriverWorker w;
    w.observer = make_observer();
    return w;
  });
  run_in_arena(stats.threads, [&] {
    const TaskRange share = options.tasks.within(points.count * reps);
    for (std::size_t first = 0; first < points.count; first += block_points) {
      const std::size_t count = std::min(block_points, points.count - first);
      // The block's tasks within this process's share, as task numbers relative to the block.
      const std::size_t lo = std::clamp(share.begin, first * reps, (first + count) * reps) - first * reps;
      const std::size_t hi = std::clamp(share.end, first * reps, (first + count) * reps) - first * reps;
      if (lo == hi) continue;
      std::vector<LoadedPoint> block(loaded ? count : 0);
      // One flattened loop over (point, replication): a point's replications are neighbours, so a
      // thread mostly stays on one point and rarely rebuilds its engines.
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(lo, hi, 16), [&](const tbb::blocked_range<std::size_t>& range) {
            DriverWorker& w = workers.local();
            for (std::size_t t = range.begin(); t != range.end(); ++t) {
              const std::size_t local = t / reps;
              const std::size_t point = first + local;
              const auto rep = static_cast<std::int64_t>(t % reps);
              if (loaded) {
                LoadedPoint& lp = block[local];
                std::call_once(lp.once, [&] {
                  lp.owned = points.load(point);
                  for (const Scenario& s : lp.owned) lp.scenarios.push_back(&s);
                });
                w.use(point, lp.scenarios, options);
              } else {
                w.use(point, points.fixed, options);
              }
              const std::uint64_t before = keyed_draws_made;
              const std::int64_t key = points.first_replication ? points.first_replication(point) + rep : rep;
              // Two clock reads a replication (tens of nanoseconds against milliseconds).
              const auto run_started = std::chrono::steady_clock::now();
              w.run(options.seed, key);
              const auto run_ended = std::chrono::steady_clock::now();
              w.keyed_draws += keyed_draws_made - before;
              w.observer->observe(point, rep, w.tallies);
              w.simulating += run_ended - run_started;
              w.observing += std::chrono::steady_clock::now() - run_ended;
              if (options.progress) options.progress->advance();
            }
          });
      if (loaded)
        for (DriverWorker& w : workers) w.forget();
    }
  });
  for (DriverWorker& w : workers) {
    stats.keyed_draws += w.keyed_draws;
    stats.simulate_seconds += std::chrono::duration<double>(w.simulating).count();
    stats.observe_seconds += std::chrono::duration<double>(w.observing).count();
    w.forget();
    observers.push_back(std::move(w.observer));
  }
  stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace forlob
