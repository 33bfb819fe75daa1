#pragma once
// The short table `forlob forecast` prints: for the evaluation year, per region and trial
// specialty, the extraordinary courses posted and filled, trainees in them, and the same trainees'
// counterparts in ordinary courses, as mean [90% interval]; then how observed figures were met.
#include <ostream>
#include <vector>

#include "forecast/ForecastRows.hpp"

namespace forlob {

void print_forecast_table(std::ostream& out, const ForecastResult& result,
                          const std::vector<ForecastRow>& rows);

}  // namespace forlob
