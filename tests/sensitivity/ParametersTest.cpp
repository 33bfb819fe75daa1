// Parameter specifications: their syntax, the fill-rate groups and what they set in a scenario.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/Errors.hpp"
#include "sensitivity/FillGroups.hpp"
#include "sensitivity/ParameterSpec.hpp"
#include "sensitivity/ScenarioParameters.hpp"
#include "support/InputErrorOf.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

using testing::input_error_of;

using testing::kFlexScenario;

nlohmann::json small_document() {
  return nlohmann::json::parse(R"({"specialties": [{"id": "almen_medicin"}, {"id": "psykiatri"}]})");
}

TEST(ParameterSpecTest, ReadsNameAndBounds) {
  const ParameterSpec s = parse_parameter_arg("fill.overall=0.8:1.2");
  EXPECT_EQ(s.label, "fill.overall");
  EXPECT_EQ(s.lower, 0.8);
  EXPECT_EQ(s.upper, 1.2);
  EXPECT_EQ(s.origin, "--param fill.overall=0.8:1.2");
  const ParameterSpec p = parse_parameter_arg("/fill/mean/almen_medicin/Nord=0.4:+0.7");
  EXPECT_EQ(p.label, "/fill/mean/almen_medicin/Nord");
  EXPECT_EQ(p.upper, 0.7);
  EXPECT_EQ(parse_parameter_arg("/x=-2:-1e-3").lower, -2);
}

TEST(ParameterSpecTest, RejectsReversedOrEqualBoundsAndNonNumbers) {
  EXPECT_NE(input_error_of([] {
              parse_parameter_arg("fill.overall=1.2:0.8");
            }).find("expected LOW < HIGH, got 1.2 and 0.8"),
            std::string::npos);
  EXPECT_THROW(parse_parameter_arg("fill.overall=1:1"), InputError);
  EXPECT_THROW(parse_parameter_arg("fill.overall=a:1"), InputError);
  EXPECT_THROW(parse_parameter_arg("fill.overall=0.8"), InputError);
  EXPECT_THROW(parse_parameter_arg("fill.overall"), InputError);
  EXPECT_THROW(parse_parameter_arg("fill.overall=0:inf"), InputError);
  EXPECT_THROW(parse_parameter_arg("=0:1"), InputError);
}

TEST(ParameterSpecTest, ReadsAParameterFileAndRejectsDuplicates) {
  const auto file = std::filesystem::temp_directory_path() / "forlob-params-test.json";
  std::ofstream(file) << R"({"parameters": [{"name": "fill.kind.flex", "lower": 0.5, "upper": 1.5},
                                            {"name": "/fill/concentration", "lower": 50, "upper": 200}]})";
  const std::vector<ParameterSpec> specs = collect_parameters({"fill.overall=0.9:1.1"}, file.string());
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[1].label, "fill.kind.flex");
  EXPECT_EQ(specs[2].upper, 200);
  EXPECT_EQ(specs[2].origin, file.string() + ": /parameters/1");
  EXPECT_THROW(collect_parameters({"fill.kind.flex=0.9:1.1"}, file.string()), InputError);
  std::ofstream(file) << R"({"parameters": [{"name": "fill.overall", "lower": 2, "upper": 1}]})";
  EXPECT_NE(input_error_of([&] { read_parameter_file(file); }).find("/parameters/0: expected LOW < HIGH"),
            std::string::npos);
  std::filesystem::remove(file);
  EXPECT_THROW(collect_parameters({}, ""), InputError);
}

