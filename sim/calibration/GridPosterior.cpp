#include "calibration/GridPosterior.hpp"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <stdexcept>

#include "calibration/BetaBinomial.hpp"
#include "core/MathPolicy.hpp"

namespace forlob {

FillGrid::FillGrid(const GridSettings& settings)
    : mu_points_(settings.mu_points), kappa_points_(settings.kappa_points) {
  if (mu_points_ < 2 || kappa_points_ < 1 || !(settings.kappa_min > 0) ||
      settings.kappa_max < settings.kappa_min ||
      (kappa_points_ > 1 && settings.kappa_max == settings.kappa_min))
    throw std::invalid_argument("FillGrid: bad grid settings");
  log_min_ = std::log(settings.kappa_min);
  log_step_ = (std::log(settings.kappa_max) - log_min_) / kappa_points_;
}

std::vector<double> beta_prior_masses(const FillGrid& grid, double a, double b) {
  std::vector<double> mass(static_cast<std::size_t>(grid.mu_points()));
  double below = 0;
  for (int i = 0; i < grid.mu_points(); ++i) {
    const double cdf =
        i + 1 == grid.mu_points() ? 1.0 : boost::math::ibeta(a, b, grid.mu_edge(i + 1), MathPolicy());
    mass[static_cast<std::size_t>(i)] = std::max(0.0, cdf - below);
    below = cdf;
  }
  return mass;
}

CellLikelihood::CellLikelihood(const FillGrid& grid, const std::vector<YearCount>& years)
    : grid_(&grid),
      log_l_(static_cast<std::size_t>(grid.mu_points()) * static_cast<std::size_t>(grid.kappa_points()),
             0.0) {
  for (const YearCount& y : years) log_coefficients_ += log_binomial_coefficient(y.posted, y.filled);
  for (int j = 0; j < grid.kappa_points(); ++j) {
    const double kappa = std::exp(grid.log_kappa(j));
    // Terms that depend on κ alone, once per κ.
    double kappa_terms = 0;
    for (const YearCount& y : years) kappa_terms += lgamma_fast(kappa) - lgamma_fast(kappa + y.posted);
    for (int i = 0; i < grid.mu_points(); ++i) {
      const double a = grid.mu(i) * kappa, b = (1 - grid.mu(i)) * kappa;
      const double lg_a = lgamma_fast(a), lg_b = lgamma_fast(b);
      double sum = kappa_terms;
      for (const YearCount& y : years)
        sum += lgamma_fast(a + y.filled) - lg_a + lgamma_fast(b + (y.posted - y.filled)) - lg_b;
      log_l_[index(i, j)] = sum;
    }
  }
  max_log_ = *std::max_element(log_l_.begin(), log_l_.end());
}

CellPosterior::CellPosterior(const CellLikelihood& likelihood, const std::vector<double>& mu_prior_mass,
                             const std::vector<double>& kappa_prior_mass)
    : grid_(&likelihood.grid()) {
  const FillGrid& g = *grid_;
  weight_.assign(static_cast<std::size_t>(g.mu_points()) * static_cast<std::size_t>(g.kappa_points()), 0.0);
  std::vector<double> kappa_prior = kappa_prior_mass;
  if (kappa_prior.empty())
    kappa_prior.assign(static_cast<std::size_t>(g.kappa_points()), 1.0 / g.kappa_points());
  double total = 0;
  for (int i = 0; i < g.mu_points(); ++i) {
    const double prior = mu_prior_mass[static_cast<std::size_t>(i)];
    if (prior <= 0) continue;
    for (int j = 0; j < g.kappa_points(); ++j) {
      const double w = prior * kappa_prior[static_cast<std::size_t>(j)] *
                       std::exp(likelihood.log_at(i, j) - likelihood.max_log());
      weight_[index(i, j)] = w;
      total += w;
    }
  }
  if (!(total > 0)) throw std::runtime_error("CellPosterior: the prior gives the data no mass on the grid");
  log_evidence_ = std::log(total) + likelihood.max_log() + likelihood.log_coefficients();
  mu_marginal_.assign(static_cast<std::size_t>(g.mu_points()), 0.0);
  kappa_marginal_.assign(static_cast<std::size_t>(g.kappa_points()), 0.0);
  for (int i = 0; i < g.mu_points(); ++i)
    for (int j = 0; j < g.kappa_points(); ++j) {
      double& w = weight_[index(i, j)];
      w /= total;
      mu_marginal_[static_cast<std::size_t>(i)] += w;
      kappa_marginal_[static_cast<std::size_t>(j)] += w;
    }
}

double CellPosterior::mu_mean() const {
  double m = 0;
  for (int i = 0; i < grid_->mu_points(); ++i) m += mu_marginal_[static_cast<std::size_t>(i)] * grid_->mu(i);
  return m;
}

double CellPosterior::mu_variance() const {
  const double m = mu_mean();
  double v = 0;
  for (int i = 0; i < grid_->mu_points(); ++i) {
    const double d = grid_->mu(i) - m;
    v += mu_marginal_[static_cast<std::size_t>(i)] * d * d;
  }
  const double width = 1.0 / grid_->mu_points();
  return v + width * width / 12;
}

double CellPosterior::mu_quantile(double p) const {
  return histogram_quantile(
      mu_marginal_, [this](int i) { return grid_->mu_edge(i); }, p);
}

double CellPosterior::kappa_quantile(double p) const {
  return std::exp(histogram_quantile(
      kappa_marginal_, [this](int j) { return grid_->log_kappa_edge(j); }, p));
}

std::vector<double> CellPosterior::predictive_pmf(int posted) const {
  // Grid points of weight below 1e-15 are skipped: under 1e-9 in all even on a million points.
  constexpr double kNegligible = 1e-15;
  std::vector<double> pmf(static_cast<std::size_t>(posted) + 1, 0.0);
  double kept = 0;
  for (int i = 0; i < grid_->mu_points(); ++i)
    for (int j = 0; j < grid_->kappa_points(); ++j) {
      const double w = weight_[index(i, j)];
      if (w < kNegligible) continue;
      const double kappa = std::exp(grid_->log_kappa(j));
      const std::vector<double> p =
          beta_binomial_pmf(posted, grid_->mu(i) * kappa, (1 - grid_->mu(i)) * kappa);
      // Each point's pmf renormalised: its lgamma starting value is off by up to ~1e-8 at large κ.
      double sum = 0;
      for (double v : p) sum += v;
      for (std::size_t y = 0; y < pmf.size(); ++y) pmf[y] += w * p[y] / sum;
      kept += w;
    }
  for (double& p : pmf) p /= kept;
  return pmf;
}

}  // namespace forlob
