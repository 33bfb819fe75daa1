// Flags name the assumption-tier inputs that feed the mechanism behind a headline.
#include "output/AssumptionFlags.hpp"

#include <gtest/gtest.h>

#include "engine/Runner.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using Json = nlohmann::json;

// minimal_scenario() with every source published except specialty b's fill means.
class AssumptionFlagsTest : public forlob::testing::ScenarioFiles {
 protected:
  Json published_but_b() const {
    Json doc = forlob::testing::minimal_scenario();
    for (auto& [pointer, text] : doc["sources"].items()) text = "published: test";
    doc["sources"]["/fill/mean/b"] = "assumption: b's fill rates";
    return doc;
  }
  std::vector<AssumptionFlag> flags(const Json& doc) const {
    const Scenario s = load_scenario(write("s.json", doc));
    const YearlyLayout layout = yearly_layout(s);
    const std::vector<Headline> headlines{
        {"started_a", {layout.cell(1, 3, 0, Metric::Started)}, 2021, 2021},
        {"completed_b", {layout.cell(1, 3, 1, Metric::Completed)}, 2021, 2021},
        {"completed_all", {layout.cell(1, 3, 2, Metric::Completed)}, 2021, 2021}};
    return assumption_flags(s, layout, headlines, parameter_table(s));
  }
};

TEST_F(AssumptionFlagsTest, AHeadlineIsFlaggedOnlyWhenItsMechanismReadsAnAssumption) {
  const std::vector<AssumptionFlag> f = flags(published_but_b());
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].parameters, 0) << "a's starts read only a's (published) fill rates";
  EXPECT_EQ(f[1].parameters, 3);
  EXPECT_EQ(f[1].source_pointers, std::vector<std::string>{"/fill/mean/b"});
  EXPECT_EQ(f[2].parameters, 3) << "all specialties include b";
}

TEST_F(AssumptionFlagsTest, UnderTheFlexSchemeEveryFillRateFeedsEverySpecialty) {
  Json doc = published_but_b();
  doc["flex"] = forlob::testing::minimal_flex();
  doc["sources"]["/flex"] = "published: test";
  EXPECT_EQ(flags(doc)[0].parameters, 3) << "b's unfilled courses can be converted to a";
}

}  // namespace
}  // namespace forlob
