#pragma once
// The files of forlob evaluate: tidy CSV and a JSON document with a schema
// (output/schema/evaluation_posterior.schema.json, evaluation_power.schema.json; removing or
// changing a field raises the major version, adding one the minor version).
//  - evaluation_posterior.csv: quantity,mean,p05,p25,p50,p75,p95,prior_mean,prior_p05,prior_p50,prior_p95
//    one row per unknown, then the headline (trial, counterfactual, difference).
//  - evaluation_power.csv: design,true_share,evaluations,excludes_0,excludes_1,covers_truth,
//    mean_width,mean_posterior_mean (counts of evaluations; shares of them are count / evaluations).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "evaluate/HeadlinePredictive.hpp"
#include "evaluate/PowerAnalysis.hpp"

namespace forlob {

// How an evaluation was run: the same for the posterior and the power analysis.
struct EvaluationRun {
  std::uint64_t seed = 0;
  std::int64_t draws = 0;  // reference-table draws
  double accept = 0;
  int threads = 0;
  double table_seconds = 0, total_seconds = 0;
};

struct PosteriorReport {
  const Scenario* trial = nullptr;
  const Scenario* counterfactual = nullptr;
  const EvaluationPrior* prior = nullptr;
  const AbcInference* inference = nullptr;
  const AbcPosterior* posterior = nullptr;
  const ObservedFigures* observed = nullptr;
  std::vector<double> observed_summaries;
  std::vector<int> unused_lines;
  HeadlinePrediction headline, headline_prior;
  EvaluationRun run;
};

std::string posterior_csv(const PosteriorReport& r);
nlohmann::json posterior_json(const PosteriorReport& r);

struct PowerReport {
  const Scenario* scenario = nullptr;
  const EvaluationPrior* prior = nullptr;
  std::vector<const AbcInference*> inferences;
  const PowerSettings* settings = nullptr;
  const PowerResult* result = nullptr;
  EvaluationRun run;
};

std::string power_csv(const PowerReport& r);
nlohmann::json power_json(const PowerReport& r);

// What each reporting design of the power analysis receives, for people and the JSON.
std::string design_description(const std::string& design);

inline constexpr const char* kAbcMethod =
    "approximate Bayesian computation with a reference table: unknowns drawn from their prior, one "
    "replication of the trial scenario per draw; summaries (fills per region x trial specialty x measure, "
    "summed over the reported rounds) projected onto the unknowns by least squares over the table "
    "(semi-automatic ABC); distance Euclidean between projections, each divided by its sd over the table; "
    "the nearest share `accept` of the table accepted with Epanechnikov weights; local linear regression "
    "adjustment on logit share and log levels. Each unknown's reported posterior uses the distance on its "
    "own projection (one-dimensional); the headline's paired replications use the joint accepted draws";

}  // namespace forlob
