#pragma once
// draws.csv (compare or run with --draws): every replication's headline sums,
// `scenario,replication,headline,value`, for each scenario and then, for each scenario after the
// first, its difference from the first (scenario "<B> - <A>"), replication by replication, so that
// P(B > A) or an interval for a custom sum can be computed. Rows are in replication order, so the
// file is the same at any thread count.
#include <ostream>

#include "engine/RunResult.hpp"

namespace forlob {

inline constexpr const char* kDrawsCsvHeader = "scenario,replication,headline,value\n";

// Throws std::invalid_argument when the result kept no draws.
void write_draws_csv(std::ostream& out, const RunResult& result);

}  // namespace forlob
