#pragma once
// Parameter recovery: posting records simulated with known (μ, κ), drawn from the fit's own prior,
// are fitted back; over many data sets the 90% intervals should cover the truth 90% of the time.
// Beside it the coverage of a plain binomial fit (κ ignored: Beta(Σy + 1, Σ(n − y) + 1) on the
// pooled counts), which mistakes between-year variation for certainty.
#include <cstdint>
#include <vector>

#include "calibration/GridPosterior.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {

struct RecoveryOptions {
  int datasets = 200;
  std::uint64_t seed = 20260113;
  std::vector<int> posted{250, 250, 250, 250, 250, 250};  // courses posted in each simulated year
  GridSettings grid;  // also the prior the truth is drawn from: μ ~ U(0, 1), log κ ~ U(log κmin, log κmax)
};

struct RecoveryCase {
  double mu = 0, kappa = 0;                                       // the truth
  double mu_low = 0, mu_high = 0, kappa_low = 0, kappa_high = 0;  // 90% intervals of the fit
  double binomial_low = 0, binomial_high = 0;                     // 90% interval of the plain binomial fit
  bool mu_covered() const { return mu_low <= mu && mu <= mu_high; }
  bool kappa_covered() const { return kappa_low <= kappa && kappa <= kappa_high; }
  bool binomial_covered() const { return binomial_low <= mu && mu <= binomial_high; }
};

struct RecoveryResult {
  std::vector<RecoveryCase> cases;
  double mu_coverage() const;
  double kappa_coverage() const;
  double binomial_coverage() const;
};

// Each year's rate is Beta(μκ, (1 − μ)κ) by inverse CDF of a keyed uniform, its filled courses
// Binomial(posted, rate) (Boost.Random); keyed on (seed, data set, year), so results do not depend
// on the thread count.
std::vector<YearCount> simulate_posting_years(StreamKey key, double mu, double kappa,
                                              const std::vector<int>& posted);

RecoveryResult run_recovery(const RecoveryOptions& options);

}  // namespace forlob
