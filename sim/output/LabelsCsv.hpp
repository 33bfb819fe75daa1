#pragma once
// labels.csv: names for the ids in the other files' columns, so a reader can join them instead of
// digging them out of summary.json: `column,value,label`, one row per specialty id and per region,
// and one for each `all` (the sum over the column's other values, which a reader summing rows must drop).
#include <ostream>

#include "scenario/Scenario.hpp"

namespace forlob {

inline constexpr const char* kLabelsCsvHeader = "column,value,label\n";

void write_labels_csv(std::ostream& out, const Scenario& scenario);

}  // namespace forlob
