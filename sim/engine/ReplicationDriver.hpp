#pragma once
// The one replication loop of forlob. Every simulating command (run and compare, sweep and
// sensitivity, forecast) hands it design points, each a list of scenarios run side by side for the
// same replications, and an observer per thread that keeps what the command needs from each
// replication. Tasks (point x replication) run in parallel on a oneTBB arena; a thread keeps its own
// engines and rebuilds them only when it moves to another point. Each replication is keyed on
// (seed, index) alone, and observers reduce exactly (integer histograms, or slots by index), so
// results never depend on the thread count or on which thread ran what.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "engine/Replication.hpp"
#include "engine/TaskRange.hpp"
#include "model/Tally.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

class ProgressSink;

// What a command keeps from its replications; one instance per thread, never shared.
class ReplicationObserver {
 public:
  virtual ~ReplicationObserver() = default;
  // The thread has (re)built its engines and tallies for design point `point` (to attach fill hooks).
  virtual void engines_built(std::size_t /*point*/, std::span<const std::unique_ptr<Replication>> /*engines*/,
                             std::span<const std::unique_ptr<Tally>> /*tallies*/) {}
  // Replication `replication` of every scenario of `point` has run; tallies[k] is scenario k's.
  virtual void observe(std::size_t point, std::int64_t replication,
                       std::span<const std::unique_ptr<Tally>> tallies) = 0;
};

// The scenarios of each design point: fixed ones (run, compare, forecast), or loaded on demand
// (sweep and sensitivity, whose points are too many to hold at once).
struct DesignPoints {
  std::size_t count = 1;
  std::vector<const Scenario*> fixed;  // the one point's scenarios, when not loaded
  // Loads point p's scenarios; called once per point, from any thread.
  std::function<std::vector<Scenario>(std::size_t)> load;
  // Points whose scenarios are held at once when loaded (bounds memory for large designs).
  std::size_t block = 256;
  // The key of point p's replication r is first_replication(p) + r (none: r), for designs whose
  // points each stand for other replications (a reference table's draws).
  std::function<std::int64_t(std::size_t)> first_replication;
};

struct DriverOptions {
  std::uint64_t seed = 0;
  std::int64_t replications = 0;
  int threads = 0;  // 0: every hardware thread
  ProgressSink* progress = nullptr;
  // The tasks to run, numbered point * replications + replication (a shard's or an MPI rank's share).
  TaskRange tasks;
  // Carry each later scenario of a point on from the first's replication at their divergence
  // (engine/Divergence); false runs every scenario in full. The results are the same.
  bool fork = true;
  // Whether the observers read the specialist stock (Metric::Specialists, Retired, Exited); false
  // lets the engines skip projecting it, and those counts stay 0.
  bool stock = true;
};

struct DriverStats {
  int threads = 0;
  std::uint64_t keyed_draws = 0;  // keyed random numbers the replications drew
  double wall_seconds = 0;
  // Summed over the threads: time in the engines (the replications themselves) and in the observers
  // (what the command keeps of each: for run and compare the reduction into histograms). The
  // benchmark's split of a replication's cost; the rest of the wall time is set-up and merging.
  double simulate_seconds = 0, observe_seconds = 0;
};

// Runs every (point, replication) task. `make_observer` is called once per thread that takes part;
// the observers are returned (in no particular order: their reductions must not depend on it).
DriverStats drive_replications(const DesignPoints& points, const DriverOptions& options,
                               const std::function<std::unique_ptr<ReplicationObserver>()>& make_observer,
                               std::vector<std::unique_ptr<ReplicationObserver>>& observers);

// The same with the observers' own type.
template <typename Observer, typename Make>
DriverStats drive_observed(const DesignPoints& points, const DriverOptions& options, Make&& make,
                           std::vector<std::unique_ptr<Observer>>& observers) {
  std::vector<std::unique_ptr<ReplicationObserver>> base;
  const DriverStats stats = drive_replications(
      points, options, [&]() -> std::unique_ptr<ReplicationObserver> { return make(); }, base);
  for (auto& o : base) observers.emplace_back(static_cast<Observer*>(o.release()));
  return stats;
}

}  // namespace forlob
