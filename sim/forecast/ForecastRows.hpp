#pragma once
// The rows of the evaluation forecast, as both evaluation_forecast.csv and .json carry them: one per
// region x specialty x year x course kind x measure, with the mean and the 5th, 25th, 50th, 75th and
// 95th percentiles across replications (50% interval p25-p75, 90% interval p05-p95).
#include <string>
#include <string_view>
#include <vector>

#include "forecast/EvaluationForecast.hpp"

namespace forlob {

struct ForecastRow {
  std::string_view region;  // Nord, Syd, Øst, all
  std::string specialty;    // a trial specialty id, or trial_specialties
  int year = 0;
  CourseKind kind = CourseKind::Extraordinary;
  std::string_view measure;
  std::size_t cell = 0;  // index into the layout
  double mean = 0;       // exact
  // Exact type 7 quantiles, rounded to 3 decimals: the values the CSV shows.
  double p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
};

// In output order: region (Nord, Syd, Øst, all), specialty (scenario order, then the sum), year,
// course kind (extraordinary, ordinary), measure (measures_of order).
std::vector<ForecastRow> forecast_rows(const ForecastResult& result);

// `value` as the CSV writes it: 3 decimals, trailing zeros trimmed, read back.
double rounded_quantile(double value);

}  // namespace forlob
