#include "report/YearlyTable.hpp"

#include "report/QuantileColumns.hpp"

namespace forlob {

namespace {

constexpr int kFirstYear = 1900, kLastYear = 2200;

struct KeyColumns {
  std::size_t scenario, year, region, specialty, metric;
  explicit KeyColumns(const TidyCsv& csv)
      : scenario(csv.column("scenario")),
        year(csv.column("year")),
        region(csv.column("region")),
        specialty(csv.column("specialty")),
        metric(csv.column("metric")) {}
  CellKey key(const TidyCsv& csv, std::size_t row) const {
    return {csv.text(row, scenario), csv.text(row, region), csv.text(row, specialty), csv.text(row, metric)};
  }
};

}  // namespace

void YearlyTable::add_yearly(const TidyCsv& csv) {
  csv.require_columns({"scenario", "year", "region", "specialty", "metric", "mean", "p05", "p50", "p95"});
  const KeyColumns k(csv);
  const std::size_t mean = csv.column("mean"), p05 = csv.column("p05"), p50 = csv.column("p50"),
                    p95 = csv.column("p95");
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    YearValue v;
    v.year = csv.integer(r, k.year, kFirstYear, kLastYear);
    v.mean = csv.number(r, mean);
    v.q.p05 = csv.number(r, p05);
    v.q.p50 = csv.number(r, p50);
    v.q.p95 = csv.number(r, p95);
    cells_[k.key(csv, r)][v.year] = v;
  }
}

void YearlyTable::add_bands(const TidyCsv& csv) {
  csv.require_columns(
      {"scenario", "year", "region", "specialty", "metric", "p05", "p25", "p50", "p75", "p95"});
  const KeyColumns k(csv);
  const QuantileColumns quantiles(csv);
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    const int year = csv.integer(r, k.year, kFirstYear, kLastYear);
    YearValue& v = cells_[k.key(csv, r)][year];
    v.year = year;
    v.q = quantiles.read(csv, r);
  }
}

std::vector<YearValue> YearlyTable::series(const CellKey& key, int from, int to) const {
  std::vector<YearValue> out;
  const auto it = cells_.find(key);
  if (it == cells_.end()) return out;
  for (auto y = it->second.lower_bound(from); y != it->second.end() && y->first <= to; ++y)
    out.push_back(y->second);
  return out;
}

bool YearlyTable::has_scenario(const std::string& scenario) const {
  const auto it = cells_.lower_bound(CellKey{scenario, "", "", ""});
  return it != cells_.end() && it->first.scenario == scenario;
}

}  // namespace forlob
