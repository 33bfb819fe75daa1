#include "evaluate/HeadlinePredictive.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <memory>

#include "engine/Replication.hpp"
#include "engine/Runner.hpp"
#include "engine/ThreadArena.hpp"
#include "forecast/ObservedRounds.hpp"

namespace forlob {

namespace {

std::int32_t completed_trial_specialties(const Scenario& s, const Tally& tally, int from, int to) {
  std::int32_t sum = 0;
  for (int y = from; y <= to; ++y)
    for (int k = 0; k < s.specialty_count(); ++k)
      if (s.specialties[static_cast<std::size_t>(k)].trial)
        for (Region r : kRegions) sum += tally.get(y, r, k, Metric::Completed);
  return sum;
}

// One thread's patched copies of both scenarios and their tallies.
struct PairWorker {
  PairWorker(const Scenario& a, const Scenario& b, const ObservedFigures* observed)
      : copy_a(std::make_unique<Scenario>(a)),
        copy_b(std::make_unique<Scenario>(b)),
        tally_a(a.calendar.warmup_start_year, a.year_count(), a.specialty_count(),
                Replication(a).anchor_layout().pairs.size()),
        tally_b(b.calendar.warmup_start_year, b.year_count(), b.specialty_count(),
                Replication(b).anchor_layout().pairs.size()) {
    if (observed) hook = std::make_unique<ObservedRounds>(*observed);
  }
  std::unique_ptr<Scenario> copy_a, copy_b;
  Tally tally_a, tally_b;
  std::unique_ptr<ObservedRounds> hook;
};

}  // namespace

HeadlinePrediction predict_headline(const Scenario& trial, const Scenario& counterfactual,
                                    const EvaluationPrior& prior, const ReferenceTable& table,
                                    const AbcPosterior& posterior, const ObservedFigures* observed,
                                    std::uint64_t seed, int threads) {
  require_pairable(trial, counterfactual);
  const int from = trial.extraordinary->first_year, to = trial.calendar.followup_end_year;
  HeadlinePrediction out;
  out.name = "completed_trial_specialties_" + std::to_string(from) + "_" + std::to_string(to);
  const std::size_t k = posterior.rows.size();
  std::vector<double> a(k), b(k), d(k);
  tbb::enumerable_thread_specific<std::unique_ptr<PairWorker>> workers(
      [&] { return std::make_unique<PairWorker>(counterfactual, trial, observed); });
  run_in_arena(threads, [&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, k, 4), [&](const tbb::blocked_range<std::size_t>& range) {
          PairWorker& w = *workers.local();
          for (std::size_t i = range.begin(); i != range.end(); ++i) {
            const std::size_t row = posterior.rows[i];
            const UnknownsDraw draw = prior.with_values(table.draws[row], posterior.values[i]);
            prior.apply(draw, *w.copy_a);
            prior.apply(draw, *w.copy_b);
            // The same replication index for both: common random numbers.
            const std::int64_t replication = kPredictiveReplications + static_cast<std::int64_t>(row);
            Replication ra(*w.copy_a);
            ra.run(seed, replication, w.tally_a);
            Replication rb(*w.copy_b);
            rb.set_fill_override(w.hook.get());
            rb.run(seed, replication, w.tally_b);
            a[i] = completed_trial_specialties(*w.copy_a, w.tally_a, from, to);
            b[i] = completed_trial_specialties(*w.copy_b, w.tally_b, from, to);
            d[i] = b[i] - a[i];
          }
        });
  });
  out.counterfactual = summarise(a, posterior.weights);
  out.trial = summarise(b, posterior.weights);
  out.difference = summarise(d, posterior.weights);
  out.replications = k;
  return out;
}

}  // namespace forlob
