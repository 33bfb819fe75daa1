#include "calibration/FillFit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "calibration/Support.hpp"

namespace forlob {
namespace {

using testing::posting_row;
using testing::records;

FitOptions small_grid() {
  FitOptions o;
  o.grid.mu_points = 300;
  o.grid.kappa_points = 40;
  return o;
}

const CellFit& cell(const FillFit& fit, const std::string& region) {
  for (const CellFit& c : fit.cells)
    if (c.region == region) return c;
  throw std::runtime_error("no cell " + region);
}

// A national series filling about 85%, with room for the regional rows within its counts.
std::string national() {
  std::string s;
  for (int y = 2011; y <= 2018; ++y) s += posting_row(y, "all", 1000, 840 + (y % 3) * 20);
  return s;
}

TEST(FillFit, RegionalMeanIsShrunkTowardTheNationalLevel) {
  const FillFit fit = fit_fill(records(national() + posting_row(2017, "Nord", 40, 20)), small_grid());
  const CellFit& nation = cell(fit, "all");
  const CellFit& nord = cell(fit, "Nord");
  EXPECT_TRUE(nord.pooled);
  EXPECT_FALSE(nation.pooled);
  EXPECT_GT(nord.mean, 0.5) << "pulled up from its raw rate 20/40";
  EXPECT_LT(nord.mean, nation.mean);
}

TEST(FillFit, ShrinkageWeakensWithMoreRegionalData) {
  // The same raw rate 0.5 from 40 and from 400 postings a year, over 2 and 6 years.
  const FillFit few = fit_fill(records(national() + posting_row(2017, "Nord", 40, 20)), small_grid());
  std::string many_rows = national();
  for (int y = 2013; y <= 2018; ++y) many_rows += posting_row(y, "Nord", 400, 200);
  const FillFit many = fit_fill(records(many_rows), small_grid());
  EXPECT_LT(std::fabs(cell(many, "Nord").mean - 0.5), std::fabs(cell(few, "Nord").mean - 0.5));
  EXPECT_LT(cell(many, "Nord").mean_high - cell(many, "Nord").mean_low,
            cell(few, "Nord").mean_high - cell(few, "Nord").mean_low);
}

TEST(FillFit, LargerTauShrinksHarder) {
  FitOptions loose = small_grid(), tight = small_grid();
  loose.default_tau = 2;
  tight.default_tau = 200;
  const PostingRecords r = records(national() + posting_row(2017, "Nord", 40, 20));
  const double national_mean = cell(fit_fill(r, loose), "all").mean;
  EXPECT_LT(std::fabs(cell(fit_fill(r, tight), "Nord").mean - national_mean),
            std::fabs(cell(fit_fill(r, loose), "Nord").mean - national_mean));
}

TEST(FillFit, DefaultTauIsAnAssumptionWhenFewerThanThreeRegionsHaveData) {
  const FillFit fit = fit_fill(records(national() + posting_row(2017, "Nord", 40, 20)), small_grid());
  ASSERT_EQ(fit.pooling.size(), 1U);
  EXPECT_FALSE(fit.pooling[0].estimated);
  EXPECT_DOUBLE_EQ(fit.pooling[0].tau, 8);
  EXPECT_NE(cell(fit, "Nord").prior.find("tau 8 (assumption:"), std::string::npos) << cell(fit, "Nord").prior;
}

TEST(FillFit, EmpiricalBayesTauIsSmallWhenRegionsDifferAndLargeWhenTheyAgree) {
  std::string differ = national(), agree = national();
  for (int y = 2013; y <= 2018; ++y) {
    differ +=
        posting_row(y, "Nord", 200, 100) + posting_row(y, "Syd", 200, 150) + posting_row(y, "Øst", 200, 192);
    agree +=
        posting_row(y, "Nord", 200, 168) + posting_row(y, "Syd", 200, 170) + posting_row(y, "Øst", 200, 169);
  }
  const FillFit d = fit_fill(records(differ), small_grid());
  const FillFit a = fit_fill(records(agree), small_grid());
  ASSERT_EQ(d.pooling.size(), 1U);
  EXPECT_TRUE(d.pooling[0].estimated);
  EXPECT_EQ(d.pooling[0].regional_cells, 3);
  // Regions at 0.50, 0.75, 0.96 around 0.85: the spread is about that of Beta(m tau, (1 - m) tau)
  // with tau near 3; regions within binomial noise of each other push tau to the top of the range.
  EXPECT_LT(d.pooling[0].tau, 20);
  EXPECT_GT(a.pooling[0].tau, 200);
  EXPECT_NE(cell(d, "Syd").prior.find("calibrated: empirical Bayes"), std::string::npos);
}

TEST(FillFit, PartsOfARegionCountAsItsObservationsAndSayItIsAnAssumption) {
  const FillFit fit =
      fit_fill(records(national() + posting_row(2017, "Nord", 30, 13, "almen_medicin", "Region Nordjylland") +
                       posting_row(2018, "Nord", 92, 48, "almen_medicin", "Region Midtjylland")),
               small_grid());
  const CellFit& nord = cell(fit, "Nord");
  EXPECT_EQ(nord.observations, 2);
  EXPECT_EQ(nord.posted, 122);
  EXPECT_EQ(nord.filled, 61);
  EXPECT_EQ(nord.years, (std::vector<int>{2017, 2018}));
  EXPECT_NE(nord.source.find("records.csv lines 10-11"), std::string::npos) << nord.source;
  EXPECT_NE(
      nord.source.find("Region Nordjylland 2017, Region Midtjylland 2018 are taken as representative of Nord "
                       "(assumption)"),
      std::string::npos)
      << nord.source;
  EXPECT_EQ(nord.source.rfind("calibrated: ", 0), 0U);
}

TEST(FillFit, RoundsOfOneYearShareThatYearsRate) {
  const std::vector<CellData> cells =
      group_cells(records(posting_row(2020, "Syd", 30, 20, "geriatri", "", "spring") +
                          posting_row(2020, "Syd", 25, 15, "geriatri", "", "autumn") +
                          posting_row(2021, "Syd", 28, 20, "geriatri", "", "spring")));
  ASSERT_EQ(cells.size(), 1U);
  ASSERT_EQ(cells[0].years.size(), 2U);
  EXPECT_EQ(cells[0].years[0].posted, 55);
  EXPECT_EQ(cells[0].years[0].filled, 35);
}

TEST(FillFit, MeanConcentrationMatchesThePosteriorVarianceOfTheMean) {
  const FillFit fit = fit_fill(records(national()), small_grid());
  const CellFit& c = cell(fit, "all");
  // Beta(m nu, (1 - m) nu) has variance m (1 - m) / (nu + 1); its 90% interval should then be
  // close to the posterior's (the posterior is near-Beta here).
  const double sd = std::sqrt(c.mean * (1 - c.mean) / (c.mean_concentration + 1));
  EXPECT_NEAR(c.mean_high - c.mean_low, 2 * 1.645 * sd, 0.15 * 2 * 1.645 * sd);
}

TEST(FillFit, CellsWithoutANationalRowAreFittedUnpooled) {
  const FillFit fit = fit_fill(records(posting_row(2020, "Øst", 50, 49, "psykiatri")), small_grid());
  ASSERT_EQ(fit.cells.size(), 1U);
  EXPECT_FALSE(fit.cells[0].pooled);
  EXPECT_TRUE(fit.pooling.empty());
  EXPECT_NE(fit.cells[0].prior.find("no national row"), std::string::npos);
}

}  // namespace
}  // namespace forlob

