#pragma once
// evaluation_forecast.csv from `forlob forecast`: for each region, specialty, year, kind of course
// (extraordinary, ordinary) and measure (posted, filled, in course, ...), the expected value and
// its 50 % and 90 % intervals, for the 2029 evaluation of the trial (R14).
#include <string>
#include <vector>

#include "report/Quantiles.hpp"
#include "report/TidyCsv.hpp"

namespace forlob {

struct ForecastTableRow {
  std::string region, specialty;
  int year = 0;
  std::string course_kind, measure;
  double mean = 0;
  Quantiles q;
};

std::vector<ForecastTableRow> read_forecast_csv(const TidyCsv& csv);

}  // namespace forlob
