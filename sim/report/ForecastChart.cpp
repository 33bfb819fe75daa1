#include "report/ForecastChart.hpp"

#include <algorithm>
#include <map>

namespace forlob {

ForecastSeries forecast_series(const std::vector<ForecastTableRow>& rows, const std::string& course_kind) {
  ForecastSeries out;
  std::vector<std::string> measures;
  bool has_all = false;
  for (const ForecastTableRow& r : rows) {
    if (r.course_kind != course_kind) continue;
    if (std::find(measures.begin(), measures.end(), r.measure) == measures.end())
      measures.push_back(r.measure);
    has_all = has_all || (r.region == "all" && r.specialty == "all");
  }
  out.summed = !has_all;
  for (std::size_t m = 0; m < measures.size(); ++m) {
    FanSeries s;
    s.label = spaced(measures[m]);
    s.colour = palette(m);
    std::map<int, YearBand> by_year;
    for (const ForecastTableRow& r : rows) {
      if (r.course_kind != course_kind || r.measure != measures[m]) continue;
      if (has_all) {
        if (r.region == "all" && r.specialty == "all") by_year[r.year] = {r.year, r.q};
        continue;
      }
      if (r.region == "all" || r.specialty == "all") continue;  // partial totals would count twice
      YearBand& b = by_year[r.year];
      if (b.year == 0) {
        b.year = r.year;
        b.q.p50 = 0;
      }
      b.q.p50 += r.mean;
    }
    for (const auto& [year, band] : by_year) s.points.push_back(band);
    out.series.push_back(std::move(s));
  }
  return out;
}

}  // namespace forlob
