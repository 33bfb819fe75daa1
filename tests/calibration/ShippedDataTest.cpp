// The shipped data files and the shipped scenario use the same published figures: where
// scenarios/base.json (or extraordinary_trial.json) takes a figure that calibration/data/ holds,
// the two must agree, so that neither can drift from the other.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>

#include "calibration/PostingRecords.hpp"
#include "calibration/PublishedFigures.hpp"

namespace forlob {
namespace {

const std::string kSource = FORLOB_SOURCE_DIR;

nlohmann::json scenario(const std::string& name) {
  std::ifstream in(kSource + "/scenarios/" + name);
  return nlohmann::json::parse(in);
}

const PublishedFigures& published() {
  static const PublishedFigures p = read_published_figures(kSource + "/calibration/data", "calibration/data");
  return p;
}

// base.json's fixed courses of a specialty in a year: one region, or the sum over regions for "all".
std::optional<double> base_fixed(const nlohmann::json& base, const std::string& specialty,
                                 const std::string& region, int year) {
  const auto& fixed = base["dimensioning"]["fixed"];
  if (!fixed.contains(specialty)) return std::nullopt;
  for (const auto& entry : fixed[specialty])
    if (entry["from"].get<int>() <= year && year <= entry["to"].get<int>()) {
      if (region != "all") return entry[region].get<double>();
      return entry["Nord"].get<double>() + entry["Syd"].get<double>() + entry["Øst"].get<double>();
    }
  return std::nullopt;
}

TEST(ShippedData, EveryShippedFileReadsAndEveryRowHasASource) {
  EXPECT_EQ(published().files.size(), 7U);
  EXPECT_EQ(published().applicant_counts.size(), 27U) << "9 anaesthesia rounds x 3 regions";
  const PostingRecords r =
      read_posting_records(kSource + "/calibration/data/posting_records.csv", "posting_records.csv");
  EXPECT_EQ(r.records.size(), 14U);
}

TEST(ShippedData, FlexCapsAgreeWithBaseScenario) {
  const nlohmann::json caps = scenario("base.json")["flex"]["caps"];
  int regional = 0;
  for (const FlexCap& c : published().flex_caps) {
    if (c.region == "all") continue;
    ++regional;
    EXPECT_EQ(caps[std::to_string(c.year)][c.region].get<int>(), c.cap) << c.year << " " << c.region;
  }
  EXPECT_EQ(regional, 15) << "2021-2025, three regions";
  EXPECT_EQ(caps.size(), 5U) << "base.json has no caps the data do not hold";
}

TEST(ShippedData, CourseLengthsAgreeWithBaseScenario) {
  const nlohmann::json base = scenario("base.json");
  ASSERT_EQ(published().course_lengths.size(), 4U);
  for (const CourseLength& c : published().course_lengths) {
    bool found = false;
    for (const auto& s : base["specialties"])
      if (s["id"] == c.specialty) {
        found = true;
        EXPECT_EQ(s["course_months"].get<int>(), c.main_course_months) << c.specialty;
      }
    EXPECT_TRUE(found) << c.specialty;
  }
}

TEST(ShippedData, DimensioningBySpecialtyAgreesWithBaseScenarioInEveryYearItSimulates) {
  // Psykiatri 28/17/34, børne- og ungdomspsykiatri Øst 11, geriatri 17, almen medicin 252, 259,
  // 350 from 2020 and 400 from 2026 (sums of base.json's regions).
  const nlohmann::json base = scenario("base.json");
  const int first = base["calendar"]["warmup_start_year"], last = base["calendar"]["end_year"];
  int checked = 0;
  for (const SpecialtyDimensioning& d : published().dimensioning_by_specialty)
    for (int year = std::max(first, d.first_year); year <= std::min(last, d.last_year); ++year) {
      const std::optional<double> b = base_fixed(base, d.specialty, d.region, year);
      ASSERT_TRUE(b.has_value()) << d.specialty << " " << d.region << " " << year;
      EXPECT_DOUBLE_EQ(*b, d.courses)
          << d.specialty << " " << d.region << " " << year << " (data line " << d.line << ")";
      ++checked;
    }
  EXPECT_GE(checked, 40);
}

TEST(ShippedData, NationalTotalsAgreeWithBaseScenarioUpToHalfCourses) {
  // base.json rounds half courses (924.5 -> 925) and counts ordinary courses only (1,270 − 30).
  const nlohmann::json totals = scenario("base.json")["dimensioning"]["national_total"];
  int checked = 0;
  for (const DimensioningTotal& d : published().dimensioning_totals) {
    const std::string year = std::to_string(d.year);
    if (!totals.contains(year)) continue;
    EXPECT_LE(std::fabs(totals[year].get<double>() - (d.main_courses - d.of_which_extraordinary)), 0.5)
        << year;
    ++checked;
  }
  EXPECT_EQ(checked, 9) << "2018, 2020, 2022, 2023 and 2026-2030";
  for (const PlanTotal& p : published().plan_totals) {
    if (p.region == "all" && p.measure == "ordinary") {
      EXPECT_EQ(totals[std::to_string(p.year)].get<int>(), p.courses) << p.year;
    }
  }
}

TEST(ShippedData, ExtraordinaryCoursesPerRegionAgreeWithTheTrialScenario) {
  const nlohmann::json trial = scenario("extraordinary_trial.json")["extraordinary"];
  int checked = 0;
  for (const PlanTotal& p : published().plan_totals) {
    if (p.region == "all" || p.measure != "extraordinary") continue;
    EXPECT_GE(p.year, trial["years"]["first"].get<int>());
    EXPECT_LE(p.year, trial["years"]["last"].get<int>());
    EXPECT_EQ(trial["per_region"][p.region].get<int>(), p.courses) << p.year << " " << p.region;
    ++checked;
  }
  EXPECT_EQ(checked, 15);
}

}  // namespace
}  // namespace forlob