namespace forlob {
namespace {

TEST(FillFitKappa, RegionalCellsBorrowTheNationalYearConcentration) {
  // One regional year says nothing about year-to-year variation, so a region's κ posterior is the
  // national one; an unpooled cell of one year keeps its log-uniform prior, median near sqrt(1 * 10000).
  std::string rows;
  for (int y = 2011; y <= 2018; ++y) rows += testing::posting_row(y, "all", 1000, y % 2 ? 950 : 700);
  rows += testing::posting_row(2017, "Nord", 40, 20);
  FitOptions o;
  o.grid.mu_points = 300;
  o.grid.kappa_points = 40;
  const FillFit fit = fit_fill(testing::records(rows), o);
  const CellFit& nation = fit.cells[0];
  const CellFit& nord = fit.cells[1];
  EXPECT_NEAR(std::log(nord.year_concentration), std::log(nation.year_concentration), 0.2);
  EXPECT_LT(nord.year_concentration_high, 100) << "the nation's rates swing: 0.95, 0.70, ...";
  const FillFit alone = fit_fill(testing::records(testing::posting_row(2017, "Nord", 40, 20)), o);
  EXPECT_NEAR(std::log(alone.cells[0].year_concentration), std::log(100.0), 0.5);
}

}  // namespace
}  // namespace forlob
