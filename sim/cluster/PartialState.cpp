#include "cluster/PartialState.hpp"

#include <cstdint>
#include <vector>

#include "cluster/DistributionJson.hpp"
#include "core/Errors.hpp"

namespace forlob {

namespace {

// Merges the distribution at state[key] into `into`, whose cell count it must have.
void absorb_distribution(CellDistribution& into, const nlohmann::json& state, const std::string& key,
                         const std::string& file, const std::string& place) {
  if (!state.is_object() || !state.contains(key))
    throw InputError(file, place, "expected the partial distribution '" + key + "'");
  into.merge(distribution_from_json(state[key], into.cells(), file, place + "/" + key));
}

const nlohmann::json& list_of(const nlohmann::json& state, const std::string& key, std::size_t size,
                              const std::string& file) {
  if (!state.is_object() || !state.contains(key) || !state[key].is_array() || state[key].size() != size)
    throw InputError(file, "/" + key, "expected " + std::to_string(size) + " entries");
  return state[key];
}

}  // namespace

nlohmann::json partial_state(const RunResult& result, TaskRange range) {
  nlohmann::json scenarios = nlohmann::json::array();
  for (const ScenarioResult& sr : result.scenarios)
    scenarios.push_back({{"yearly", distribution_json(sr.yearly)},
                         {"anchors", distribution_json(sr.anchors)},
                         {"headline", distribution_json(sr.headline)}});
  nlohmann::json differences = nlohmann::json::array();
  for (const DifferenceResult& d : result.differences)
    differences.push_back(
        {{"yearly", distribution_json(d.yearly)}, {"headline", distribution_json(d.headline)}});
  nlohmann::json j{{"keyed_draws", result.keyed_draws},
                   {"scenarios", std::move(scenarios)},
                   {"differences", std::move(differences)}};
  if (!result.draws.empty()) {
    // Only the replications this share ran: each one's headline sums, in replication order.
    const TaskRange ran = range.within(static_cast<std::size_t>(result.replications));
    nlohmann::json values = nlohmann::json::array();
    for (const HeadlineDraws& d : result.draws)
      values.push_back(
          std::vector<std::int32_t>(d.values.begin() + static_cast<std::ptrdiff_t>(ran.begin * d.headlines),
                                    d.values.begin() + static_cast<std::ptrdiff_t>(ran.end * d.headlines)));
    j["draws"] = {{"first_replication", ran.begin}, {"values", std::move(values)}};
  }
  return j;
}

void absorb_partial(RunResult& into, const nlohmann::json& state, const std::string& file) {
  const nlohmann::json& scenarios = list_of(state, "scenarios", into.scenarios.size(), file);
  for (std::size_t k = 0; k < into.scenarios.size(); ++k) {
    const std::string place = "/scenarios/" + std::to_string(k);
    ScenarioResult& sr = into.scenarios[k];
    absorb_distribution(sr.yearly, scenarios[k], "yearly", file, place);
    absorb_distribution(sr.anchors, scenarios[k], "anchors", file, place);
    absorb_distribution(sr.headline, scenarios[k], "headline", file, place);
  }
  const nlohmann::json& differences = list_of(state, "differences", into.differences.size(), file);
  for (std::size_t d = 0; d < into.differences.size(); ++d) {
    const std::string place = "/differences/" + std::to_string(d);
    absorb_distribution(into.differences[d].yearly, differences[d], "yearly", file, place);
    absorb_distribution(into.differences[d].headline, differences[d], "headline", file, place);
  }
  if (into.differences.size() == 1) into.difference = into.differences.front();
  if (!state.contains("keyed_draws") || !state["keyed_draws"].is_number_unsigned())
    throw InputError(file, "/keyed_draws", "expected the count of keyed draws");
  into.keyed_draws += state["keyed_draws"].get<std::uint64_t>();
  if (into.draws.empty()) return;
  if (!state.contains("draws") || !state["draws"].is_object())
    throw InputError(file, "/draws",
                     "expected the draws of the shard's replications (the run keeps --draws)");
  const nlohmann::json& draws = state["draws"];
  const nlohmann::json& values = list_of(draws, "values", into.draws.size(), file + " (draws)");
  const std::size_t first = draws.value("first_replication", std::size_t{0});
  for (std::size_t k = 0; k < into.draws.size(); ++k) {
    HeadlineDraws& d = into.draws[k];
    if (!values[k].is_array() ||
        (first + values[k].size() / std::max<std::size_t>(d.headlines, 1)) * d.headlines > d.values.size())
      throw InputError(file, "/draws/values/" + std::to_string(k), "expected draws within the replications");
    std::size_t at = first * d.headlines;
    for (const nlohmann::json& v : values[k]) {
      if (!v.is_number_integer())
        throw InputError(file, "/draws/values/" + std::to_string(k), "expected integers");
      d.values[at++] = v.get<std::int32_t>();
    }
  }
}

nlohmann::json partial_state(const ForecastResult& result) {
  nlohmann::json j{{"cells", distribution_json(result.cells)}};
  if (result.observed) j["observed_check"] = distribution_json(result.observed_check);
  return j;
}

void absorb_partial(ForecastResult& into, const nlohmann::json& state, const std::string& file) {
  absorb_distribution(into.cells, state, "cells", file, "");
  if (into.observed) absorb_distribution(into.observed_check, state, "observed_check", file, "");
}

nlohmann::json partial_state(const Evaluation& evaluation) {
  // Only the points this share touched: [point, distribution] pairs.
  nlohmann::json points = nlohmann::json::array();
  for (std::size_t p = 0; p < evaluation.distributions.size(); ++p)
    if (evaluation.distributions[p].replications() > 0)
      points.push_back({p, distribution_json(evaluation.distributions[p])});
  return {{"points", std::move(points)}};
}

void absorb_partial(Evaluation& into, const nlohmann::json& state, const std::string& file) {
  if (!state.is_object() || !state.contains("points") || !state["points"].is_array())
    throw InputError(file, "/points", "expected the design points' partial distributions");
  const nlohmann::json& points = state["points"];
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string place = "/points/" + std::to_string(i);
    const nlohmann::json& entry = points[i];
    if (!entry.is_array() || entry.size() != 2 || !entry[0].is_number_unsigned() ||
        entry[0].get<std::size_t>() >= into.distributions.size())
      throw InputError(
          file, place,
          "expected [point, distribution] with a point below " + std::to_string(into.distributions.size()));
    CellDistribution& dist = into.distributions[entry[0].get<std::size_t>()];
    dist.merge(distribution_from_json(entry[1], dist.cells(), file, place + "/1"));
  }
}

}  // namespace forlob
