#pragma once
// Backcast: the simulated past set beside every published figure for the same years, so a reader
// can see where the model meets the record and where no record is public. Covers the flex years
// 2021-2025 (caps and conversions, courses posted) and the warm-up years that have published fill
// figures (almen medicin posted and filled, psychiatry's share filled).
#include <optional>
#include <string>
#include <vector>

#include "calibration/PostingRecords.hpp"
#include "calibration/PublishedFigures.hpp"
#include "engine/RunResult.hpp"

namespace forlob {

struct BackcastRow {
  int year = 0;
  std::string region;                 // Nord, Syd, Øst or all
  std::string specialty;              // an id, "psykiatri+boerne_og_ungdomspsykiatri" or all
  std::string figure;                 // what is compared, e.g. "flex courses converted (flex_out)"
  double mean = 0, p05 = 0, p95 = 0;  // simulated, across replications
  bool interval = true;               // false: p05 and p95 are not meaningful (a ratio of means)
  std::optional<double> published;    // empty: no public figure
  std::string source;                 // the published figure's source, or why there is none
  std::string relation;               // how the two should relate ("at most", "equal", "compare")
};

// `result` must hold one scenario run over the years asked for.
std::vector<BackcastRow> backcast(const ScenarioResult& result, const PublishedFigures& figures,
                                  const PostingRecords& records, int first_year, int last_year);

}  // namespace forlob
