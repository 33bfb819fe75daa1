#pragma once
// The loader's last pass: what the structural checks let through must also be something the
// simulation runs, safely and in bounded work. Every number within its ParameterRegistry bounds,
// every text and list of bounded length, and the few limits that join two numbers (a delay
// distribution whose tail fits the 72-month cap on extensions).
#include <nlohmann/json.hpp>

#include "scenario/JsonReader.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

inline constexpr std::size_t kMaxNameBytes = 64;       // /name: it names the output directory
inline constexpr std::size_t kMaxTextBytes = 10'000;   // any other string
inline constexpr std::size_t kMaxListItems = 10'000;   // items of an array, members of an object
inline constexpr double kDelayTailProbability = 1e-3;  // what may fall beyond the extension cap

// Throws InputError(namer(pointer), pointer, "expected ..., got ...") for the first violation.
void check_scenario_bounds(const nlohmann::json& document, const Scenario& scenario, const FileNamer& namer);

}  // namespace forlob
