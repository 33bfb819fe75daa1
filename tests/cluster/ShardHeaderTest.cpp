#include "cluster/ShardHeader.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <utility>
#include <vector>

#include "support/InputErrorOf.hpp"

namespace forlob {
namespace {

ShardHeader shard_two_of_three() {
  ShardHeader h;
  h.forlob_version = "0.1.0";
  h.command = "compare";
  h.command_line = {"forlob", "compare", "a.json", "b.json", "--set",
                    "/x=1",   "--shard", "2/3",    "--out",  "s2"};
  h.options = result_options(h.command_line);
  h.inputs = {{"a.json", "fnv1a64:0000000000000001"}, {"b.json", "fnv1a64:0000000000000002"}};
  h.seed = 5;
  h.replications = 30;
  h.tasks = 30;
  h.shard = 2;
  h.shards = 3;
  h.range = share_of(30, 2, 3);
  return h;
}

// Where a shard writes and how fast it runs do not change its result; everything else may.
TEST(ShardHeader, ResultOptionsDropOnlyPlacementAndSpeed) {
  EXPECT_EQ(
      result_options({"forlob", "run",   "s.json",  "--out",   "x",  "-t",      "2",   "--threads=4", "-o",
                      "y",      "-oz",   "--force", "--quiet", "-q", "--shard", "1/2", "--shard=2/2", "-n",
                      "9",      "--set", "/a=1",    "--draws"}),
      (std::vector<std::string>{"run", "s.json", "-n", "9", "--set", "/a=1", "--draws"}));
}

TEST(ShardHeader, RoundTripsThroughJson) {
  const ShardHeader h = shard_two_of_three();
  const ShardHeader back = shard_header_from_json(shard_header_json(h), "s2/shard.json");
  EXPECT_EQ(back.command_line, h.command_line);
  EXPECT_EQ(back.options, h.options);
  EXPECT_EQ(back.inputs, h.inputs);
  EXPECT_EQ(back.range, h.range);
  EXPECT_EQ(header_difference(h, back), "");
}

// Every way two shards can belong to different runs is named; which share each holds is not.
TEST(ShardHeader, DifferencesNameWhatDiffers) {
  const ShardHeader h = shard_two_of_three();
  ShardHeader third = h;
  third.shard = 3;
  third.range = share_of(30, 3, 3);
  EXPECT_EQ(header_difference(h, third), "");
  const std::vector<std::pair<std::function<void(ShardHeader&)>, std::string>> cases{
      {[](ShardHeader& o) { o.seed = 6; }, "another seed (6, expected 5)"},
      {[](ShardHeader& o) { o.replications = 31; }, "another replication count (31, expected 30)"},
      {[](ShardHeader& o) { o.forlob_version = "0.2.0"; }, "another forlob version (0.2.0, expected 0.1.0)"},
      {[](ShardHeader& o) { o.inputs[1].hash = "fnv1a64:00000000000000ff"; },
       "another version of b.json (fnv1a64:00000000000000ff, expected fnv1a64:0000000000000002)"},
      {[](ShardHeader& o) { o.inputs.pop_back(); }, "an input file fewer (b.json)"},
      {[](ShardHeader& o) {
         o.options = result_options({"forlob", "compare", "a.json", "b.json", "--set", "/x=2"});
       },
       "another set of options (--set, --param, ...) (compare a.json b.json --set /x=2, expected compare "
       "a.json "
       "b.json --set /x=1)"},
      {[](ShardHeader& o) { o.shards = 4; }, "another count of shards (4, expected 3)"},
      {[](ShardHeader& o) { o.command = "run"; }, "another command (run, expected compare)"},
  };
  for (const auto& [change, says] : cases) {
    ShardHeader other = h;
    change(other);
    EXPECT_EQ(header_difference(h, other), says);
  }
}

TEST(ShardHeader, AHeaderWhoseShareIsNotItsShardsIsRefused) {
  nlohmann::json j = shard_header_json(shard_two_of_three());
  j["shard"]["end_task"] = 21;
  EXPECT_EQ(testing::input_error_of([&] { shard_header_from_json(j, "s2/shard.json"); }),
            "s2/shard.json: /shard: expected the tasks of shard 2/3");
  j = shard_header_json(shard_two_of_three());
  j["shard"]["index"] = 4;
  EXPECT_EQ(testing::input_error_of([&] { shard_header_from_json(j, "h"); }),
            "h: /shard: expected a shard index from 1 to the count of shards");
  j = shard_header_json(shard_two_of_three());
  j["format"] = "something else";
  EXPECT_NE(testing::input_error_of([&] { shard_header_from_json(j, "h"); }).find("h: /format: expected"),
            std::string::npos);
  j = shard_header_json(shard_two_of_three());
  j.erase("seed");
  EXPECT_NE(testing::input_error_of([&] {
              shard_header_from_json(j, "h");
            }).find("expected a complete shard header"),
            std::string::npos);
}

}  // namespace
}  // namespace forlob
