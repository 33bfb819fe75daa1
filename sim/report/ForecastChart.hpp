#pragma once
// The 2029 evaluation forecast (R14): expected extraordinary courses posted, filled, in course
// (and the other measures the forecast gives) per year, all regions and trial specialties, with
// their 50 % and 90 % intervals.
#include <string>
#include <vector>

#include "report/FanChart.hpp"
#include "report/ForecastCsv.hpp"

namespace forlob {

struct ForecastSeries {
  std::vector<FanSeries> series;  // one per measure, in the file's order
  bool summed = false;            // no "all" rows: means summed over regions and specialties, no bands
};

// Rows of `course_kind` with region and specialty "all"; when the file has no such rows, the sum
// of the means over its regions and specialties (quantiles of a sum cannot be summed, so then the
// series carry the mean as their median and no bands).
ForecastSeries forecast_series(const std::vector<ForecastTableRow>& rows, const std::string& course_kind);

}  // namespace forlob
