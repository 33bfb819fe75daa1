#pragma once
// The applicant model fitted to a published series of offered and filled courses, on a grid.
// The fit's model is the simulator's applicant pool reduced to one market per specialty (mobility
// 1, no one left waiting between years): year t brings Poisson(L g_t) qualified applicants, L the
// specialty's applicant level (applicants a year) and g_t = exp(σ z_t − σ²/2), z_t standard normal,
// its between-year variation (/applicants/level, /applicants/year_sd); the year fills
// min(applicants, offered) courses. So a year with f < n filled of n offered has likelihood
// Poisson(f; L g), and a full year P(Poisson(L g) >= n), each mixed over g. The posterior of
// (L, σ) is computed on a grid: log L in equal bins (log-uniform prior on [level_min, level_max]),
// σ in equal bins of [0, sd_max] (uniform prior); g by equal-probability normal nodes.
#include <vector>

#include "calibration/GridPosterior.hpp"

namespace forlob {

struct ApplicantGridSettings {
  int level_points = 300;
  double level_min = 1;  // applicants a year
  double level_max = 3000;
  int sd_points = 20;
  double sd_max = 0.5;
  int year_nodes = 24;  // equal-probability nodes of z
};

class ApplicantPosterior {
 public:
  ApplicantPosterior(const ApplicantGridSettings& settings, const std::vector<YearCount>& years);

  double level(int i) const;  // the midpoint of bin i of log L
  double sd(int j) const { return (j + 0.5) * sd_step_; }
  double level_quantile(double p) const;
  double level_mean() const;
  // The standard deviation of log L: the replication-level uncertainty (/applicants/level_sd).
  double log_level_sd() const;
  double sd_quantile(double p) const;
  // P(filled = y | offered) for y = 0..offered: the posterior predictive of a new year.
  std::vector<double> predictive_pmf(int offered) const;
  // E[filled ÷ offered] at given parameters (for checks against the simulation).
  double expected_fill_rate(double level, double sd, int offered) const;

 private:
  std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(i) * static_cast<std::size_t>(settings_.sd_points) +
           static_cast<std::size_t>(j);
  }
  ApplicantGridSettings settings_;
  double log_min_ = 0, log_step_ = 0, sd_step_ = 0;
  std::vector<double> factor_z_;  // equal-probability normal nodes
  std::vector<double> weight_;    // posterior mass per grid point
  std::vector<double> level_marginal_, sd_marginal_;
};

// log P(filled | offered, Poisson mean λ) under min(Poisson(λ), offered).
double log_min_poisson_pmf(int filled, int offered, double lambda);

}  // namespace forlob
