// /applicants/fitted: a calibration file's applicant levels become /applicants/level values under
// the scenario's own.
#include "scenario/FittedApplicantsLayer.hpp"

#include <gtest/gtest.h>

#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using forlob::testing::minimal_scenario;
using forlob::testing::thrown_input_error;
using Json = nlohmann::json;

Json scenario_with_applicants() {
  Json doc = minimal_scenario();
  doc["applicants"] = Json::parse(R"({
    "fitted": "fitted/applicants.json",
    "level": {"b": 40},
    "home": {"a": {"Nord": 0.3, "Syd": 0.3, "Øst": 0.4}, "b": {"Nord": 0.3, "Syd": 0.3, "Øst": 0.4}},
    "mobility": 0.5, "leave_per_round": 0.2, "extraordinary_new_share": 0.5})");
  doc["sources"]["/applicants"] = "assumption: test";
  return doc;
}

Json fitted(const std::string& specialty, double level) {
  return Json::parse(
      R"({"format": "forlob-fitted-applicants/1", "forlob_version": "0", "data": ["records.csv"],
    "method": "test", "settings": {}, "specialties": [{"specialty": ")" +
      specialty + R"(", "observations": 2, "years": [2016, 2018], "offered": 108, "filled": 74,
    "level": )" +
      std::to_string(level) +
      R"(, "level_interval90": [27.1, 54.5], "level_log_sd": 0.2, "year_sd": 0.19,
    "year_sd_interval90": [0.02, 0.46], "source": "calibrated: forlob calibrate, test"}]})");
}

class FittedApplicantsLayerTest : public forlob::testing::ScenarioFiles {};

TEST_F(FittedApplicantsLayerTest, AFittedLevelFillsInTheSpecialtysLevelWithACalibratedSource) {
  write("fitted/applicants.json", fitted("a", 37.4));
  const Scenario s = load_scenario(write("s.json", scenario_with_applicants()));
  ASSERT_TRUE(s.applicants);
  EXPECT_DOUBLE_EQ(s.applicants->level[0], 37.4);
  EXPECT_DOUBLE_EQ(s.applicants->level[1], 40) << "b has no fit: the scenario's value";
  const std::string& source = s.sources.at("/applicants/level/a");
  EXPECT_EQ(source.rfind("calibrated: forlob calibrate", 0), 0U) << source;
  EXPECT_NE(source.find("2016, 2018"), std::string::npos) << source;
}

TEST_F(FittedApplicantsLayerTest, ALevelTheScenarioStatesWinsAndSetWinsOverBoth) {
  write("fitted/applicants.json", fitted("a", 37.4));
  Json doc = scenario_with_applicants();
  doc["applicants"]["level"]["a"] = 50;
  EXPECT_DOUBLE_EQ(load_scenario(write("s.json", doc)).applicants->level[0], 50);
  doc["applicants"]["level"].erase("a");
  EXPECT_DOUBLE_EQ(load_scenario(write("s.json", doc), {"/applicants/level/a=60"}).applicants->level[0], 60);
}

TEST_F(FittedApplicantsLayerTest, AFitForASpecialtyTheScenarioLacksOrABadValueIsNamed) {
  write("fitted/applicants.json", fitted("zz", 37.4));
  InputError e = thrown_input_error([&] { load_scenario(write("s.json", scenario_with_applicants())); });
  EXPECT_EQ(e.place(), "/specialties/0/specialty");
  write("fitted/applicants.json", fitted("a", -1));
  e = thrown_input_error([&] { load_scenario(write("s.json", scenario_with_applicants())); });
  EXPECT_EQ(e.file(), (dir_ / "fitted/applicants.json").lexically_normal().string());
  EXPECT_EQ(e.place(), "/specialties/0/level");
}

}  // namespace
}  // namespace forlob
