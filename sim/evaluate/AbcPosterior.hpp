#pragma once
// Approximate Bayesian computation with a reference table (sim/evaluate/ReferenceTable): the
// posterior of the unknowns given a design's observed summaries.
//  1. Summaries of every table row (ReportingDesign) are standardised and projected onto the
//     unknowns by least squares over the table (semi-automatic ABC, Fearnhead & Prangle 2012): the
//     projection of row i is a linear estimate of its transformed unknowns (logit share, log levels)
//     from its reports, so the distance weighs each report by what it says about the unknowns and
//     the number of summaries does not dilute it. Fitted once per design and reused for every
//     observation (the power analysis runs hundreds on one fit).
//  2. Distance: Euclidean between projections, each coordinate divided by its sd over the table.
//  3. Rejection: the k nearest rows (k = accept share x table size), Epanechnikov weights
//     1 - (d / d_k)^2 (d_k, the k-th distance, is the tolerance).
//  4. Regression adjustment (Beaumont, Zhang & Balding 2002): per unknown, a weighted linear
//     regression of the accepted rows' transformed values on their projection minus the observed
//     one; each value is moved along it to the observed projection, then transformed back, so the
//     share stays inside (0, 1) and levels stay positive.
// Why this method: the simulator is forlob itself (no likelihood in closed form for queues, mobility
// and hand-overs), a table costs one replication per draw and serves every observation, and both the
// method and its checks (coverage on synthetic truths, prior = posterior without information) are
// cheap. Ties in distance are broken by row index, so the result is deterministic.
#include <string>
#include <vector>

#include "evaluate/ReferenceTable.hpp"
#include "evaluate/ReportingDesign.hpp"

namespace forlob {

struct AbcSettings {
  double accept = 0.05;  // share of the table accepted
  bool adjust = true;    // regression adjustment
  // Each unknown's reported summary from its own one-dimensional ABC (AbcInference::marginal);
  // false: from the joint accepted draws.
  bool marginal = true;
  std::size_t min_accepted = 20;
};

struct QuantitySummary {
  double mean = 0, p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
};

// Weighted mean and quantiles (the smallest value whose cumulative weight reaches q of the total).
QuantitySummary summarise(const std::vector<double>& values, const std::vector<double>& weights);

struct AbcPosterior {
  std::vector<std::size_t> rows;            // accepted table rows, nearest first
  std::vector<double> weights;              // [a] kernel weight
  std::vector<std::vector<double>> values;  // [a] adjusted unknowns (EvaluationPrior::names order)
  std::vector<QuantitySummary> summaries;   // per unknown
  double tolerance = 0;                     // distance of the k-th nearest row
};

class AbcInference {
 public:
  // Throws InputError naming `what` when the design has no summary that varies over the table.
  AbcInference(const ReferenceTable& table, const ReportingDesign& design, const AbcSettings& settings,
               const std::string& what);

  AbcPosterior infer(const std::vector<double>& observed) const;
  // The same from a simulated row's reports (the power analysis and the recovery checks).
  AbcPosterior infer_row(const std::int32_t* reports) const { return infer(design_.values(reports)); }

  const ReportingDesign& design() const { return design_; }
  std::size_t used_summaries() const { return used_.size(); }
  std::size_t accepted() const { return k_; }
  // The prior's summaries, from the table's draws (unweighted).
  const std::vector<QuantitySummary>& prior() const { return prior_; }

 private:
  std::vector<double> project(const std::vector<double>& summaries) const;
  QuantitySummary marginal(std::size_t p, double at) const;

  const ReferenceTable& table_;
  ReportingDesign design_;
  AbcSettings settings_;
  std::size_t n_ = 0, p_ = 0, k_ = 0;
  std::vector<std::size_t> used_;               // summaries that vary over the table
  std::vector<double> mean_, sd_;               // of the used summaries
  std::vector<std::vector<double>> beta_;       // [p] coefficients: intercept, then per used summary
  std::vector<double> projection_sd_;           // [p]
  std::vector<std::vector<double>> targets_;    // [i] transformed unknowns
  std::vector<std::vector<double>> projected_;  // [i] projection, already divided by projection_sd_
  std::vector<QuantitySummary> prior_;
};

// The transformation the regressions work in: logit for the share (index 0), log for levels.
double to_working(std::size_t unknown, double value);
double from_working(std::size_t unknown, double value);

}  // namespace forlob
