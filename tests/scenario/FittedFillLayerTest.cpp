// /fill/fitted: a calibration file's cells become /fill/cells values under the scenario's own.
#include "scenario/FittedFillLayer.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "scenario/ParameterTable.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using forlob::testing::minimal_scenario;
using forlob::testing::thrown_input_error;
using Json = nlohmann::json;

// A fitted file with a regional cell for specialty a in Syd and a national cell for a.
Json fitted_file() {
  std::ifstream in(std::string(FORLOB_SOURCE_DIR) + "/calibration/fitted/fill.json");
  Json doc = Json::parse(in);
  Json regional = doc["cells"][1];
  regional["specialty"] = "a";
  regional["region"] = "Syd";
  regional["mean"] = 0.6;
  regional["mean_concentration"] = 77;
  regional["year_concentration"] = 30;
  Json national = doc["cells"][0];
  national["specialty"] = "a";
  national["year_concentration"] = 12.5;
  doc["cells"] = Json::array({national, regional});
  return doc;
}

class FittedFillLayerTest : public forlob::testing::ScenarioFiles {
 protected:
  Scenario load(Json scenario, const std::vector<std::string>& sets = {}) {
    write("fitted/fill.json", fitted_file());
    scenario["fill"]["fitted"] = "fitted/fill.json";
    return load_scenario(write("s.json", scenario), sets);
  }
};

TEST_F(FittedFillLayerTest, ARegionalFitSetsTheCellsMeanAndBothConcentrations) {
  const Scenario s = load(minimal_scenario());
  const int syd = index(Region::Syd);
  EXPECT_EQ(s.fill.mean[0][static_cast<std::size_t>(syd)], 0.6);
  EXPECT_EQ(s.fill.concentration_of(0, syd), 77);
  EXPECT_EQ(s.fill.year_concentration_of(0, syd), 30);
  EXPECT_EQ(s.sources.at("/fill/cells/a/Syd").rfind("calibrated: ", 0), 0u);
}

TEST_F(FittedFillLayerTest, ANationalFitGivesOtherRegionsItsYearConcentrationButNotItsMean) {
  const Scenario s = load(minimal_scenario());
  const int nord = index(Region::Nord);
  EXPECT_EQ(s.fill.mean[0][static_cast<std::size_t>(nord)], 0.5) << "the scenario's /fill/mean";
  EXPECT_EQ(s.fill.year_concentration_of(0, nord), 12.5);
  EXPECT_EQ(s.fill.concentration_of(0, nord), 0) << "the scenario's /fill/concentration";
  EXPECT_EQ(s.fill.year_concentration_of(1, nord), 0) << "specialty b has no fit";
}

TEST_F(FittedFillLayerTest, ValuesTheScenarioStatesWinAndSetWinsOverBoth) {
  Json doc = minimal_scenario();
  doc["fill"]["cells"]["a"]["Syd"]["mean"] = 0.3;
  doc["sources"]["/fill/cells/a/Syd/mean"] = "assumption: the scenario's own, not the fit's";
  const Scenario s = load(doc, {"/fill/cells/a/Syd/year_concentration=9"});
  EXPECT_EQ(s.fill.mean[0][static_cast<std::size_t>(index(Region::Syd))], 0.3);
  EXPECT_EQ(s.fill.concentration_of(0, index(Region::Syd)), 77) << "the fit still supplies what is unset";
  EXPECT_EQ(s.fill.year_concentration_of(0, index(Region::Syd)), 9);
}

TEST_F(FittedFillLayerTest, TheParameterTableShowsTheFittedValuesAsCalibrated) {
  const std::vector<Parameter> table = parameter_table(load(minimal_scenario()));
  int calibrated = 0;
  for (const Parameter& p : table) calibrated += p.tier == "calibrated" ? 1 : 0;
  EXPECT_EQ(calibrated, 3 + 2) << "Syd's mean and two concentrations; Nord's and Øst's year concentration";
}

TEST_F(FittedFillLayerTest, AFittedRateOfOfferedCoursesBecomesTheFirstPostingsProbability) {
  // The fitted 0.6 is filled / offered; with one re-posting at 0.7 times the first posting's p, a
  // course offered fills with p + (1 - p) 0.7 p, so p solves that = 0.6.
  Json doc = minimal_scenario();
  doc["unfilled"]["max_reposts"] = 1;
  doc["fill"]["repost_multiplier"] = 0.7;
  const Scenario s = load(doc);
  const double p = s.fill.mean[0][static_cast<std::size_t>(index(Region::Syd))];
  EXPECT_NEAR(p + (1 - p) * 0.7 * p, 0.6, 1e-4);
  // The fitted spread of the rate carried to p by the delta method: sd(p) = sd(r) / (dr/dp).
  const double slope = 1.7 - 1.4 * p, r = 0.6;
  const double expected = p * (1 - p) * (77 + 1) * slope * slope / (r * (1 - r)) - 1;
  EXPECT_NEAR(s.fill.concentration_of(0, index(Region::Syd)), expected, 0.01 * expected);
  EXPECT_NE(s.sources.at("/fill/cells/a/Syd").find("first posting's probability"), std::string::npos);
}

TEST_F(FittedFillLayerTest, ANationalFitAloneMovesEveryRegionsMeanKeepingTheScenariosPattern) {
  Json fitted = fitted_file();
  fitted["cells"] = Json::array({fitted["cells"][0]});  // only the national cell of a
  fitted["cells"][0]["mean"] = 0.3;
  fitted["cells"][0]["mean_interval90"] = Json::array({0.25, 0.35});
  write("fitted/fill.json", fitted);
  Json doc = minimal_scenario();  // a's means 0.5, 0.6, 0.7; no re-postings
  doc["fill"]["fitted"] = "fitted/fill.json";
  const Scenario s = load_scenario(write("s.json", doc));
  const auto& mean = s.fill.mean[0];
  EXPECT_NEAR(mean[static_cast<std::size_t>(index(Region::Nord))], 0.25, 1e-9);
  EXPECT_NEAR(mean[static_cast<std::size_t>(index(Region::Syd))], 0.30, 1e-9);
  EXPECT_NEAR(mean[static_cast<std::size_t>(index(Region::Ost))], 0.35, 1e-9);
  EXPECT_EQ(s.sources.at("/fill/cells/a/Nord").rfind("calibrated: the national a fill rate 0.3", 0), 0U);
}

TEST_F(FittedFillLayerTest, AFitForASpecialtyTheScenarioLacksIsAnError) {
  Json fitted = fitted_file();
  fitted["cells"][1]["specialty"] = "zz";
  write("fitted/fill.json", fitted);
  Json doc = minimal_scenario();
  doc["fill"]["fitted"] = "fitted/fill.json";
  const InputError e = thrown_input_error([&] { load_scenario(write("s.json", doc)); });
  EXPECT_EQ(e.file(), (dir_ / "fitted/fill.json").lexically_normal().string());
  EXPECT_EQ(e.place(), "/cells/1/specialty");
}

TEST_F(FittedFillLayerTest, AMissingFittedFileIsNamed) {
  Json doc = minimal_scenario();
  doc["fill"]["fitted"] = "nowhere/fill.json";
  const InputError e = thrown_input_error([&] { load_scenario(write("s.json", doc)); });
  EXPECT_EQ(e.file(), (dir_ / "nowhere/fill.json").lexically_normal().string());
}

}  // namespace
}  // namespace forlob
