#pragma once
// The yearly cells of a run as the charts need them: for each (scenario, region, specialty,
// metric) the mean and quantiles by year. Read from yearly.csv and difference.csv (mean, p05, p50,
// p95) and, when present, bands.csv (adds p25 and p75 for the 50 % band).
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "report/Quantiles.hpp"
#include "report/TidyCsv.hpp"

namespace forlob {

struct YearValue {
  int year = 0;
  double mean = Quantiles::kMissing;  // bands.csv has no mean; yearly.csv does
  Quantiles q;
};

struct CellKey {
  std::string scenario, region, specialty, metric;
  auto operator<=>(const CellKey&) const = default;
};

class YearlyTable {
 public:
  // Adds the rows of a yearly.csv-shaped table (scenario,year,region,specialty,metric,mean,p05,
  // p50,p95; other columns ignored).
  void add_yearly(const TidyCsv& csv);
  // Adds the rows of a bands.csv-shaped table (scenario,year,region,specialty,metric,p05,p25,p50,
  // p75,p95), filling in quartiles of cells already read and adding cells not yet seen.
  void add_bands(const TidyCsv& csv);

  // The cell's values for years in [from, to] that the files hold, by year; empty if none.
  std::vector<YearValue> series(const CellKey& key, int from, int to) const;
  bool has_scenario(const std::string& scenario) const;
  std::size_t cells() const { return cells_.size(); }

 private:
  std::map<CellKey, std::map<int, YearValue>> cells_;
};

}  // namespace forlob
