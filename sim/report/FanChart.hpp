#pragma once
// Fan charts: per year the median as a line, the 50 % band (p25-p75) and the 90 % band (p05-p95)
// as shaded areas, for one or more series overlaid in distinct colours. Used for new specialists
// by policy and for the trial-minus-flex difference (one series and a zero line).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/Chart.hpp"
#include "report/Quantiles.hpp"
#include "report/RunSummary.hpp"
#include "report/YearlyTable.hpp"

namespace forlob {

struct YearBand {
  int year = 0;
  Quantiles q;
};

struct FanSeries {
  std::string label;  // legend text
  std::string colour;
  std::vector<YearBand> points;
  bool has_quartiles() const;  // every point has a 50 % band
  bool has_band() const;       // every point has a 90 % band
};

// The cell (scenario, region, specialty, metric) for years [from, to].
FanSeries fan_series(const YearlyTable& table, const CellKey& key, int from, int to);
// A scenario's single-year headlines whose names are `prefix` + year, in [from, to]: e.g. prefix
// "completed_trial_specialties_" gives new specialists in the four trial specialties together by
// year, whose quantiles are those of the per-replication sum (yearly.csv cannot give them).
FanSeries headline_fan_series(const std::vector<HeadlineRow>& headlines, const std::string& scenario,
                              const std::string& prefix, int from, int to);

struct FanChartOptions {
  std::string xlabel = "year";
  std::string ylabel;
  bool zero_line = false;                          // for differences
  std::optional<std::pair<int, int>> shade_years;  // e.g. the trial's years, shaded behind the data
  std::string shade_label;
  // Hiring years under the post-trial rule (after the plan), tinted and labelled "post-trial rule".
  std::optional<std::pair<int, int>> post_trial_years;
  // The first year of an incomplete tail (completions that miss the cohorts of unsimulated later
  // rounds), hatched to the end of the axis; none when unset.
  std::optional<int> tail_from;
};

Chart fan_chart(Chart chart, const std::vector<FanSeries>& series, const FanChartOptions& options);

}  // namespace forlob
