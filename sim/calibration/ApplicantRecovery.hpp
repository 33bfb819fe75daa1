#pragma once
// Parameter recovery for the applicant fit (ApplicantFit): series of offered and filled courses
// simulated with a known applicant level L and between-year sd σ, drawn from the fit's own prior,
// are fitted back; over many series the 90% intervals should cover the truth 90% of the time.
#include <cstdint>
#include <optional>
#include <vector>

#include "calibration/ApplicantFit.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {

struct ApplicantRecoveryOptions {
  int datasets = 200;
  std::uint64_t seed = 20260114;
  std::vector<int> offered{250, 250, 250, 250, 250, 250};  // courses offered in each simulated year
  // Also the prior the truth is drawn from: log L ~ U(log level_min, log level_max), σ ~ U(0, sd_max).
  ApplicantGridSettings grid{.level_points = 120,
                             .level_min = 50,
                             .level_max = 600,
                             .sd_points = 12,
                             .sd_max = 0.4,
                             .year_nodes = 24};
  // The grid the series are fitted on (by default the same); a deliberately wrong fit, e.g. one that
  // ignores between-year variation (sd_points 1 with a tiny sd_max), must fail the coverage check.
  std::optional<ApplicantGridSettings> fit_grid;
};

struct ApplicantRecoveryCase {
  double level = 0, sd = 0;                                       // the truth
  double level_low = 0, level_high = 0, sd_low = 0, sd_high = 0;  // 90% intervals of the fit
  bool level_covered() const { return level_low <= level && level <= level_high; }
  bool sd_covered() const { return sd_low <= sd && sd <= sd_high; }
};

struct ApplicantRecoveryResult {
  std::vector<ApplicantRecoveryCase> cases;
  double level_coverage() const;
  double sd_coverage() const;
};

// Year t: z_t standard normal, A_t ~ Poisson(L exp(σ z_t − σ²/2)), filled min(A_t, offered_t);
// keyed on (seed, data set, year), so results do not depend on the thread count.
std::vector<YearCount> simulate_applicant_years(StreamKey key, double level, double sd,
                                                const std::vector<int>& offered);

ApplicantRecoveryResult run_applicant_recovery(const ApplicantRecoveryOptions& options);

}  // namespace forlob
