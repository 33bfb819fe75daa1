#include "evaluate/HeadlinePredictive.hpp"

#include <memory>

#include "engine/ReplicationDriver.hpp"
#include "engine/Runner.hpp"
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

// The counterfactual (A) and trial (B) totals of each accepted draw, into its slot; the trial's
// engine holds the rounds observed so far fixed.
struct PairObserver final : ReplicationObserver {
  PairObserver(const Scenario& trial, const ObservedFigures* observed, int from, int to,
               std::vector<double>& a, std::vector<double>& b)
      : trial_(trial), from_(from), to_(to), a_(a), b_(b) {
    if (observed) hook_ = std::make_unique<ObservedRounds>(*observed);
  }
  void engines_built(std::size_t /*point*/, std::span<const std::unique_ptr<Replication>> engines,
                     std::span<const std::unique_ptr<Tally>> /*tallies*/) override {
    engines[1]->set_fill_override(hook_.get());
  }
  void observe(std::size_t point, std::int64_t /*replication*/,
               std::span<const std::unique_ptr<Tally>> tallies) override {
    // Both scenarios have the same specialties (require_pairable), so the trial's name them.
    a_[point] = completed_trial_specialties(trial_, *tallies[0], from_, to_);
    b_[point] = completed_trial_specialties(trial_, *tallies[1], from_, to_);
  }

 private:
  const Scenario& trial_;
  std::unique_ptr<ObservedRounds> hook_;
  int from_, to_;
  std::vector<double>&a_, &b_;
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
  DesignPoints design;
  design.count = k;
  design.load = [&](std::size_t i) {
    const std::size_t row = posterior.rows[i];
    const UnknownsDraw draw = prior.with_values(table.draws[row], posterior.values[i]);
    std::vector<Scenario> pair{counterfactual, trial};
    for (Scenario& s : pair) prior.apply(draw, s);
    return pair;
  };
  // The same replication index for both: common random numbers.
  design.first_replication = [&](std::size_t i) {
    return kPredictiveReplications + static_cast<std::int64_t>(posterior.rows[i]);
  };
  std::vector<std::unique_ptr<PairObserver>> observers;
  drive_observed<PairObserver>(
      design, {seed, 1, threads, nullptr, {}},
      [&] { return std::make_unique<PairObserver>(trial, observed, from, to, a, b); }, observers);
  for (std::size_t i = 0; i < k; ++i) d[i] = b[i] - a[i];
  out.counterfactual = summarise(a, posterior.weights);
  out.trial = summarise(b, posterior.weights);
  out.difference = summarise(d, posterior.weights);
  out.replications = k;
  return out;
}

}  // namespace forlob
