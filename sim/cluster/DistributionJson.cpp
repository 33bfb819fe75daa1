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
  // The exact sums of the values beyond the exact range, for the cells that have any; the 128-bit
  // sum of squares as its high and low 64 bits.
  nlohmann::json beyond = nlohmann::json::array();
  for (std::size_t c = 0; c < distribution.cells(); ++c) {
    const CellDistribution::BeyondSums sums = distribution.beyond_sums(c);
    if (sums == CellDistribution::BeyondSums{}) continue;
    beyond.push_back({c, sums.sum, static_cast<std::uint64_t>(sums.sum_of_squares >> 64),
                      static_cast<std::uint64_t>(sums.sum_of_squares)});
  }
  const CellDistribution::Resolution r = distribution.resolution();
  return {{"n", distribution.replications()},
          {"resolution", {r.exact_bits, r.bucket_bits}},
          {"cells", std::move(cells)},
          {"beyond", std::move(beyond)}};
}

CellDistribution distribution_from_json(const nlohmann::json& j, std::size_t cells, const std::string& file,
                                        const std::string& place) {
  const auto bad = [&](const std::string& where, const std::string& expected) {
    return InputError(file, place + where, expected);
  };
  if (!j.is_object() || !j.contains("n") || !j["n"].is_number_integer() || !j.contains("cells") ||
      !j["cells"].is_array() || !j.contains("beyond") || !j["beyond"].is_array())
    throw bad("", "expected a distribution {\"n\": replications, \"cells\": [...], \"beyond\": [...]}");
  // The buckets mean values only at the resolution they were made with: the run's (--exact-bits, --bin-bits).
  const CellDistribution::Resolution expected = CellDistribution::default_resolution();
  const nlohmann::json& r = j.contains("resolution") ? j["resolution"] : nlohmann::json();
  if (!r.is_array() || r.size() != 2 || !r[0].is_number_integer() || !r[1].is_number_integer() ||
      r[0].get<std::int64_t>() != expected.exact_bits || r[1].get<std::int64_t>() != expected.bucket_bits)
    throw bad("/resolution", "expected the histogram resolution [" + std::to_string(expected.exact_bits) +
                                 ", " + std::to_string(expected.bucket_bits) +
                                 "] (exact bits, bucket bits) of this run, got " +
                                 (r.is_null() ? std::string("none") : r.dump()));
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
  std::vector<CellDistribution::BeyondSums> beyond(cells);
  const nlohmann::json& sums = j["beyond"];
  for (std::size_t i = 0; i < sums.size(); ++i) {
    const nlohmann::json& entry = sums[i];
    const std::string where = "/beyond/" + std::to_string(i);
    const auto natural = [](const nlohmann::json& x) {
      return x.is_number_unsigned() || (x.is_number_integer() && x.get<std::int64_t>() >= 0);
    };
    if (!entry.is_array() || entry.size() != 4 || !natural(entry[0]) || !entry[1].is_number_integer() ||
        !natural(entry[2]) || !natural(entry[3]))
      throw bad(where, "expected [cell, sum, high and low 64 bits of the sum of squares]");
    const auto cell = entry[0].get<std::uint64_t>();
    if (cell >= cells || (i > 0 && cell <= sums[i - 1][0].get<std::uint64_t>()))
      throw bad(where, "expected cells in increasing order, below " + std::to_string(cells));
    beyond[cell].sum = entry[1].get<std::int64_t>();
    beyond[cell].sum_of_squares =
        (static_cast<CellDistribution::UInt128>(entry[2].get<std::uint64_t>()) << 64) |
        entry[3].get<std::uint64_t>();
  }
  try {
    return CellDistribution::from_counts(j["n"].get<std::int64_t>(), counts, beyond, expected);
  } catch (const std::invalid_argument& e) {
    throw bad("", std::string("expected a consistent distribution (") + e.what() + ")");
  }
}

}  // namespace forlob
