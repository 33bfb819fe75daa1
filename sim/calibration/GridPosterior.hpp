#pragma once
// The posterior of one cell's fill model on a grid: the mean fill rate μ (the midpoints of equal
// bins of [0, 1]) times the year-to-year concentration κ (midpoints of equal bins of log κ). Each
// year's rate is Beta(μκ, (1 − μ)κ) and its filled courses binomial given the rate, so a year
// contributes a Beta-binomial likelihood. A grid rather than MCMC: two parameters, exact up to the
// grid, deterministic, and the evidence (for empirical Bayes) comes for free.
#include <vector>

namespace forlob {

struct GridSettings {
  int mu_points = 400;
  int kappa_points = 60;
  double kappa_min = 1;      // prior on κ: log-uniform on [kappa_min, kappa_max]
  double kappa_max = 10000;  // equal bounds with kappa_points 1: κ fixed
};

// One year of a cell: the sums over its rows (rounds, parts of a region), which share that year's rate.
struct YearCount {
  int year = 0;
  int posted = 0;
  int filled = 0;
};

class FillGrid {
 public:
  explicit FillGrid(const GridSettings& settings);
  int mu_points() const { return mu_points_; }
  int kappa_points() const { return kappa_points_; }
  double mu(int i) const { return (i + 0.5) / mu_points_; }
  double mu_edge(int i) const { return static_cast<double>(i) / mu_points_; }
  double log_kappa(int j) const { return log_min_ + (j + 0.5) * log_step_; }
  double log_kappa_edge(int j) const { return log_min_ + j * log_step_; }

 private:
  int mu_points_, kappa_points_;
  double log_min_, log_step_;
};

// Prior mass of each μ bin under Beta(a, b): differences of the regularised incomplete beta
// function, so a narrow prior (a large between-region concentration) is not missed between midpoints.
std::vector<double> beta_prior_masses(const FillGrid& grid, double a, double b);

// log-likelihood of a cell's years at every grid point.
class CellLikelihood {
 public:
  CellLikelihood(const FillGrid& grid, const std::vector<YearCount>& years);
  const FillGrid& grid() const { return *grid_; }
  double log_at(int i, int j) const { return log_l_[index(i, j)]; }
  double max_log() const { return max_log_; }
  double log_coefficients() const { return log_coefficients_; }
  std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(i) * static_cast<std::size_t>(grid_->kappa_points()) +
           static_cast<std::size_t>(j);
  }

 private:
  const FillGrid* grid_;
  std::vector<double> log_l_;    // without the binomial coefficients
  double log_coefficients_ = 0;  // Σ log C(n, y)
  double max_log_ = 0;
};

class CellPosterior {
 public:
  // Prior masses per μ bin and per log κ bin (empty: uniform over the log κ bins, i.e. log-uniform κ).
  CellPosterior(const CellLikelihood& likelihood, const std::vector<double>& mu_prior_mass,
                const std::vector<double>& kappa_prior_mass = {});

  // log p(data | prior), with the binomial coefficients: comparable across priors.
  double log_evidence() const { return log_evidence_; }
  const std::vector<double>& kappa_marginal() const { return kappa_marginal_; }

  double mu_mean() const;
  // Treats the mass of a bin as spread evenly over it (hence the bin-width term).
  double mu_variance() const;
  double mu_quantile(double p) const;
  double kappa_quantile(double p) const;
  // P(filled = y | posted) for y = 0..posted: the posterior predictive of a new year, a mixture of
  // Beta-binomials over the grid.
  std::vector<double> predictive_pmf(int posted) const;

 private:
  std::size_t index(int i, int j) const {
    return static_cast<std::size_t>(i) * static_cast<std::size_t>(grid_->kappa_points()) +
           static_cast<std::size_t>(j);
  }
  const FillGrid* grid_;
  std::vector<double> weight_;
  std::vector<double> mu_marginal_, kappa_marginal_;
  double log_evidence_ = 0;
};

// The q-quantile of a distribution with `mass[i]` spread evenly over [edge(i), edge(i + 1)].
template <class Edge>
double histogram_quantile(const std::vector<double>& mass, Edge edge, double q) {
  double below = 0;
  for (std::size_t i = 0; i < mass.size(); ++i) {
    if (mass[i] > 0 && below + mass[i] >= q) {
      const double t = (q - below) / mass[i];
      const int k = static_cast<int>(i);
      return edge(k) + (t < 0 ? 0 : t) * (edge(k + 1) - edge(k));
    }
    below += mass[i];
  }
  return edge(static_cast<int>(mass.size()));
}

}  // namespace forlob
