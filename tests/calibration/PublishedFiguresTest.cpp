#include "calibration/PublishedFigures.hpp"

#include <gtest/gtest.h>

#include "core/Errors.hpp"
#include "support/InputErrorOf.hpp"

namespace forlob {
namespace {

using testing::input_error_of;

TEST(PublishedFigures, ApplicantCountsHaveOneRowPerRoundRegionAndSpecialtyInATrainingRegion) {
  const std::string header = "year,round,region,specialty,applications,posts,source\n";
  const std::vector<ApplicantCount> rows =
      parse_applicant_counts(header + "2021,spring,Nord,anaestesiologi,18,9,published: t\n", "counts.csv");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].applications, 18);
  EXPECT_EQ(rows[0].posts, 9);
  EXPECT_EQ(
      input_error_of([&] {
        parse_applicant_counts(header +
                                   "2021,spring,Nord,anaestesiologi,18,9,published: t\n"
                                   "2021,spring,Nord,anaestesiologi,17,9,published: t\n",
                               "counts.csv");
      }),
      "counts.csv: line 3, column 1 (year): expected one row per year, round, region and specialty; line 2 "
      "has the same");
  EXPECT_EQ(input_error_of([&] {
              parse_applicant_counts(header + "2021,spring,all,anaestesiologi,18,9,published: t\n",
                                     "counts.csv");
            }).rfind("counts.csv: line 2, column 3 (region): expected one of Nord, Syd, Øst", 0),
            0U);
}

TEST(PublishedFigures, NationalFlexCapMustBeTheSumOfTheRegions) {
  const std::string text =
      "year,region,cap,source\n2021,Nord,17,published: t\n2021,Syd,11,published: t\n2021,all,51,published: "
      "t\n"
      "2021,Øst,22,published: t\n";
  EXPECT_EQ(
      input_error_of([&] { parse_flex_caps(text, "caps.csv"); }),
      "caps.csv: line 4, column 3 (cap): expected the sum of Nord, Syd and Øst (lines 2-3, 5), 50, got 51");
}

TEST(PublishedFigures, PlanTotalIsOrdinaryPlusExtraordinary) {
  const std::string text =
      "year,region,measure,courses,source\n2026,all,ordinary,1240,derived: "
      "t\n2026,all,extraordinary,30,published: "
      "t\n2026,all,total,1280,published: t\n";
  EXPECT_EQ(
      input_error_of([&] { parse_plan_totals(text, "plan.csv"); }),
      "plan.csv: line 4, column 4 (courses): expected ordinary + extraordinary (lines 2-3), 1270, got 1280");
}

TEST(PublishedFigures, SpecialtyRangesMayNotOverlapAndHalfCoursesAreAllowed) {
  const std::string text =
      "first_year,last_year,specialty,region,courses,source\n2011,2012,geriatri,all,11.5,published: t\n"
      "2012,2017,geriatri,all,17,published: t\n";
  EXPECT_EQ(input_error_of([&] { parse_dimensioning_by_specialty(text, "d.csv"); }),
            "d.csv: line 3, column 1 (first_year): expected year ranges of one specialty and region not to "
            "overlap; "
            "line 2 covers 2011-2012");
  const auto rows = parse_dimensioning_by_specialty(
      "first_year,last_year,specialty,region,courses,source\n2011,2012,geriatri,all,11.5,published: t\n",
      "d.csv");
  EXPECT_DOUBLE_EQ(rows[0].courses, 11.5);
}

TEST(PublishedFigures, ExtraordinaryCoursesCannotExceedTheTotal) {
  EXPECT_EQ(input_error_of([] {
              parse_dimensioning_totals(
                  "year,main_courses,of_which_extraordinary,source\n2026,20,30,published: t\n", "t.csv");
            }),
            "t.csv: line 2, column 3 (of_which_extraordinary): expected at most main_courses (20), got '30'");
}

TEST(PublishedFigures, FillFiguresNameOneOrMoreSpecialties) {
  const auto rows = parse_fill_figures(
      "first_year,last_year,specialties,region,measure,value,source\n2016,2018,psykiatri+boerne_og_"
      "ungdomspsykiatri,"
      "all,filled_share_of_dimensioned,0.92,published: t\n",
      "f.csv");
  EXPECT_EQ(rows[0].specialties, (std::vector<std::string>{"psykiatri", "boerne_og_ungdomspsykiatri"}));
  EXPECT_EQ(input_error_of([] {
              parse_fill_figures(
                  "first_year,last_year,specialties,region,measure,value,source\n2016,2018,psykiatri+,"
                  "all,x,0.92,published: t\n",
                  "f.csv");
            }).substr(0, 52),
            "f.csv: line 2, column 3 (specialties): expected spec");
}

}  // namespace
}  // namespace forlob
