// The parameter table: every number with the tier and source of its longest covering /sources key.
#include "scenario/ParameterTable.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using forlob::testing::minimal_scenario;
using Json = nlohmann::json;

class ParameterTableTest : public forlob::testing::ScenarioFiles {
 protected:
  static const Parameter& find(const std::vector<Parameter>& table, const std::string& pointer) {
    const auto it =
        std::find_if(table.begin(), table.end(), [&](const Parameter& p) { return p.pointer == pointer; });
    if (it == table.end()) throw std::runtime_error("no parameter " + pointer);
    return *it;
  }
};

// A source text splits at its first colon; a citation of spaces only is empty, not an error.
TEST(SourceText, SplitsIntoTierAndCitation) {
  EXPECT_EQ(source_tier("published: SST, 28 Jun 2021"), "published");
  EXPECT_EQ(source_citation("published: SST, 28 Jun 2021"), "SST, 28 Jun 2021");
  EXPECT_EQ(source_citation("assumption:   two: colons"), "two: colons");
  EXPECT_EQ(source_citation("published:   "), "");
  EXPECT_EQ(source_citation("no tier"), "");
}

TEST_F(ParameterTableTest, EveryNumberIsListedOnceWithTheTierOfItsLongestSource) {
  Json doc = minimal_scenario();
  doc["sources"]["/fill/mean/a"] = "published: a named report, table 2";
  const Scenario s = load_scenario(write("s.json", doc));
  const std::vector<Parameter> table = parameter_table(s);
  // minimal_scenario() holds 4 calendar years + 2 round numbers, 2 x (course_months, 3 delay, dropout),
  // 3 totals + 5 fixed + 3 remainder, concentration + 6 means + 4 kind multipliers + repost, 2 unfilled.
  EXPECT_EQ(table.size(), 6u + 10u + 11u + 12u + 2u);
  const Parameter& nord = find(table, "/fill/mean/a/Nord");
  EXPECT_EQ(nord.value, 0.5);
  EXPECT_EQ(nord.tier, "published");
  EXPECT_EQ(nord.source, "a named report, table 2");
  EXPECT_EQ(nord.source_pointer, "/fill/mean/a");
  EXPECT_EQ(find(table, "/fill/mean/b/Nord").tier, "assumption");
  EXPECT_EQ(find(table, "/fill/concentration").source_pointer, "/fill");
  EXPECT_EQ(count_tiers(table).at("published"), 3);
}

TEST_F(ParameterTableTest, ACommandLineValueIsAnOverride) {
  const Scenario s = load_scenario(write("s.json", minimal_scenario()), {"/fill/mean/b/Syd=0.25"});
  const std::vector<Parameter> table = parameter_table(s);
  const Parameter& p = find(table, "/fill/mean/b/Syd");
  EXPECT_EQ(p.value, 0.25);
  EXPECT_EQ(p.tier, "override");
}

TEST_F(ParameterTableTest, AMeanReplacedByAFillCellIsNotCountedAsInUse) {
  Json doc = minimal_scenario();
  doc["fill"]["cells"] = Json::parse(R"({"a": {"Syd": {"mean": 0.4}}})");
  doc["sources"]["/fill/cells"] = "calibrated: a fit";
  const std::vector<Parameter> table = parameter_table(load_scenario(write("s.json", doc)));
  EXPECT_EQ(find(table, "/fill/mean/a/Syd").replaced_by, "/fill/cells/a/Syd/mean");
  EXPECT_EQ(find(table, "/fill/mean/a/Nord").replaced_by, "");
  EXPECT_EQ(find(table, "/fill/cells/a/Syd/mean").tier, "calibrated");
  const auto tiers = count_tiers(table);
  EXPECT_EQ(tiers.at("calibrated"), 1);
  EXPECT_EQ(tiers.at("assumption"), static_cast<int>(table.size()) - 2);
}

}  // namespace
}  // namespace forlob
