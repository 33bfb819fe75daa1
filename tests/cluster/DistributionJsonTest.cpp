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
    EXPECT_EQ(back.beyond_sums(c), d.beyond_sums(c));
    EXPECT_EQ(back.summary(c).p95, d.summary(c).p95);
    EXPECT_EQ(back.summary(c).sd, d.summary(c).sd);
  }
  // Values are stored as steps from the one before: the narrow cell is 0, 1, 1, ... with counts.
  EXPECT_EQ(j["cells"][0][0], 0);
  EXPECT_EQ(j["cells"][0][2], 1);
  // Only the cell of values up to 19.6 million has values beyond the exact range, summed exactly.
  ASSERT_EQ(j["beyond"].size(), 1U);
  EXPECT_EQ(j["beyond"][0][0], 2);
  EXPECT_EQ(j["beyond"][0][1], 400'000 * (49 * 50 / 2));
  EXPECT_EQ(back.summary(2).mean, 400'000 * 24.5);
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
  // The sums beyond the exact range: missing, malformed, for a cell that does not exist, or ones
  // the cell's buckets cannot have.
  nlohmann::json no_sums = j;
  no_sums.erase("beyond");
  EXPECT_NE(testing::input_error_of([&] {
              distribution_from_json(no_sums, 3, "f", "");
            }).find("expected a distribution"),
            std::string::npos);
  nlohmann::json short_entry = j;
  short_entry["beyond"][0].erase(3);
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(short_entry, 3, "f", ""); }),
            "f: /beyond/0: expected [cell, sum, high and low 64 bits of the sum of squares]");
  nlohmann::json far_cell = j;
  far_cell["beyond"][0][0] = 3;
  EXPECT_EQ(testing::input_error_of([&] { distribution_from_json(far_cell, 3, "f", ""); }),
            "f: /beyond/0: expected cells in increasing order, below 3");
  nlohmann::json wrong_sum = j;
  wrong_sum["beyond"][0][1] = wrong_sum["beyond"][0][1].get<std::int64_t>() + 100'000'000;
  EXPECT_NE(testing::input_error_of([&] {
              distribution_from_json(wrong_sum, 3, "f", "");
            }).find("f: expected a consistent distribution"),
            std::string::npos);
}

}  // namespace
}  // namespace forlob