TEST(FillGroupsTest, GroupsMapToTheScaleAndMultiplierPointers) {
  const nlohmann::json doc = small_document();
  EXPECT_EQ(fill_group_target("fill.overall", doc, "x").pointer, "/fill/scale/overall");
  EXPECT_EQ(fill_group_target("fill.specialty.psykiatri", doc, "x").pointer,
            "/fill/scale/specialty/psykiatri");
  EXPECT_EQ(fill_group_target("fill.region.Nord", doc, "x").pointer, "/fill/scale/region/Nord");
  EXPECT_EQ(fill_group_target("fill.region.Syd", doc, "x").pointer, "/fill/scale/region/Syd");
  EXPECT_EQ(fill_group_target("fill.region.Øst", doc, "x").pointer, "/fill/scale/region/Øst");
  EXPECT_EQ(fill_group_target("fill.kind.ordinary", doc, "x").pointer, "/fill/kind_multiplier/ordinary");
  EXPECT_EQ(fill_group_target("fill.kind.reposting", doc, "x").pointer, "/fill/repost_multiplier");
  EXPECT_EQ(fill_group_target("fill.kind.carried_over", doc, "x").pointer,
            "/fill/kind_multiplier/carried_over");
  EXPECT_EQ(fill_group_target("fill.kind.flex", doc, "x").pointer, "/fill/kind_multiplier/flex");
  EXPECT_EQ(fill_group_target("fill.kind.extraordinary", doc, "x").pointer,
            "/fill/kind_multiplier/extraordinary");
  EXPECT_EQ(fill_group_target("fill.overall", doc, "x").default_value, 1.0);
  // fill.*: overall, 2 specialties, 3 regions, 5 kinds; applicants.*: 2 specialty levels, the overall
  // level, mobility, the new-applicant share, 5 kinds' attractiveness.
  EXPECT_EQ(fill_group_names(doc).size(), 1u + 2u + 3u + 5u + 2u + 1u + 1u + 1u + 5u);
}

TEST(FillGroupsTest, EachGroupActsOnlyUnderTheFillModelItMoves) {
  nlohmann::json doc = small_document();
  // Independent model: the applicant groups would change nothing.
  EXPECT_THROW(fill_group_target("applicants.mobility", doc, "x"), InputError);
  doc["fill"]["model"] = "applicants";
  EXPECT_EQ(fill_group_target("applicants.mobility", doc, "x").pointer, "/applicants/mobility");
  EXPECT_EQ(fill_group_target("applicants.level", doc, "x").pointer, "/applicants/level_scale");
  EXPECT_EQ(fill_group_target("applicants.extraordinary_new_share", doc, "x").pointer,
            "/applicants/extraordinary_new_share");
  EXPECT_EQ(fill_group_target("fill.overall", doc, "x").pointer, "/fill/scale/overall") << "scales arrivals";
  const std::string e =
      input_error_of([&] { fill_group_target("fill.kind.flex", doc, "--param fill.kind.flex"); });
  EXPECT_NE(e.find("no effect under the applicant model"), std::string::npos) << e;
  EXPECT_NE(e.find("applicants.attractiveness.flex"), std::string::npos) << e;
  EXPECT_THROW(fill_group_target("applicants.nonsense", doc, "x"), InputError);
}

TEST(FillGroupsTest, UnknownSpecialtyRegionKindOrGroupIsAnInputErrorNamingTheArgument) {
  const nlohmann::json doc = small_document();
  const std::string origin = "--param fill.specialty.kirurgi=0.8:1.2";
  const std::string e = input_error_of([&] { fill_group_target("fill.specialty.kirurgi", doc, origin); });
  EXPECT_EQ(e.rfind(origin + ": unknown specialty 'kirurgi'", 0), 0u) << e;
  EXPECT_NE(e.find("almen_medicin, psykiatri"), std::string::npos);
  EXPECT_THROW(fill_group_target("fill.region.Vest", doc, "x"), InputError);
  EXPECT_THROW(fill_group_target("fill.region.Ost", doc, "x"), InputError);  // the region is Øst
  EXPECT_THROW(fill_group_target("fill.kind.genopslag", doc, "x"), InputError);
  EXPECT_THROW(fill_group_target("fill.everything", doc, "x"), InputError);
  EXPECT_THROW(fill_group_target("fill.specialty", doc, "x"), InputError);
}

