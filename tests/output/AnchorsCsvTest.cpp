#include "output/AnchorsCsv.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

std::string write(const RunResult& result) {
  std::ostringstream out;
  write_anchors_csv(out, result);
  return out.str();
}

TEST(AnchorsCsv, AScenarioWithoutTheTrialGivesOnlyTheHeader) {
  const Scenario s = testing::tiny_scenario(1);
  RunResult result;
  result.scenarios.emplace_back();
  result.scenarios.back().scenario = &s;
  EXPECT_EQ(write(result), "scenario,year,anchor,anchor_type,region,specialty,metric,mean,sd,p05,p50,p95\n");
}

TEST(AnchorsCsv, WritesOneRowPerYearAnchorPairAndMetricWithQuotedNames) {
  Scenario s = testing::tiny_scenario(2);
  s.name = "trial";
  ExtraordinarySpec ex;
  ex.specialties = {0, 1};
  ex.anchors = {{"Aalborg Universitetshospital, Thisted", Region::Nord, true},
                {"Esbjerg Kommune (Syd)", Region::Syd, false}};
  s.extraordinary = ex;

  RunResult result;
  ScenarioResult& sr = result.scenarios.emplace_back();
  sr.scenario = &s;
  sr.anchor_layout.first_year = 2026;
  sr.anchor_layout.years = 1;
  sr.anchor_layout.pairs = {{0, 1}, {1, 0}};
  sr.anchors = CellDistribution(sr.anchor_layout.cells());
  std::vector<std::int32_t> values(sr.anchor_layout.cells());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::int32_t>(i);
  sr.anchors.add(values);

  EXPECT_EQ(
      write(result),
      "scenario,year,anchor,anchor_type,region,specialty,metric,mean,sd,p05,p50,p95\n"
      "trial,2026,\"Aalborg Universitetshospital, "
      "Thisted\",hospital,Nord,s1,posted,0.00000000,0.0000,0.0000,0.0000,0.0000\n"
      "trial,2026,\"Aalborg Universitetshospital, "
      "Thisted\",hospital,Nord,s1,filled,1.00000000,0.0000,1.0000,1.0000,1.0000\n"
      "trial,2026,\"Aalborg Universitetshospital, "
      "Thisted\",hospital,Nord,s1,in_course,2.00000000,0.0000,2.0000,2.0000,2.0000\n"
      "trial,2026,\"Aalborg Universitetshospital, "
      "Thisted\",hospital,Nord,s1,completed,3.00000000,0.0000,3.0000,3.0000,3.0000\n"
      "trial,2026,Esbjerg Kommune (Syd),municipality,Syd,s0,posted,4.00000000,0.0000,4.0000,4.0000,4.0000\n"
      "trial,2026,Esbjerg Kommune (Syd),municipality,Syd,s0,filled,5.00000000,0.0000,5.0000,5.0000,5.0000\n"
      "trial,2026,Esbjerg Kommune "
      "(Syd),municipality,Syd,s0,in_course,6.00000000,0.0000,6.0000,6.0000,6.0000\n"
      "trial,2026,Esbjerg Kommune "
      "(Syd),municipality,Syd,s0,completed,7.00000000,0.0000,7.0000,7.0000,7.0000\n");
}

}  // namespace
}  // namespace forlob
