#pragma once
// The posterior predictive of the main job's headline under the inferred unknowns: new specialists
// in the trial specialties from the trial's first year through the follow-up horizon (2026-2036),
// trial minus counterfactual (the flex scheme), replication by replication. Each accepted draw of
// the posterior (its adjusted unknowns, its kernel weight) runs one paired replication of both
// scenarios with the same keyed numbers (common random numbers), the trial with the observed rounds
// held to their figures (forecast/ObservedRounds) when there are any.
#include <cstdint>

#include "evaluate/AbcPosterior.hpp"
#include "forecast/ObservedFigures.hpp"

namespace forlob {

struct HeadlinePrediction {
  std::string name;  // e.g. "completed_trial_specialties_2026_2036"
  QuantitySummary trial, counterfactual, difference;
  std::size_t replications = 0;
};

HeadlinePrediction predict_headline(const Scenario& trial, const Scenario& counterfactual,
                                    const EvaluationPrior& prior, const ReferenceTable& table,
                                    const AbcPosterior& posterior, const ObservedFigures* observed,
                                    std::uint64_t seed, int threads);

}  // namespace forlob
