#include "cluster/DistributionJson.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/Errors.hpp"

namespace forlob {

nlohmann::json distribution_json(const CellDistribution& distribution) {
  nlohmann::json cells = nlohmann::json::array();
  for (std::size_t c = 0; c < distribution.cells(); ++c) {
    nlohmann::json cell = nlohmann::json::array();
    std::int64_t previous = 0;
    for (const auto& [value, count] : distribution.counts(c)) {
      cell.push_back(cell.empty() ? static_cast<std::int64_t>(value) : value - previous);
      cell.push_back(count);
      previous = value;
    }
    cells.push_back(std::move(cell));
  }
  return {{"n", distribution.replications()}, {"cells", std::move(cells)}};
}

CellDistribution distribution_from_json(const nlohmann::json& j, std::size_t cells, const std::string& file,
                                        const std::string& place) {
  const auto bad = [&](const std::string& where, const std::string& expected) {
    return InputError(file, place + where, expected);
  };
  if (!j.is_object() || !j.contains("n") || !j["n"].is_number_integer() || !j.contains("cells") ||
      !j["cells"].is_array())
    throw bad("", "expected a distribution {\"n\": replications, \"cells\": [...]}");
  const nlohmann::json& list = j["cells"];
  if (list.size() != cells)
    throw bad("/cells", "expected " + std::to_string(cells) + " cells, got " + std::to_string(list.size()));
  std::vector<std::vector<CellDistribution::ValueCount>> counts(cells);
  for (std::size_t c = 0; c < cells; ++c) {
    const nlohmann::json& cell = list[c];
    const std::string where = "/cells/" + std::to_string(c);
    if (!cell.is_array() || cell.size() % 2 != 0)
      throw bad(where, "expected an array of value steps and counts");
    std::int64_t value = 0;
    for (std::size_t i = 0; i < cell.size(); i += 2) {
      if (!cell[i].is_number_integer() || !cell[i + 1].is_number_integer())
        throw bad(where, "expected integers");
      value = i == 0 ? cell[i].get<std::int64_t>() : value + cell[i].get<std::int64_t>();
      const auto count = cell[i + 1].get<std::int64_t>();
      if (value < std::numeric_limits<std::int32_t>::min() ||
          value > std::numeric_limits<std::int32_t>::max() || count < 0 ||
          count > std::numeric_limits<std::uint32_t>::max())
        throw bad(where, "expected values and counts within 32 bits");
      counts[c].emplace_back(static_cast<std::int32_t>(value), static_cast<std::uint32_t>(count));
    }
  }
  try {
    return CellDistribution::from_counts(j["n"].get<std::int64_t>(), counts);
  } catch (const std::invalid_argument& e) {
    throw bad("", std::string("expected a consistent distribution (") + e.what() + ")");
  }
}

}  // namespace forlob