TEST(ScenarioParametersTest, AGroupScalesTheScenarioValueAndAPointerSetsIt) {
  // The kind multipliers act on the independent model only.
  const ScenarioParameters p(
      kFlexScenario, {"/fill/model=\"independent\""},
      {parse_parameter_arg("fill.kind.flex=0.5:1.5"), parse_parameter_arg("fill.kind.reposting=0.5:1.5"),
       parse_parameter_arg("/fill/mean/almen_medicin/Syd=0.4:0.7")});
  ASSERT_EQ(p.parameters().size(), 3u);
  EXPECT_TRUE(p.parameters()[0].factor);
  EXPECT_EQ(p.parameters()[0].base, 0.9);  // base.json: kind_multiplier flex
  EXPECT_EQ(p.parameters()[1].base, 0.7);  // base.json: repost_multiplier
  EXPECT_FALSE(p.parameters()[2].factor);
  EXPECT_EQ(p.parameters()[2].base_level(), 0.75);  // not calibrated: the file's value
  const std::vector<std::string> patches = p.patches(std::vector<double>{1.5, 1, 0.6});
  ASSERT_EQ(patches.size(), 4u) << "the scenario's own --set first";
  EXPECT_EQ(patches[0], "/fill/model=\"independent\"");
  EXPECT_EQ(patches[1], "/fill/kind_multiplier/flex=" + nlohmann::json(0.9 * 1.5).dump());
  EXPECT_EQ(patches[2], "/fill/repost_multiplier=0.7");
  EXPECT_EQ(patches[3], "/fill/mean/almen_medicin/Syd=0.6");
  const Scenario s = p.load(std::vector<double>{1.5, 0.5, 0.6});
  EXPECT_DOUBLE_EQ(s.fill.kind_multiplier[static_cast<std::size_t>(PostingKind::Flex)], 1.35);
  EXPECT_DOUBLE_EQ(s.fill.repost_multiplier, 0.35);
  EXPECT_DOUBLE_EQ(s.fill.mean[0][1], 0.6);
  // NaN leaves the scenario's value alone: no patch at all.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(p.patches(std::vector<double>{nan, nan, nan}).size(), 1u) << "only the scenario's own --set";
}

// The /fill/scale keys default to 1 when a scenario leaves them out: the group's factor is the value.
TEST(ScenarioParametersTest, FillScaleGroupsSetTheScenariosFillScale) {
  const ScenarioParameters p(
      kFlexScenario, {},
      {parse_parameter_arg("fill.overall=0.8:1.2"), parse_parameter_arg("fill.specialty.psykiatri=0.8:1.2"),
       parse_parameter_arg("fill.region.Øst=0.8:1.2")});
  for (const BoundParameter& b : p.parameters()) EXPECT_EQ(b.base, 1.0) << b.pointer;
  p.check_bounds();
  const Scenario s = p.load(std::vector<double>{0.9, 1.1, 1.2});
  EXPECT_DOUBLE_EQ(s.fill.scale_overall, 0.9);
  ASSERT_EQ(s.fill.scale_specialty.size(), s.specialties.size());
  EXPECT_EQ(s.specialties[1].id, "psykiatri");
  EXPECT_DOUBLE_EQ(s.fill.scale_specialty[1], 1.1);
  EXPECT_DOUBLE_EQ(s.fill.scale_specialty[0], 1.0);
  EXPECT_DOUBLE_EQ(s.fill.scale_region[static_cast<std::size_t>(index(Region::Ost))], 1.2);
  EXPECT_DOUBLE_EQ(s.fill.scale_region[static_cast<std::size_t>(index(Region::Nord))], 1.0);
  // The same keys by pointer: the value itself, 1 when the scenario leaves it out.
  const ScenarioParameters q(kFlexScenario, {}, {parse_parameter_arg("/fill/scale/region/Syd=0.5:1")});
  EXPECT_EQ(q.parameters()[0].base_level(), 1.0);
  EXPECT_DOUBLE_EQ(q.load(std::vector<double>{0.5}).fill.scale_region[1], 0.5);
  const ScenarioParameters bad(kFlexScenario, {}, {parse_parameter_arg("/fill/scale/region/Vest=0.5:1")});
  EXPECT_THROW(bad.check_bounds(), InputError);
}

