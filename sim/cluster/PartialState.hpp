#pragma once
// The exact partial state of each simulating command's result, as a shard or an MPI rank hands it
// on, and how a whole result absorbs it: the integer histograms of the reduction (bounded by the
// values' range, not by the replication count), plus, with --draws, the draws of the replications
// the share ran (which do grow with them: draws.csv lists every replication). Absorbing every share
// into a result that ran no task gives the whole run's result exactly, in any order.
#include <nlohmann/json.hpp>
#include <string>

#include "engine/RunResult.hpp"
#include "engine/TaskRange.hpp"
#include "forecast/EvaluationForecast.hpp"
#include "sensitivity/Evaluator.hpp"

namespace forlob {

// `range`: the replications the result ran (for its draws).
nlohmann::json partial_state(const RunResult& result, TaskRange range);
nlohmann::json partial_state(const ForecastResult& result);
nlohmann::json partial_state(const Evaluation& evaluation);

// Each throws InputError naming `file` (and the JSON pointer) when `state` does not fit `into`.
void absorb_partial(RunResult& into, const nlohmann::json& state, const std::string& file);
void absorb_partial(ForecastResult& into, const nlohmann::json& state, const std::string& file);
// Then Evaluation::summarise() once every share is in.
void absorb_partial(Evaluation& into, const nlohmann::json& state, const std::string& file);

}  // namespace forlob
