#pragma once
// yearly.csv and difference.csv: one tidy row per (scenario, year, region, specialty, metric),
// with the mean, sd and 5/50/95 % quantiles across replications; bands.csv: the same rows with the
// quantiles a fan chart needs (5, 25, 50, 75, 95 %).
#include <ostream>
#include <string>
#include <vector>

#include "model/Layout.hpp"
#include "scenario/Scenario.hpp"
#include "stats/CellDistribution.hpp"

namespace forlob {

// One table of expanded yearly cells: `label` fills the scenario column ("flex_scheme", or
// "extraordinary_trial - flex_scheme" for a difference); the scenario names the specialties.
struct YearlyTableRef {
  std::string label;
  const Scenario* scenario = nullptr;
  const YearlyLayout* layout = nullptr;
  const CellDistribution* distribution = nullptr;
};

inline constexpr const char* kYearlyCsvHeader = "scenario,year,region,specialty,metric,mean,sd,p05,p50,p95\n";

// Writes the header, then each table's rows ordered by year, region slot (Nord, Syd, Øst, all),
// specialty slot (Scenario::specialties order, then all) and metric (kMetricNames order).
// Throws std::invalid_argument when a table's layout, scenario and distribution disagree.
void write_yearly_csv(std::ostream& out, const std::vector<YearlyTableRef>& tables);

inline constexpr const char* kBandsCsvHeader = "scenario,year,region,specialty,metric,p05,p25,p50,p75,p95\n";

// The rows of write_yearly_csv, in the same order, with the 50 % and 90 % bands.
void write_bands_csv(std::ostream& out, const std::vector<YearlyTableRef>& tables);

}  // namespace forlob
