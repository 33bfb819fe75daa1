#include "calibration/ApplicantFit.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>

#include "core/MathPolicy.hpp"

namespace forlob {

namespace {

double log_sum_exp(const std::vector<double>& v) {
  const double m = *std::max_element(v.begin(), v.end());
  if (!std::isfinite(m)) return m;
  double s = 0;
  for (double x : v) s += std::exp(x - m);
  return m + std::log(s);
}

// Spreads `mass` over bins of a marginal.
template <class Edge>
double marginal_quantile(const std::vector<double>& mass, Edge edge, double q) {
  return histogram_quantile(mass, edge, q);
}

}  // namespace

double log_min_poisson_pmf(int filled, int offered, double lambda) {
  if (filled < 0 || filled > offered) return -std::numeric_limits<double>::infinity();
  if (filled < offered) {
    if (lambda <= 0) return filled == 0 ? 0.0 : -std::numeric_limits<double>::infinity();
    return filled * std::log(lambda) - lambda - lgamma_fast(filled + 1.0);
  }
  if (offered == 0) return 0;
  if (lambda <= 0) return -std::numeric_limits<double>::infinity();
  // P(Poisson(λ) >= n) = P(n, λ), the regularised lower incomplete gamma function.
  const double tail = boost::math::gamma_p(static_cast<double>(offered), lambda, MathPolicy());
  return tail > 0 ? std::log(tail) : -std::numeric_limits<double>::infinity();
}

ApplicantPosterior::ApplicantPosterior(const ApplicantGridSettings& settings,
                                       const std::vector<YearCount>& years)
    : settings_(settings) {
  log_min_ = std::log(settings.level_min);
  log_step_ = (std::log(settings.level_max) - log_min_) / settings.level_points;
  sd_step_ = settings.sd_max / settings.sd_points;
  const boost::math::normal_distribution<> normal;
  for (int k = 0; k < settings.year_nodes; ++k)
    factor_z_.push_back(boost::math::quantile(normal, (k + 0.5) / settings.year_nodes));
  weight_.assign(
      static_cast<std::size_t>(settings.level_points) * static_cast<std::size_t>(settings.sd_points), 0);
  std::vector<double> log_post(weight_.size());
  std::vector<double> nodes(factor_z_.size());
  const double log_k = std::log(static_cast<double>(factor_z_.size()));
  std::vector<double> log_factorial;  // log f! of each year, a constant of its likelihood
  for (const YearCount& y : years) log_factorial.push_back(lgamma_fast(y.filled + 1.0));
  for (int i = 0; i < settings.level_points; ++i)
    for (int j = 0; j < settings.sd_points; ++j) {
      double log_l = 0;
      for (std::size_t t = 0; t < years.size(); ++t) {
        const YearCount& y = years[t];
        for (std::size_t k = 0; k < factor_z_.size(); ++k) {
          const double log_lambda = std::log(level(i)) + sd(j) * factor_z_[k] - 0.5 * sd(j) * sd(j);
          // Poisson(f; λ) for a year that was not full, written out to reuse log f!.
          nodes[k] = y.filled < y.posted ? y.filled * log_lambda - std::exp(log_lambda) - log_factorial[t]
                                         : log_min_poisson_pmf(y.filled, y.posted, std::exp(log_lambda));
        }
        log_l += log_sum_exp(nodes) - log_k;
      }
      log_post[index(i, j)] = log_l;  // flat priors on the grid's bins
    }
  const double m = *std::max_element(log_post.begin(), log_post.end());
  double total = 0;
  for (std::size_t p = 0; p < weight_.size(); ++p) total += weight_[p] = std::exp(log_post[p] - m);
  for (double& w : weight_) w /= total;
  level_marginal_.assign(static_cast<std::size_t>(settings.level_points), 0);
  sd_marginal_.assign(static_cast<std::size_t>(settings.sd_points), 0);
  for (int i = 0; i < settings.level_points; ++i)
    for (int j = 0; j < settings.sd_points; ++j) {
      level_marginal_[static_cast<std::size_t>(i)] += weight_[index(i, j)];
      sd_marginal_[static_cast<std::size_t>(j)] += weight_[index(i, j)];
    }
}

double ApplicantPosterior::level(int i) const { return std::exp(log_min_ + (i + 0.5) * log_step_); }

double ApplicantPosterior::level_quantile(double p) const {
  return std::exp(marginal_quantile(
      level_marginal_, [this](int i) { return log_min_ + i * log_step_; }, p));
}

double ApplicantPosterior::level_mean() const {
  double m = 0;
  for (int i = 0; i < settings_.level_points; ++i)
    m += level_marginal_[static_cast<std::size_t>(i)] * level(i);
  return m;
}

double ApplicantPosterior::log_level_sd() const {
  double m = 0, m2 = 0;
  for (int i = 0; i < settings_.level_points; ++i) {
    const double x = std::log(level(i));
    m += level_marginal_[static_cast<std::size_t>(i)] * x;
    m2 += level_marginal_[static_cast<std::size_t>(i)] * x * x;
  }
  return std::sqrt(std::max(0.0, m2 - m * m + log_step_ * log_step_ / 12));
}

double ApplicantPosterior::sd_quantile(double p) const {
  return marginal_quantile(
      sd_marginal_, [this](int j) { return j * sd_step_; }, p);
}

std::vector<double> ApplicantPosterior::predictive_pmf(int offered) const {
  constexpr double kNegligible = 1e-12;
  const auto n = static_cast<std::size_t>(offered);
  std::vector<double> pmf(n + 1, 0.0), log_factorial(n + 1, 0.0);
  for (std::size_t y = 1; y <= n; ++y)
    log_factorial[y] = log_factorial[y - 1] + std::log(static_cast<double>(y));
  double kept = 0;
  for (int i = 0; i < settings_.level_points; ++i)
    for (int j = 0; j < settings_.sd_points; ++j) {
      const double w = weight_[index(i, j)];
      if (w < kNegligible) continue;
      kept += w;
      const double wk = w / static_cast<double>(factor_z_.size());
      for (double z : factor_z_) {
        const double lambda = level(i) * std::exp(sd(j) * z - 0.5 * sd(j) * sd(j));
        const double log_lambda = std::log(lambda);
        double below = 0;
        for (std::size_t y = 0; y < n; ++y) {
          const double p = std::exp(static_cast<double>(y) * log_lambda - lambda - log_factorial[y]);
          pmf[y] += wk * p;
          below += p;
        }
        pmf[n] += wk * std::max(0.0, 1 - below);
      }
    }
  for (double& p : pmf) p /= kept;
  return pmf;
}

double ApplicantPosterior::expected_fill_rate(double level_value, double sd_value, int offered) const {
  if (offered <= 0) return 0;
  double expected = 0;
  for (double z : factor_z_) {
    const double lambda = level_value * std::exp(sd_value * z - 0.5 * sd_value * sd_value);
    // E[min(A, n)] = Σ_{k=1..n} P(A >= k)
    for (int k = 1; k <= offered; ++k)
      expected += boost::math::gamma_p(static_cast<double>(k), lambda, MathPolicy());
  }
  return expected / static_cast<double>(factor_z_.size()) / offered;
}

}  // namespace forlob
