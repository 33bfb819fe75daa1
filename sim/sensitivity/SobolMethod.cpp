#include "sensitivity/SobolMethod.hpp"

#include <boost/random/sobol.hpp>
#include <cmath>
#include <limits>
#include <numeric>

namespace forlob {

namespace {

struct Estimates {
  std::vector<double> first, total;
  double variance = 0;
};

// The estimators over the given rows (a row may appear more than once: a bootstrap resample).
Estimates estimate(std::span<const double> y, std::size_t k, std::span<const std::size_t> rows) {
  const std::size_t width = k + 2;
  const auto n = static_cast<double>(rows.size());
  // Centre on the mean of the A and B outputs: it leaves the estimators' expectations unchanged
  // and keeps a large mean (thousands of specialists) from swamping f(B) x difference.
  double mean = 0;
  for (std::size_t r : rows) mean += y[r * width + SaltelliDesign::kA] + y[r * width + SaltelliDesign::kB];
  mean /= 2 * n;
  double variance = 0;
  for (std::size_t r : rows) {
    const double a = y[r * width + SaltelliDesign::kA] - mean, b = y[r * width + SaltelliDesign::kB] - mean;
    variance += a * a + b * b;
  }
  variance /= 2 * n;
  Estimates e;
  e.variance = variance;
  e.first.assign(k, std::numeric_limits<double>::quiet_NaN());
  e.total.assign(k, std::numeric_limits<double>::quiet_NaN());
  if (!(variance > 0)) return e;  // a constant output has no indices
  for (std::size_t i = 0; i < k; ++i) {
    double first = 0, total = 0;
    for (std::size_t r : rows) {
      const double a = y[r * width + SaltelliDesign::kA] - mean;
      const double b = y[r * width + SaltelliDesign::kB] - mean;
      const double ab = y[r * width + SaltelliDesign::ab(i)] - mean;
      first += b * (ab - a);         // Saltelli et al. (2010)
      total += (a - ab) * (a - ab);  // Jansen (1999)
    }
    e.first[i] = first / n / variance;
    e.total[i] = total / (2 * n) / variance;
  }
  return e;
}

}  // namespace

SaltelliDesign saltelli_design(std::size_t parameters, std::size_t base_samples) {
  SaltelliDesign d;
  d.base_samples = base_samples;
  d.parameters = parameters;
  boost::random::sobol sequence(2 * parameters);
  sequence.discard(2 * parameters);  // the first point is all zeros: a corner, not a sample
  std::vector<double> u(2 * parameters);
  for (std::size_t j = 0; j < base_samples; ++j) {
    for (double& x : u) x = static_cast<double>(sequence() >> 11U) * 0x1.0p-53;  // 64-bit integer -> [0, 1)
    const std::vector<double> a(u.begin(), u.begin() + static_cast<std::ptrdiff_t>(parameters));
    const std::vector<double> b(u.begin() + static_cast<std::ptrdiff_t>(parameters), u.end());
    d.unit_points.push_back(a);
    d.unit_points.push_back(b);
    for (std::size_t i = 0; i < parameters; ++i) {
      std::vector<double> ab = a;
      ab[i] = b[i];
      d.unit_points.push_back(std::move(ab));
    }
  }
  return d;
}

SobolIndices sobol_indices(std::span<const double> y, std::size_t parameters,
                           const BootstrapOptions& options) {
  const std::size_t n = y.size() / (parameters + 2);
  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  const Estimates point = estimate(y, parameters, rows);

  std::vector<std::vector<double>> first(parameters), total(parameters);
  for (int b = 0; b < options.resamples; ++b) {
    bootstrap_rows(options, static_cast<std::size_t>(b), n, rows);
    const Estimates e = estimate(y, parameters, rows);
    for (std::size_t i = 0; i < parameters; ++i) {
      first[i].push_back(e.first[i]);
      total[i].push_back(e.total[i]);
    }
  }
  SobolIndices out;
  out.variance = point.variance;
  for (std::size_t i = 0; i < parameters; ++i) {
    out.first.push_back(percentile_interval(point.first[i], first[i], options.confidence));
    out.total.push_back(percentile_interval(point.total[i], total[i], options.confidence));
  }
  return out;
}

}  // namespace forlob
