#include "calibration/BetaBinomial.hpp"

#include <algorithm>
#include <cmath>

#include "calibration/MathPolicy.hpp"

namespace forlob {

double log_binomial_coefficient(int n, int y) {
  return lgamma_fast(n + 1.0) - lgamma_fast(y + 1.0) - lgamma_fast(n - y + 1.0);
}

double beta_binomial_log_pmf(int y, int n, double a, double b) {
  return log_binomial_coefficient(n, y) + beta_binomial_log_likelihood(y, n, a, b);
}

double beta_binomial_log_likelihood(int filled, int posted, double a, double b) {
  // log B(a + y, b + n − y) − log B(a, b), the Γ(a + b + n) and Γ(a + b) terms grouped.
  return lgamma_fast(a + filled) - lgamma_fast(a) + lgamma_fast(b + (posted - filled)) - lgamma_fast(b) -
         lgamma_fast(a + b + posted) + lgamma_fast(a + b);
}

std::vector<double> beta_binomial_pmf(int n, double a, double b) {
  std::vector<double> log_p(static_cast<std::size_t>(n) + 1);
  log_p[0] = beta_binomial_log_pmf(0, n, a, b);
  // P(y + 1) / P(y) = (n − y)(a + y) / ((y + 1)(b + n − y − 1)).
  for (int y = 0; y < n; ++y)
    log_p[static_cast<std::size_t>(y) + 1] = log_p[static_cast<std::size_t>(y)] +
                                             std::log((n - y) * (a + y)) -
                                             std::log((y + 1) * (b + n - y - 1));
  std::vector<double> p(log_p.size());
  for (std::size_t y = 0; y < p.size(); ++y) p[y] = std::exp(log_p[y]);
  return p;
}

}  // namespace forlob
