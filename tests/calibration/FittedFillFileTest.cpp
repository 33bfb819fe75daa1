#include "calibration/FittedFillFile.hpp"

#include <gtest/gtest.h>

#include "calibration/Support.hpp"
#include "core/Errors.hpp"
#include "support/InputErrorOf.hpp"

namespace forlob {
namespace {

using testing::posting_row;

FillFit small_fit() {
  FitOptions o;
  o.grid.mu_points = 100;
  o.grid.kappa_points = 20;
  std::string rows;
  for (int y = 2011; y <= 2016; ++y) rows += posting_row(y, "all", 200, 170 + y % 4);
  rows += posting_row(2017, "Nord", 30, 13, "almen_medicin", "Region Nordjylland");
  return fit_fill(testing::records(rows), o);
}

std::string fitted_file_error(const std::string& text) {
  return testing::input_error_of([&] { parse_fitted_fill(text, "fill.json"); });
}

TEST(FittedFillFile, ReadsBackWhatItWrote) {
  const FillFit fit = small_fit();
  const std::string text = fitted_fill_text(fit, {"records.csv"});
  const FittedFill back = parse_fitted_fill(text, "fill.json");
  ASSERT_EQ(back.cells.size(), fit.cells.size());
  EXPECT_EQ(back.data, std::vector<std::string>{"records.csv"});
  const FittedFillCell& nord = back.cells[1];
  EXPECT_EQ(nord.region, "Nord");
  EXPECT_TRUE(nord.pooled);
  EXPECT_EQ(nord.years, std::vector<int>{2017});
  EXPECT_NEAR(nord.mean, fit.cells[1].mean, 5e-5) << "rounded to 4 decimals";
  EXPECT_NEAR(nord.year_concentration, fit.cells[1].year_concentration,
              5e-4 * fit.cells[1].year_concentration);
  EXPECT_EQ(back.settings.at("tau").at("default"), 8.0);
}

TEST(FittedFillFile, TheSameFitGivesTheSameBytes) {
  EXPECT_EQ(fitted_fill_text(small_fit(), {"r.csv"}), fitted_fill_text(small_fit(), {"r.csv"}));
}

TEST(FittedFillFile, KeysComeInTheDocumentedOrder) {
  const std::string text = fitted_fill_text(small_fit(), {"r.csv"});
  std::size_t at = 0;
  for (const char* key : {"\"format\"",
                          "\"forlob_version\"",
                          "\"data\"",
                          "\"method\"",
                          "\"settings\"",
                          "\"cells\"",
                          "\"specialty\"",
                          "\"region\"",
                          "\"kind\"",
                          "\"observations\"",
                          "\"years\"",
                          "\"posted\"",
                          "\"filled\"",
                          "\"mean\"",
                          "\"mean_interval90\"",
                          "\"mean_concentration\"",
                          "\"year_concentration\"",
                          "\"year_concentration_interval90\"",
                          "\"pooled\"",
                          "\"prior\"",
                          "\"source\""}) {
    const std::size_t next = text.find(key, at);
    ASSERT_NE(next, std::string::npos) << key;
    at = next;
  }
}

TEST(FittedFillFile, ReaderNamesTheBadValueByJsonPointer) {
  std::string text = fitted_fill_text(small_fit(), {"r.csv"});
  nlohmann::json doc = nlohmann::json::parse(text);
  nlohmann::json bad = doc;
  bad["cells"][1]["mean"] = 1.5;
  EXPECT_EQ(fitted_file_error(bad.dump()),
            "fill.json: /cells/1/mean: expected a probability in [0, 1], got 1.5");
  bad = doc;
  bad["cells"][0]["region"] = "North";
  EXPECT_EQ(fitted_file_error(bad.dump()).substr(0, 40), "fill.json: /cells/0/region: expected one");
  bad = doc;
  bad["cells"][0]["filled"] = 100000;
  EXPECT_EQ(fitted_file_error(bad.dump()).substr(0, 43), "fill.json: /cells/0/filled: expected a coun");
  bad = doc;
  bad["format"] = "forlob-fitted-fill/2";
  EXPECT_EQ(fitted_file_error(bad.dump()),
            "fill.json: /format: expected \"forlob-fitted-fill/1\", got \"forlob-fitted-fill/2\"");
  bad = doc;
  bad["cells"][1] = bad["cells"][0];
  EXPECT_EQ(fitted_file_error(bad.dump()),
            "fill.json: /cells/1: expected one cell per specialty, region and kind; "
            "almen_medicin/all/all comes twice");
  bad = doc;
  bad["cells"][0]["mean_interval90"] = {0.9, 0.95};
  EXPECT_EQ(fitted_file_error(bad.dump()).substr(0, 68),
            "fill.json: /cells/0/mean_interval90: expected [low, high] with low <");
  bad = doc;
  bad["cells"][0]["source"] = "assumption: x";
  EXPECT_EQ(fitted_file_error(bad.dump()).substr(0, 68),
            "fill.json: /cells/0/source: expected a source starting with 'calibra");
  EXPECT_EQ(fitted_file_error("{\"format\": \n  oops}").substr(0, 46),
            "fill.json: line 2, column 3: malformed JSON: s");
  EXPECT_EQ(fitted_file_error(R"({"format": 1, "format": 2})"), "fill.json: /format: duplicate key 'format'");
}

}  // namespace
}  // namespace forlob
