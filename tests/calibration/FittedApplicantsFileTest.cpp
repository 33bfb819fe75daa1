#include "calibration/FittedApplicantsFile.hpp"

#include <gtest/gtest.h>

#include "calibration/Support.hpp"
#include "core/Errors.hpp"

namespace forlob {
namespace {

using testing::posting_row;

ApplicantGridSettings quick_grid() {
  ApplicantGridSettings g;
  g.level_points = 100;
  g.sd_points = 8;
  g.year_nodes = 8;
  return g;
}

std::vector<FittedApplicantLevel> quick_fit() {
  const PostingRecords r =
      testing::records(posting_row(2016, "all", 54, 34, "psykiatri") +
                       posting_row(2018, "all", 54, 40, "psykiatri") + posting_row(2017, "Nord", 30, 13) +
                       posting_row(2017, "all", 259, 217) + posting_row(2018, "all", 286, 209));
  return fit_applicant_levels(r, quick_grid());
}

TEST(FittedApplicantsFile, EachSpecialtyWithANationalSeriesIsFittedFromItsNationalRowsOnly) {
  const std::vector<FittedApplicantLevel> fits = quick_fit();
  ASSERT_EQ(fits.size(), 2U);
  EXPECT_EQ(fits[0].specialty, "almen_medicin");
  EXPECT_EQ(fits[0].offered, 259 + 286) << "the Nord row is not part of the national series' fit";
  EXPECT_EQ(fits[0].years, (std::vector<int>{2017, 2018}));
  EXPECT_EQ(fits[1].specialty, "psykiatri");
  EXPECT_LT(fits[1].level_interval90[0], 37);
  EXPECT_GT(fits[1].level_interval90[1], 37);
  EXPECT_EQ(fits[1].source.rfind("calibrated: forlob calibrate", 0), 0U);
  EXPECT_NE(fits[1].source.find("records.csv lines 2-3"), std::string::npos) << fits[1].source;
}

TEST(FittedApplicantsFile, WrittenTextReadsBackToTheSameRoundedFigures) {
  const std::vector<FittedApplicantLevel> fits = quick_fit();
  const std::string text = fitted_applicants_text(fits, quick_grid(), {"records.csv"});
  EXPECT_EQ(text, fitted_applicants_text(fits, quick_grid(), {"records.csv"})) << "deterministic";
  const FittedApplicants back = parse_fitted_applicants(text, "applicants.json");
  ASSERT_EQ(back.specialties.size(), 2U);
  EXPECT_NEAR(back.specialties[1].level, fits[1].level, 0.05);
  EXPECT_EQ(back.specialties[0].filled, 217 + 209);
}

TEST(FittedApplicantsFile, ABadValueIsAnInputErrorNamingItsPointer) {
  std::string text = fitted_applicants_text(quick_fit(), quick_grid(), {"records.csv"});
  const std::string bad = text.replace(text.find("\"calibrated: "), 13, "\"assumption: ");
  try {
    parse_fitted_applicants(bad, "applicants.json");
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/specialties/0/source"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_fitted_applicants("{\"format\": \"other\"}", "applicants.json"), InputError);
}

}  // namespace
}  // namespace forlob
