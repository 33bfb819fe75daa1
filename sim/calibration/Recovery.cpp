#include "calibration/Recovery.hpp"

#include <tbb/parallel_for.h>
#include <boost/math/distributions/beta.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <cmath>

#include "core/MathPolicy.hpp"

namespace forlob {

namespace {

// Parts of a recovery stream key (after the data set): what a draw is for.
constexpr std::uint64_t kTruth = 1, kYearRate = 2, kYearFilled = 3;

double coverage(const std::vector<RecoveryCase>& cases, bool (RecoveryCase::*covered)() const) {
  if (cases.empty()) return 0;
  int n = 0;
  for (const RecoveryCase& c : cases) n += (c.*covered)() ? 1 : 0;
  return static_cast<double>(n) / static_cast<double>(cases.size());
}

}  // namespace

double RecoveryResult::mu_coverage() const { return coverage(cases, &RecoveryCase::mu_covered); }
double RecoveryResult::kappa_coverage() const { return coverage(cases, &RecoveryCase::kappa_covered); }
double RecoveryResult::binomial_coverage() const { return coverage(cases, &RecoveryCase::binomial_covered); }

std::vector<YearCount> simulate_posting_years(StreamKey key, double mu, double kappa,
                                              const std::vector<int>& posted) {
  std::vector<YearCount> years;
  for (std::size_t t = 0; t < posted.size(); ++t) {
    KeyedStream rate_stream(key.with(kYearRate).with(t));
    const double rate = beta_quantile(mu, kappa, uniform01(rate_stream));
    KeyedStream fill_stream(key.with(kYearFilled).with(t));
    boost::random::binomial_distribution<int> binomial(posted[t], rate);
    years.push_back({static_cast<int>(t), posted[t], binomial(fill_stream)});
  }
  return years;
}

RecoveryResult run_recovery(const RecoveryOptions& options) {
  RecoveryResult result;
  result.cases.resize(static_cast<std::size_t>(options.datasets));
  const FillGrid grid(options.grid);
  const std::vector<double> flat = beta_prior_masses(grid, 1, 1);
  const StreamKey root(options.seed);
  tbb::parallel_for(0, options.datasets, [&](int m) {
    const StreamKey key = root.with(static_cast<std::uint64_t>(m));
    KeyedStream truth(key.with(kTruth));
    RecoveryCase c;
    c.mu = uniform01(truth);
    const double log_min = std::log(options.grid.kappa_min), log_max = std::log(options.grid.kappa_max);
    c.kappa = std::exp(log_min + (log_max - log_min) * uniform01(truth));
    const std::vector<YearCount> years = simulate_posting_years(key, c.mu, c.kappa, options.posted);
    const CellLikelihood likelihood(grid, years);
    const CellPosterior posterior(likelihood, flat);
    c.mu_low = posterior.mu_quantile(0.05);
    c.mu_high = posterior.mu_quantile(0.95);
    c.kappa_low = posterior.kappa_quantile(0.05);
    c.kappa_high = posterior.kappa_quantile(0.95);
    int posted = 0, filled = 0;
    for (const YearCount& y : years) {
      posted += y.posted;
      filled += y.filled;
    }
    const boost::math::beta_distribution<> binomial_posterior(filled + 1.0, posted - filled + 1.0);
    c.binomial_low = boost::math::quantile(binomial_posterior, 0.05);
    c.binomial_high = boost::math::quantile(binomial_posterior, 0.95);
    result.cases[static_cast<std::size_t>(m)] = c;
  });
  return result;
}

}  // namespace forlob
