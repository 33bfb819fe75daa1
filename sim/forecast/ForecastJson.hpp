#pragma once
// evaluation_forecast.json: the rows of evaluation_forecast.csv plus what produced them (schema
// version, scenario, seed, replications, evaluation year, measure definitions, and the observed
// figures with how the simulation met them). Its format is output/schema/evaluation_forecast.schema.json;
// a change that breaks readers bumps the major version, an added field the minor one.
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "forecast/ForecastRows.hpp"

namespace forlob {

inline constexpr std::string_view kForecastSchemaVersion = "1.1.0";

// Holds nothing that depends on the thread count or the wall time, so it is byte-identical at any
// thread count for a given seed.
nlohmann::json forecast_json(const ForecastResult& result, const std::vector<ForecastRow>& rows);

}  // namespace forlob
