#include "cluster/DistributionJson.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/InputErrorOf.hpp"

namespace forlob {
namespace {

CellDistribution three_cell_sample() {
  CellDistribution d(3);
  for (std::int32_t r = 0; r < 50; ++r) d.add(std::vector<std::int32_t>{r % 7, -100 * (r % 3), 400'000 * r});
  return d;
}

// Round trip through JSON and CBOR: the same counts, so the same summaries, byte for byte.
TEST(DistributionJson, RoundTripsExactlyThroughCbor) {
  const CellDistribution d = three_cell_sample();
  const nlohmann::json j = nlohmann::json::from_cbor(nlohmann::json::to_cbor(distribution_json(d)));
  const CellDistribution back = distribution_from_json(j, 3, "p.cbor", "");
  ASSERT_EQ(back.replications(), 50);
  for (std::size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(back.state(c), d.state(c));
    EXPECT_EQ(back.summary(c).p95, d.summary(c).p95);
    EXPECT_EQ(back.summary(c).sd, d.summary(c).sd);
  }
  // Keys are stored as steps from the one before: the narrow cell is 1, 1, 1, ... with counts (its
  // zeros are the rest of the 50).
  EXPECT_EQ(j["cells"][0][0], 1);
  EXPECT_EQ(j["cells"][0][2], 1);
  EXPECT_EQ(j["cells"][0].size(), 12U);
  // Only the cell of values up to 19.6 million is binned (at shift 16: 294 buckets), summed exactly.
  EXPECT_EQ(j["buckets"], 512);
  ASSERT_EQ(j["binned"].size(), 1U);
  EXPECT_EQ(j["binned"][0][0], 2);
  EXPECT_EQ(j["binned"][0][1], 16);
  EXPECT_EQ(j["binned"][0][2], 400'000 * (49 * 50 / 2));
  EXPECT_EQ(back.summary(2).mean, 400'000 * 24.5);
}

TEST(DistributionJson, ACorruptStateIsAnInputErrorNamingTheFileAndPlace) {
  nlohmann::json j = distribution_json(three_cell_sample());
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(j, 2, "s/partial.cbor", "/run"); }),
            "s/partial.cbor: /run/cells: expected 2 cells, got 3");
  nlohmann::json short_counts = j;
  short_counts["cells"][1][1] = 100;  // the cell now counts more than n
  EXPECT_NE(testing::input_error_of([&] {
              distribution_from_json(short_counts, 3, "f", "");
            }).find("f: expected a consistent distribution"),
            std::string::npos);
  nlohmann::json odd = j;
  odd["cells"][0].push_back(1);
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(odd, 3, "f", ""); }),
            "f: /cells/0: expected an array of key steps and counts");
  nlohmann::json other_resolution = j;
  other_resolution["buckets"] = 1024;
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(other_resolution, 3, "f", ""); }),
            "f: /buckets: expected the histogram resolution of this run, 512 buckets (--histogram-buckets), "
            "got 1024");
  EXPECT_NE(testing::input_error_of([&] { distribution_from_json(nlohmann::json::array(), 3, "f", ""); }),
            "");
  // The binned cells: missing, malformed, for a cell that does not exist, or sums the cell's buckets
  // cannot have.
  nlohmann::json no_sums = j;
  no_sums.erase("binned");
  EXPECT_NE(testing::input_error_of([&] {
              distribution_from_json(no_sums, 3, "f", "");
            }).find("expected a distribution"),
            std::string::npos);
  nlohmann::json short_entry = j;
  short_entry["binned"][0].erase(4);
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(short_entry, 3, "f", ""); }),
            "f: /binned/0: expected [cell, shift 1 to 31, sum, high and low 64 bits of the sum of squares]");
  nlohmann::json far_cell = j;
  far_cell["binned"][0][0] = 3;
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(far_cell, 3, "f", ""); }),
            "f: /binned/0: expected cells in increasing order, below 3");
  nlohmann::json wrong_shift = j;
  wrong_shift["binned"][0][1] = 15;  // buckets of half the values its sums say
  EXPECT_NE(testing::input_error_of([&] {
              distribution_from_json(wrong_shift, 3, "f", "");
            }).find("f: expected a consistent distribution"),
            std::string::npos);
  nlohmann::json wrong_sum = j;
  wrong_sum["binned"][0][2] = wrong_sum["binned"][0][2].get<std::int64_t>() + 100'000'000;
  EXPECT_NE(testing::input_error_of([&] {
              distribution_from_json(wrong_sum, 3, "f", "");
            }).find("f: expected a consistent distribution"),
            std::string::npos);
}

}  // namespace
}  // namespace forlob
