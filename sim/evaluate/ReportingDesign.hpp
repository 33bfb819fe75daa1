#pragma once
// A reporting design: which of the round report cells (RoundReports) the evaluation receives, and
// the summary statistics the inference compares, each a sum of cells. Summaries are per region x
// trial specialty x measure, summed over the reported years and rounds: the unknowns are national
// (one share, one level per specialty), and summing keeps the binomial noise of single rounds from
// swamping the distance, while the region stays apart because crowd-out shows only where the pool
// of applicants binds (Nord's almen medicin, not Øst's).
#include <string>
#include <vector>

#include "evaluate/RoundReports.hpp"
#include "forecast/ObservedFigures.hpp"

namespace forlob {

struct Summary {
  std::string name;                  // e.g. "Nord/almen_medicin/extraordinary_filled"
  std::vector<std::size_t> columns;  // the report cells it sums
};

struct ReportingDesign {
  std::string name;
  std::vector<Summary> summaries;
  std::vector<double> values(const std::int32_t* row) const;
};

// Every round from the trial's first year through `through_year`: the courses filled, extraordinary
// and ordinary ("counts"), and with `with_new` also the extraordinary courses taken by new
// applicants ("counts_and_new").
ReportingDesign full_design(const RoundReportLayout& layout, const Scenario& scenario, int through_year,
                            bool with_new);

// The cells of an observed file: the observed fills of extraordinary and ordinary courses of the
// trial specialties. `observed` receives the design's observed summary values. Rows outside the
// layout (another specialty's ordinary courses) are not used; `unused` receives their lines.
ReportingDesign observed_design(const RoundReportLayout& layout, const Scenario& scenario,
                                const ObservedFigures& figures, std::vector<double>& observed,
                                std::vector<int>& unused);

}  // namespace forlob
