#include "cluster/DistributionJson.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/InputErrorOf.hpp"

namespace forlob {
namespace {

CellDistribution three_cell_sample() {
  CellDistribution d(3);
  for (std::int32_t r = 0; r < 50; ++r) d.add(std::vector<std::int32_t>{r % 7, -1000 * (r % 3), 400'000 * r});
  return d;
}

// Round trip through JSON and CBOR: the same counts, so the same summaries, byte for byte.
TEST(DistributionJson, RoundTripsExactlyThroughCbor) {
  const CellDistribution d = three_cell_sample();
  const nlohmann::json j = nlohmann::json::from_cbor(nlohmann::json::to_cbor(distribution_json(d)));
  const CellDistribution back = distribution_from_json(j, 3, "p.cbor", "");
  ASSERT_EQ(back.replications(), 50);
  for (std::size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(back.counts(c), d.counts(c));
    EXPECT_EQ(back.summary(c).p95, d.summary(c).p95);
    EXPECT_EQ(back.summary(c).sd, d.summary(c).sd);
  }
  // Values are stored as steps from the one before: the narrow cell is 0, 1, 1, ... with counts.
  EXPECT_EQ(j["cells"][0][0], 0);
  EXPECT_EQ(j["cells"][0][2], 1);
}

TEST(DistributionJson, ACorruptStateIsAnInputErrorNamingTheFileAndPlace) {
  nlohmann::json j = distribution_json(three_cell_sample());
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(j, 2, "s/partial.cbor", "/run"); }),
            "s/partial.cbor: /run/cells: expected 2 cells, got 3");
  nlohmann::json short_counts = j;
  short_counts["cells"][1][1] = 1;  // the cell no longer adds up to n
  EXPECT_NE(testing::input_error_of([&] {
              distribution_from_json(short_counts, 3, "f", "");
            }).find("f: expected a consistent distribution"),
            std::string::npos);
  nlohmann::json odd = j;
  odd["cells"][0].push_back(1);
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(odd, 3, "f", ""); }),
            "f: /cells/0: expected an array of value steps and counts");
  EXPECT_NE(testing::input_error_of([&] { distribution_from_json(nlohmann::json::array(), 3, "f", ""); }),
            "");
}

}  // namespace
}  // namespace forlob
