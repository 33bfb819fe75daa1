#pragma once
// headlines.csv: the named sums of a run (new specialists in the trial specialties 2026-2036, ...)
// as a tidy table, one row per scenario (and the B - A difference) and headline, with the Monte
// Carlo standard error of the mean and the 50 % and 90 % intervals across replications.
#include <ostream>

#include "engine/RunResult.hpp"

namespace forlob {

inline constexpr const char* kHeadlinesCsvHeader =
    "scenario,headline,label,first_year,last_year,mean,sd,mc_se,p05,p25,p50,p75,p95\n";

void write_headlines_csv(std::ostream& out, const RunResult& result);

}  // namespace forlob
