#include "calibration/ApplicantRecovery.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

namespace forlob {

namespace {

// Parts of a recovery stream key (after the data set): what a draw is for.
constexpr std::uint64_t kApplicantTruth = 1, kApplicantYear = 2, kApplicantCount = 3;

double share_covered(const std::vector<ApplicantRecoveryCase>& cases,
                     bool (ApplicantRecoveryCase::*covered)() const) {
  if (cases.empty()) return 0;
  const auto n = std::count_if(cases.begin(), cases.end(),
                               [&](const ApplicantRecoveryCase& c) { return (c.*covered)(); });
  return static_cast<double>(n) / static_cast<double>(cases.size());
}

}  // namespace

double ApplicantRecoveryResult::level_coverage() const {
  return share_covered(cases, &ApplicantRecoveryCase::level_covered);
}
double ApplicantRecoveryResult::sd_coverage() const {
  return share_covered(cases, &ApplicantRecoveryCase::sd_covered);
}

std::vector<YearCount> simulate_applicant_years(StreamKey key, double level, double sd,
                                                const std::vector<int>& offered) {
  std::vector<YearCount> years;
  for (std::size_t t = 0; t < offered.size(); ++t) {
    KeyedStream year_stream(key.with(kApplicantYear).with(t));
    boost::random::normal_distribution<double> normal(0.0, 1.0);
    const double lambda = level * std::exp(sd * normal(year_stream) - 0.5 * sd * sd);
    KeyedStream count_stream(key.with(kApplicantCount).with(t));
    boost::random::poisson_distribution<int, double> poisson(lambda);
    years.push_back({static_cast<int>(t), offered[t], std::min(poisson(count_stream), offered[t])});
  }
  return years;
}

ApplicantRecoveryResult run_applicant_recovery(const ApplicantRecoveryOptions& o) {
  ApplicantRecoveryResult result;
  result.cases.resize(static_cast<std::size_t>(o.datasets));
  const ApplicantGridSettings& fit_grid = o.fit_grid ? *o.fit_grid : o.grid;
  const StreamKey root(o.seed);
  tbb::parallel_for(0, o.datasets, [&](int m) {
    const StreamKey key = root.with(static_cast<std::uint64_t>(m));
    KeyedStream truth(key.with(kApplicantTruth));
    ApplicantRecoveryCase c;
    const double log_min = std::log(o.grid.level_min), log_max = std::log(o.grid.level_max);
    c.level = std::exp(log_min + (log_max - log_min) * uniform01(truth));
    c.sd = o.grid.sd_max * uniform01(truth);
    const ApplicantPosterior posterior(fit_grid, simulate_applicant_years(key, c.level, c.sd, o.offered));
    c.level_low = posterior.level_quantile(0.05);
    c.level_high = posterior.level_quantile(0.95);
    c.sd_low = posterior.sd_quantile(0.05);
    c.sd_high = posterior.sd_quantile(0.95);
    result.cases[static_cast<std::size_t>(m)] = c;
  });
  return result;
}

}  // namespace forlob
