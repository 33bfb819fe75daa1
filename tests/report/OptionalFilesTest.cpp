// The readers of files other commands write: headlines.csv, sweep.csv, sensitivity.csv and
// evaluation_forecast.csv.
#include <gtest/gtest.h>

#include <cmath>

#include "report/ForecastCsv.hpp"
#include "report/HeadlinesCsv.hpp"
#include "report/SensitivityCsv.hpp"
#include "report/SweepCsv.hpp"
#include "support/InputErrorOf.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

using testing::input_error_of;

TEST(HeadlinesCsv, ReadsLabelsYearsAndAllQuantiles) {
  const auto rows = read_headlines_csv(TidyCsv::parse(
      "scenario,headline,label,first_year,last_year,mean,sd,mc_se,p05,p25,p50,p75,p95,note\n"
      "b - a,completed_x_2026_2036,\"completed X, all 2026–36\",2026,2036,41.3,20,0.3,5,25,41,58,76,new\n",
      "headlines.csv"));
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].scenario, "b - a");
  EXPECT_EQ(rows[0].label, "completed X, all 2026–36");
  EXPECT_EQ(rows[0].last_year, 2036);
  EXPECT_EQ(rows[0].mean, 41.3);
  EXPECT_EQ(rows[0].mc_se, 0.3);
  EXPECT_EQ(rows[0].q.p25, 25);
  EXPECT_EQ(rows[0].q.p75, 58);
  EXPECT_TRUE(rows[0].q.has_quartiles());
}

TEST(HeadlinesCsv, RejectsYearsInTheWrongOrder) {
  EXPECT_EQ(input_error_of([] {
              read_headlines_csv(
                  TidyCsv::parse("scenario,headline,label,first_year,last_year,mean,p05,p25,p50,p75,p95\n"
                                 "a,h,l,2030,2026,1,1,1,1,1,1\n",
                                 "h.csv"));
            }),
            "h.csv: line 2, column 5 (last_year): expected a whole number from 2030 to 2200, got '2026'");
}

TEST(SweepCsv, ParameterColumnsAreThoseBetweenVariedAndOutput) {
  const Sweep s =
      read_sweep_csv(TidyCsv::parse("point,varied,fill overall,leave,output,mean,sd,mc_se,p05,p50,p95\n"
                                    "0,base,1,10,diff,40,1,1,30,40,50\n"
                                    "1,leave,1,12,diff,42,1,1,32,42,52\n"
                                    "1,leave,1,12,other,7,1,1,6,7,8\n",
                                    "sweep.csv"));
  EXPECT_EQ(s.parameters, (std::vector<std::string>{"fill overall", "leave"}));
  ASSERT_EQ(s.rows.size(), 3U);
  EXPECT_EQ(s.rows[1].values, (std::vector<double>{1, 12}));
  EXPECT_EQ(s.rows[1].varied, "leave");
  EXPECT_EQ(s.outputs(), (std::vector<std::string>{"diff", "other"}));
}

TEST(SweepCsv, VariedMustNameAParameterColumn) {
  EXPECT_EQ(input_error_of([] {
              read_sweep_csv(
                  TidyCsv::parse("point,varied,a,output,mean,p05,p50,p95\n0,b,1,o,1,1,1,1\n", "sweep.csv"));
            }),
            "sweep.csv: line 2, column 2 (varied): expected 'base', 'grid' or the label of a parameter "
            "column, got 'b'");
  EXPECT_NE(input_error_of(
                [] { read_sweep_csv(TidyCsv::parse("point,varied,output,mean,p05,p50,p95\n", "s.csv")); }),
            "");
}

TEST(SensitivityCsv, ReadsEstimatesAndIntervalsByMethodOutputParameterAndIndex) {
  const Sensitivity s =
      read_sensitivity_csv(TidyCsv::parse("method,output,parameter,index,estimate,ci_low,ci_high\n"
                                          "sobol,d,x1,S1,0.31,0.28,0.35\n"
                                          "sobol,d,x1,ST,0.56,,\n"
                                          "morris,d,x1,mu_star,3,2,4\n",
                                          "sensitivity.csv"));
  EXPECT_TRUE(s.has("sobol"));
  EXPECT_TRUE(s.has("morris"));
  EXPECT_EQ(s.find("sobol", "d", "x1", "S1")->ci_high, 0.35);
  EXPECT_TRUE(std::isnan(s.find("sobol", "d", "x1", "ST")->ci_low));
  EXPECT_EQ(s.find("sobol", "d", "x1", "mu_star"), nullptr);
  EXPECT_EQ(s.parameters("sobol", "d"), std::vector<std::string>{"x1"});
}

TEST(SensitivityCsv, UnknownMethodsAndIndicesAreErrors) {
  const std::string header = "method,output,parameter,index,estimate,ci_low,ci_high\n";
  EXPECT_EQ(
      input_error_of([&] { read_sensitivity_csv(TidyCsv::parse(header + "fast,d,x,S1,1,0,1\n", "s.csv")); }),
      "s.csv: line 2, column 1 (method): expected morris or sobol, got 'fast'");
  EXPECT_EQ(
      input_error_of([&] { read_sensitivity_csv(TidyCsv::parse(header + "sobol,d,x,S2,1,0,1\n", "s.csv")); }),
      "s.csv: line 2, column 4 (index): expected S1 or ST for sobol, got 'S2'");
}

TEST(ForecastCsv, ReadsEveryColumnByName) {
  const auto rows =
      read_forecast_csv(TidyCsv::parse("measure,region,specialty,year,course_kind,mean,p05,p25,p50,p75,p95\n"
                                       "filled,Nord,geriatri,2027,extraordinary,1.5,0,1,1,2,3\n",
                                       "evaluation_forecast.csv"));
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].measure, "filled");
  EXPECT_EQ(rows[0].region, "Nord");
  EXPECT_EQ(rows[0].year, 2027);
  EXPECT_EQ(rows[0].q.p75, 2);
}

}  // namespace
}  // namespace forlob
