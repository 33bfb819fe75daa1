#pragma once
// evaluation_forecast.csv: the forecast rows, tidy, one header line.
#include <ostream>
#include <string_view>
#include <vector>

#include "forecast/ForecastRows.hpp"

namespace forlob {

inline constexpr std::string_view kForecastCsvHeader =
    "region,specialty,year,course_kind,measure,mean,p05,p25,p50,p75,p95\n";

// The mean is written exactly (shortest round trip), so sums such as Nord + Syd + Øst = all hold in
// the file; quantiles with 3 decimals, trailing zeros trimmed.
void write_forecast_csv(std::ostream& out, const std::vector<ForecastRow>& rows);

}  // namespace forlob
