// The backcast sets the simulated flex years beside every published figure, and says where none is.
#include "calibration/Backcast.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "engine/Runner.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {
namespace {

class BackcastTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string root = FORLOB_SOURCE_DIR;
    scenario_ = new Scenario(load_scenario(root + "/scenarios/flex_scheme.json"));
    RunOptions options;
    options.replications = 200;
    result_ = new RunResult(run_scenarios({scenario_}, options));
    const PublishedFigures figures = read_published_figures(root + "/calibration/data", "calibration/data");
    const PostingRecords records =
        read_posting_records(root + "/calibration/data/posting_records.csv", "posting_records.csv");
    rows_ = new std::vector<BackcastRow>(backcast(result_->scenarios.front(), figures, records, 2016, 2025));
  }
  static void TearDownTestSuite() {
    delete rows_;
    delete result_;
    delete scenario_;
  }
  static std::vector<BackcastRow> with_figure(const std::string& prefix) {
    std::vector<BackcastRow> out;
    for (const BackcastRow& r : *rows_)
      if (r.figure.rfind(prefix, 0) == 0) out.push_back(r);
    return out;
  }
  static Scenario* scenario_;
  static RunResult* result_;
  static std::vector<BackcastRow>* rows_;
};
Scenario* BackcastTest::scenario_ = nullptr;
RunResult* BackcastTest::result_ = nullptr;
std::vector<BackcastRow>* BackcastTest::rows_ = nullptr;

TEST_F(BackcastTest, EveryPublishedFlexCapIsShownWithConversionsThatNeverExceedIt) {
  const std::vector<BackcastRow> flex = with_figure("flex courses converted");
  ASSERT_EQ(flex.size(), 5u * 4u) << "2021-2025, three regions and Danmark (Table 1)";
  for (const BackcastRow& r : flex) {
    ASSERT_TRUE(r.published.has_value());
    EXPECT_LE(r.p95, *r.published) << r.year << " " << r.region;
    EXPECT_GT(r.mean, 0) << r.year << " " << r.region;
  }
}

TEST_F(BackcastTest, PublishedDimensioningTotalsMeetTheSimulatedPlanAndOtherYearsSaySo) {
  const std::vector<BackcastRow> posted = with_figure("ordinary courses posted");
  ASSERT_EQ(posted.size(), 10u) << "one row a year, 2016-2025";
  EXPECT_EQ(std::count_if(posted.begin(), posted.end(),
                          [](const BackcastRow& r) { return r.published.has_value(); }),
            4)
      << "2018, 2020, 2022 and 2023 have published totals";
  for (const BackcastRow& r : posted) {
    if (r.published) {
      EXPECT_LE(std::fabs(r.mean - *r.published), 0.5) << r.year;  // 924.5 and 1,067.5 are rounded
    } else {
      EXPECT_NE(r.source.find("no public total"), std::string::npos) << r.year;
    }
  }
  const std::vector<BackcastRow> all = with_figure("all postings");
  ASSERT_FALSE(all.empty());
  for (const BackcastRow& r : all) {
    EXPECT_FALSE(r.published.has_value());
    EXPECT_EQ(r.source.rfind("not public", 0), 0u);
  }
}

TEST_F(BackcastTest, AlmenMedicinPostingRecordsOfTheWarmUpYearsAreCompared) {
  const std::vector<BackcastRow> filled = with_figure("courses filled");
  int compared = 0;
  for (const BackcastRow& r : filled)
    if (r.specialty == "almen_medicin") {
      ++compared;
      ASSERT_TRUE(r.published.has_value());
      EXPECT_GE(r.year, 2016);
      EXPECT_LE(r.year, 2019);
    }
  EXPECT_EQ(compared, 4) << "2016-2019 are in the simulated years; 2011-2015 are not";
}

}  // namespace
}  // namespace forlob