TEST(ScenarioParametersTest, UnknownOrNonNumericPointersAreRejected) {
  const std::string unknown = input_error_of(
      [] { (void)ScenarioParameters(kFlexScenario, {}, {parse_parameter_arg("/fill/nope=0:1")}); });
  EXPECT_EQ(unknown.rfind("--param /fill/nope=0:1: expected a pointer to a number", 0), 0u) << unknown;
  EXPECT_NE(unknown.find("(/fill has: "), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("concentration"), std::string::npos) << unknown;
  // The independent model reads /fill/mean and /fill/cells; the applicant model (shipped) does not.
  const std::vector<std::string> independent{"/fill/model=\"independent\""};
  const std::string object = input_error_of(
      [&] { (void)ScenarioParameters(kFlexScenario, independent, {parse_parameter_arg("/fill/mean=0:1")}); });
  EXPECT_NE(object.find("/fill/mean is an object"), std::string::npos) << object;
  const std::string text =
      input_error_of([] { (void)ScenarioParameters(kFlexScenario, {}, {parse_parameter_arg("/name=0:1")}); });
  EXPECT_NE(text.find("/name is a string"), std::string::npos) << text;
  // almen medicin in Nord has a calibrated cell, which replaces /fill/mean there.
  const std::string shadowed = input_error_of([&] {
    (void)ScenarioParameters(kFlexScenario, independent,
                             {parse_parameter_arg("/fill/mean/almen_medicin/Nord=0:1")});
  });
  EXPECT_NE(shadowed.find("is replaced by /fill/cells/almen_medicin/Nord/mean"), std::string::npos)
      << shadowed;
  EXPECT_THROW((void)ScenarioParameters(kFlexScenario, independent,
                                        {parse_parameter_arg("/fill/mean/kirurgi/Nord=0:1")}),
               InputError);
  // Under the applicant model a fill rate or a kind multiplier is not read: the error names what is.
  const std::string unread = input_error_of([] {
    (void)ScenarioParameters(kFlexScenario, {}, {parse_parameter_arg("/fill/mean/psykiatri/Syd=0.4:0.6")});
  });
  EXPECT_NE(unread.find("does not read /fill/mean; set /applicants/level/psykiatri or "
                        "/applicants/home/psykiatri/<region>"),
            std::string::npos)
      << unread;
  EXPECT_NE(unread.find("--set /fill/model=\"independent\""), std::string::npos) << unread;
  EXPECT_THROW((void)ScenarioParameters(kFlexScenario, {}, {parse_parameter_arg("fill.kind.flex=0.5:1.5")}),
               InputError);
  EXPECT_NO_THROW((void)ScenarioParameters(kFlexScenario, {}, {parse_parameter_arg("fill.overall=0.8:1.2")}))
      << "/fill/scale is read by both models";
  EXPECT_THROW((void)ScenarioParameters(kFlexScenario, {}, {parse_parameter_arg("fill/concentration=0:1")}),
               InputError);
  // Two names for one value.
  EXPECT_THROW((void)ScenarioParameters(kFlexScenario, {},
                                        {parse_parameter_arg("fill.kind.flex=0.5:1"),
                                         parse_parameter_arg("/fill/kind_multiplier/flex=0.5:1")}),
               InputError);
}

TEST(ScenarioParametersTest, BoundsTheScenarioRejectsFailBeforeAnyRunNamingTheParameter) {
  const std::vector<std::string> independent{"/fill/model=\"independent\""};
  const ScenarioParameters p(kFlexScenario, independent,
                             {parse_parameter_arg("/fill/cells/almen_medicin/Nord/mean=0.4:1.3")});
  const std::string e = input_error_of([&] { p.check_bounds(); });
  EXPECT_EQ(e.rfind("--param /fill/cells/almen_medicin/Nord/mean=0.4:1.3: "
                    "/fill/cells/almen_medicin/Nord/mean: expected",
                    0),
            0u)
      << e;
  EXPECT_NE(e.find("at 1.3"), std::string::npos) << e;
  EXPECT_NO_THROW(
      ScenarioParameters(kFlexScenario, independent, {parse_parameter_arg("/fill/concentration=50:200")})
          .check_bounds());
}

}  // namespace
}  // namespace forlob
