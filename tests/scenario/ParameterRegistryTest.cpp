// The registry declares every number a scenario may hold, once: the shipped scenarios have no
// number it does not know, each sits within its bounds, and fill groups are found by name.
#include "scenario/ParameterRegistry.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "scenario/ParameterTable.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

TEST(ParameterRegistry, EveryNumberOfTheShippedScenariosIsRegisteredAndWithinItsBounds) {
  for (const char* file : {"base.json", "flex_scheme.json", "extraordinary_trial.json"}) {
    const std::vector<Parameter> numbers =
        parameter_table(load_scenario(testing::shipped_scenario_path(file)));
    ASSERT_GT(numbers.size(), 100u) << file;
    for (const Parameter& p : numbers) {
      const ParameterInfo* info = find_parameter(p.pointer);
      ASSERT_NE(info, nullptr) << file << ": " << p.pointer;
      EXPECT_GE(p.value, info->min) << p.pointer;
      EXPECT_LE(p.value, info->max) << p.pointer;
    }
  }
}

TEST(ParameterRegistry, PlaceholdersMatchOneTokenAndNothingElse) {
  const ParameterInfo* weight = find_parameter("/extraordinary/weights/Nord/geriatri");
  ASSERT_NE(weight, nullptr);
  EXPECT_EQ(weight->pattern, "/extraordinary/weights/{region}/{specialty}");
  EXPECT_EQ(find_parameter("/extraordinary/weights/Nord"), nullptr);
  EXPECT_EQ(find_parameter("/extraordinary/weights/Nord/geriatri/x"), nullptr);
  EXPECT_EQ(find_parameter("/name"), nullptr);
  EXPECT_EQ(bounds_text(*weight), "a number in [0, 1000000] (weight)");
  EXPECT_EQ(bounds_text(*find_parameter("/unfilled/max_reposts")), "an integer in 0..5 (postings)");
  EXPECT_EQ(bounds_text(*find_parameter("/fill/concentration")),
            "0 or a number in [0.001, 1000000] (concentration)");
}

TEST(ParameterRegistry, PatternsAreDistinctSoEachNumberHasOneEntry) {
  std::set<std::string> patterns;
  for (const ParameterInfo& info : parameter_registry()) {
    EXPECT_TRUE(patterns.insert(std::string(info.pattern)).second) << info.pattern;
    EXPECT_LE(info.min, info.max) << info.pattern;
    EXPECT_FALSE(info.meaning.empty()) << info.pattern;
  }
}

TEST(ParameterRegistry, FillGroupsAreFoundByNameAndListedForTheSpecialties) {
  const std::vector<std::string> ids{"a", "b_c"};
  const auto region = find_fill_group("fill.region.Øst", ids);
  ASSERT_TRUE(region);
  EXPECT_EQ(region->pointer, "/fill/scale/region/Øst");
  ASSERT_TRUE(find_fill_group("fill.specialty.b_c", ids));
  EXPECT_EQ(find_fill_group("fill.specialty.b_c", ids)->pointer, "/fill/scale/specialty/b_c");
  EXPECT_EQ(find_fill_group("fill.kind.reposting", ids)->pointer, "/fill/repost_multiplier");
  EXPECT_FALSE(find_fill_group("fill.specialty.z", ids));
  EXPECT_EQ(fill_group_names(ids), (std::vector<std::string>{"fill.overall",
                                                             "fill.specialty.a",
                                                             "fill.specialty.b_c",
                                                             "fill.region.Nord",
                                                             "fill.region.Syd",
                                                             "fill.region.Øst",
                                                             "fill.kind.ordinary",
                                                             "fill.kind.reposting",
                                                             "fill.kind.carried_over",
                                                             "fill.kind.flex",
                                                             "fill.kind.extraordinary",
                                                             "applicants.level.a",
                                                             "applicants.level.b_c",
                                                             "applicants.level",
                                                             "applicants.mobility",
                                                             "applicants.extraordinary_new_share",
                                                             "applicants.attractiveness.ordinary",
                                                             "applicants.attractiveness.carried_over",
                                                             "applicants.attractiveness.flex",
                                                             "applicants.attractiveness.extraordinary",
                                                             "applicants.attractiveness.reposting"}));
  EXPECT_EQ(find_fill_group("applicants.level.b_c", ids)->pointer, "/applicants/level/b_c");
  EXPECT_EQ(find_fill_group("applicants.attractiveness.reposting", ids)->pointer,
            "/applicants/attractiveness/reposting");
}

TEST(ParameterRegistry, MarkdownHasOneRowPerEntry) {
  const std::string md = registry_markdown();
  std::size_t rows = 0;
  for (char c : md) rows += c == '\n';
  EXPECT_EQ(rows, parameter_registry().size() + 2);
  EXPECT_NE(md.find("| `/specialties/{index}/delay/shape` | number | shape | 0.1 to 100 |"),
            std::string::npos);
}

}  // namespace
}  // namespace forlob
