#include "cluster/DistributionJson.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/Errors.hpp"

namespace forlob {

nlohmann::json distribution_json(const CellDistribution& distribution) {
  nlohmann::json cells = nlohmann::json::array();
  nlohmann::json binned = nlohmann::json::array();
  for (std::size_t c = 0; c < distribution.cells(); ++c) {
    const CellDistribution::CellState state = distribution.state(c);
    nlohmann::json cell = nlohmann::json::array();
    std::int64_t previous = 0;
    for (const auto& [key, count] : state.buckets) {
      cell.push_back(cell.empty() ? static_cast<std::int64_t>(key) : key - previous);
      cell.push_back(count);
      previous = key;
    }
    cells.push_back(std::move(cell));
    // A binned cell's shift and the exact sums of its values; the 128-bit sum of squares as its high
    // and low 64 bits.
    if (state.shift > 0)
      binned.push_back({c, state.shift, state.sums.sum,
                        static_cast<std::uint64_t>(state.sums.sum_of_squares >> 64),
                        static_cast<std::uint64_t>(state.sums.sum_of_squares)});
  }
  return {{"n", distribution.replications()},
          {"buckets", distribution.resolution().buckets},
          {"cells", std::move(cells)},
          {"binned", std::move(binned)}};
}

CellDistribution distribution_from_json(const nlohmann::json& j, std::size_t cells, const std::string& file,
                                        const std::string& place) {
  const auto bad = [&](const std::string& where, const std::string& expected) {
    return InputError(file, place + where, expected);
  };
  if (!j.is_object() || !j.contains("n") || !j["n"].is_number_integer() || !j.contains("cells") ||
      !j["cells"].is_array() || !j.contains("binned") || !j["binned"].is_array())
    throw bad(
        "",
        "expected a distribution {\"n\": replications, \"buckets\": B, \"cells\": [...], \"binned\": [...]}");
  // The buckets mean values only at the resolution they were made with: the run's (--histogram-buckets).
  const CellDistribution::Resolution expected = CellDistribution::default_resolution();
  const nlohmann::json& b = j.contains("buckets") ? j["buckets"] : nlohmann::json();
  if (!b.is_number_integer() || b.get<std::int64_t>() != expected.buckets)
    throw bad("/buckets", "expected the histogram resolution of this run, " +
                              std::to_string(expected.buckets) + " buckets (--histogram-buckets), got " +
                              (b.is_null() ? std::string("none") : b.dump()));
  const nlohmann::json& list = j["cells"];
  if (list.size() != cells)
    throw bad("/cells", "expected " + std::to_string(cells) + " cells, got " + std::to_string(list.size()));
  std::vector<CellDistribution::CellState> states(cells);
  for (std::size_t c = 0; c < cells; ++c) {
    const nlohmann::json& cell = list[c];
    const std::string where = "/cells/" + std::to_string(c);
    if (!cell.is_array() || cell.size() % 2 != 0)
      throw bad(where, "expected an array of key steps and counts");
    std::int64_t key = 0;
    for (std::size_t i = 0; i < cell.size(); i += 2) {
      if (!cell[i].is_number_integer() || !cell[i + 1].is_number_integer())
        throw bad(where, "expected integers");
      key = i == 0 ? cell[i].get<std::int64_t>() : key + cell[i].get<std::int64_t>();
      const auto count = cell[i + 1].get<std::int64_t>();
      if (key < std::numeric_limits<std::int32_t>::min() || key > std::numeric_limits<std::int32_t>::max() ||
          count < 0 || count > std::numeric_limits<std::uint32_t>::max())
        throw bad(where, "expected keys and counts within 32 bits");
      states[c].buckets.emplace_back(static_cast<std::int32_t>(key), static_cast<std::uint32_t>(count));
    }
  }
  const nlohmann::json& binned = j["binned"];
  for (std::size_t i = 0; i < binned.size(); ++i) {
    const nlohmann::json& entry = binned[i];
    const std::string where = "/binned/" + std::to_string(i);
    const auto natural = [](const nlohmann::json& x) {
      return x.is_number_unsigned() || (x.is_number_integer() && x.get<std::int64_t>() >= 0);
    };
    if (!entry.is_array() || entry.size() != 5 || !natural(entry[0]) || !natural(entry[1]) ||
        !entry[2].is_number_integer() || !natural(entry[3]) || !natural(entry[4]) ||
        entry[1].get<std::uint64_t>() == 0 || entry[1].get<std::uint64_t>() > 31)
      throw bad(where, "expected [cell, shift 1 to 31, sum, high and low 64 bits of the sum of squares]");
    const auto cell = entry[0].get<std::uint64_t>();
    if (cell >= cells || (i > 0 && cell <= binned[i - 1][0].get<std::uint64_t>()))
      throw bad(where, "expected cells in increasing order, below " + std::to_string(cells));
    states[cell].shift = entry[1].get<int>();
    states[cell].sums.sum = entry[2].get<std::int64_t>();
    states[cell].sums.sum_of_squares =
        (static_cast<CellDistribution::UInt128>(entry[3].get<std::uint64_t>()) << 64) |
        entry[4].get<std::uint64_t>();
  }
  try {
    return CellDistribution::from_states(j["n"].get<std::int64_t>(), states, expected);
  } catch (const std::invalid_argument& e) {
    throw bad("", std::string("expected a consistent distribution (") + e.what() + ")");
  }
}

}  // namespace forlob
