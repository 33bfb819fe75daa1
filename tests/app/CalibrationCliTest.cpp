// `forlob calibrate` and `forlob validate-history` as a user meets them: the committed fitted file
// is what calibrate makes of the shipped data, and every bad data file gives one line on stderr
// naming file, line and column, exit status 2, and leaves the fitted file untouched.
#include <gtest/gtest.h>

#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

#include <sys/wait.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace forlob {
namespace {

namespace fs = std::filesystem;

using Result = testing::ProgramResult;
using testing::read_file;

class CalibrationCli : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = testing::fresh_test_directory("forlob-calibration-cli-");
    fs::create_directories(work_ / "out");
    fs::copy(fs::path(FORLOB_SOURCE_DIR) / "calibration" / "data", work_ / "data");
  }
  void TearDown() override { fs::remove_all(work_); }

  // Runs forlob from the source directory, so the default --data and --out are the shipped ones.
  Result run(const std::vector<std::string>& args) { return testing::run_forlob(args, work_); }

  // Replaces line `line` (1-based) of a data file.
  void edit(const std::string& file, int line, const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(read_file(work_ / "data" / file));
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    lines.at(static_cast<std::size_t>(line - 1)) = text;
    std::ofstream out(work_ / "data" / file, std::ios::binary | std::ios::trunc);
    for (const std::string& l : lines) out << l << "\n";
  }

  // Calibrates the edited data onto an existing fitted file and checks that it failed cleanly.
  void expect_rejected(const std::string& expected_prefix) {
    const fs::path fitted = work_ / "out" / "fill.json";
    std::ofstream(fitted) << "previous content\n";
    const Result r = run({"calibrate", "--data", (work_ / "data").string(), "--out", fitted.string()});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_EQ(r.err.rfind("forlob: error: " + (work_ / "data").string() + "/" + expected_prefix, 0), 0U)
        << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "exactly one line: " << r.err;
    EXPECT_EQ(read_file(fitted), "previous content\n") << "the fitted file must stay untouched";
    EXPECT_EQ(std::distance(fs::directory_iterator(work_ / "out"), fs::directory_iterator{}), 1)
        << "no temporary file left behind";
    EXPECT_TRUE(r.out.empty()) << r.out;
  }

  fs::path work_;
};

TEST_F(CalibrationCli, CalibrateOnTheShippedDataReproducesTheCommittedFittedFile) {
  const fs::path out = work_ / "out" / "fill.json";
  const Result r = run({"calibrate", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(read_file(out) ==
              read_file(fs::path(FORLOB_SOURCE_DIR) / "calibration" / "fitted" / "fill.json"))
      << "calibration/fitted/fill.json is stale: run `forlob calibrate` from the source directory and commit "
         "it";
  EXPECT_TRUE(read_file(work_ / "out" / "applicants.json") ==
              read_file(fs::path(FORLOB_SOURCE_DIR) / "calibration" / "fitted" / "applicants.json"))
      << "calibration/fitted/applicants.json is stale: run `forlob calibrate` from the source directory and "
         "commit it";
  fs::create_directories(work_ / "again");
  const Result again = run({"calibrate", "--out", (work_ / "again" / "fill.json").string()});
  EXPECT_TRUE(read_file(out) == read_file(work_ / "again" / "fill.json")) << "not deterministic";
  EXPECT_TRUE(read_file(work_ / "out" / "applicants.json") == read_file(work_ / "again" / "applicants.json"))
      << "not deterministic";
}

TEST_F(CalibrationCli, CalibratePrintsTheEstimatesAndSaysDelayAndDropoutStayAssumptions) {
  const Result r = run({"calibrate", "--out", (work_ / "out" / "fill.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* text : {"almen_medicin/all/all", "almen_medicin/Nord/all", "90% interval", "kappa",
                           "pooled", "stay assumption-tier", "tau 8 (assumption",
                           "Applicant model (national series)", "boerne_og_ungdomspsykiatri"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
}

TEST_F(CalibrationCli, TraineeRecordsWhenPresentAreFittedAndChecked) {
  std::ofstream(work_ / "data" / "trainee_records.csv")
      << "specialty,region,start_year,nominal_months,months_in_course,outcome,trainees,source\n"
         "geriatri,Syd,2015,48,48,completed,30,assumption: synthetic\n"
         "geriatri,Syd,2015,48,60,completed,20,assumption: synthetic\n"
         "geriatri,Syd,2015,48,20,dropped_out,2,assumption: synthetic\n";
  const Result r =
      run({"calibrate", "--data", (work_ / "data").string(), "--out", (work_ / "f.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Delay and dropout from trainee records"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("geriatri"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("stay assumption-tier"), std::string::npos) << r.out;
  edit("trainee_records.csv", 3, "geriatri,Syd,2015,48,60,finished,20,assumption: synthetic");
  expect_rejected(
      "trainee_records.csv: line 3, column 6 (outcome): expected one of completed, dropped_out, in_course");
}

TEST_F(CalibrationCli, FilledAbovePostedIsRejected) {
  edit("posting_records.csv", 3, "2012,all,all,,almen_medicin,all,241,242,published: x");
  expect_rejected("posting_records.csv: line 3, column 8 (filled): expected a count at most posted (241)");
}

TEST_F(CalibrationCli, NegativeCountIsRejected) {
  edit("posting_records.csv", 4, "2013,all,all,,almen_medicin,all,-242,233,published: x");
  expect_rejected(
      "posting_records.csv: line 4, column 7 (posted): expected a non-negative integer, got '-242'");
}

TEST_F(CalibrationCli, UnknownRegionIsRejected) {
  edit("posting_records.csv", 11, "2017,all,Midt,,almen_medicin,all,30,13,published: x");
  expect_rejected("posting_records.csv: line 11, column 3 (region): expected one of Nord, Syd, Øst, all");
}

TEST_F(CalibrationCli, DuplicateRowIsRejected) {
  edit("posting_records.csv", 5, "2013,all,all,,almen_medicin,all,242,233,published: x");
  expect_rejected(
      "posting_records.csv: line 5, column 1 (year): expected one row per year, round, region, area, "
      "specialty and kind; line 4 has the same");
}

TEST_F(CalibrationCli, MissingColumnIsRejected) {
  edit("posting_records.csv", 1, "year,round,region,area,specialty,kind,posted,source");
  expect_rejected(
      "posting_records.csv: line 1: expected the columns year,round,region,area,specialty,kind,posted,"
      "filled,source; column 'filled' is missing");
}

TEST_F(CalibrationCli, BadNumberIsRejected) {
  edit("posting_records.csv", 6, "2015,all,all,,almen_medicin,all,234,199.5,published: x");
  expect_rejected(
      "posting_records.csv: line 6, column 8 (filled): expected a non-negative integer, got '199.5'");
}

TEST_F(CalibrationCli, MalformedCsvIsRejected) {
  edit("posting_records.csv", 7, "2016,all,all,,almen_medicin,all,262,205,\"published: unterminated");
  expect_rejected(
      "posting_records.csv: line 7, column 9: expected a closing quote before the end of the line");
}

TEST_F(CalibrationCli, InconsistentPublishedFigureIsRejected) {
  edit("flex_caps.csv", 5, "2021,all,51,\"published: seed 000, Table 1\"");
  expect_rejected("flex_caps.csv: line 5, column 3 (cap): expected the sum of Nord, Syd and Øst");
}

TEST_F(CalibrationCli, ValidateHistoryPrintsCoverageWidthAndErrorBesideTheNaiveForecast) {
  const fs::path csv = work_ / "out" / "forecasts.csv", summary = work_ / "out" / "summary.csv";
  const Result r = run({"validate-history", "--csv", csv.string(), "--summary-csv", summary.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* text : {"2017-2019 predicted from 2011-2016", "coverage 50%", "coverage 90%", "width 90%",
                           "MAE", "naive", "Rolling origin", "independent", "applicants", "log score"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text << "\n" << r.out;
  const std::string forecasts = read_file(csv);
  EXPECT_EQ(
      forecasts.rfind("design,method,year,posted,observed,first_fit_year,last_fit_year,forecast,low50,high50,"
                      "low90,high90\n",
                      0),
      0U);
  EXPECT_NE(forecasts.find("holdout,independent,2017,259,217,2011,2016,"), std::string::npos) << forecasts;
  EXPECT_NE(forecasts.find("rolling,naive,2019,306,260,2011,2018,"), std::string::npos) << forecasts;
  EXPECT_NE(forecasts.find("rolling,applicants,2019,306,260,2011,2018,"), std::string::npos) << forecasts;
  EXPECT_EQ(
      read_file(summary).rfind(
          "design,method,points,coverage50,coverage90,width50,width90,mae,log_score\nholdout,independent,3,",
          0),
      0U);
}

TEST_F(CalibrationCli, ValidateHistoryWithNothingToPredictIsAUsageError) {
  const Result r = run({"validate-history", "--fit-to", "2019"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("expected at least 2 years up to 2019 and 1 after it"), std::string::npos) << r.err;
}

TEST_F(CalibrationCli, HelpListsTheCalibrationCommands) {
  const Result r = run({"--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("calibrate"), std::string::npos);
  EXPECT_NE(r.out.find("validate-history"), std::string::npos);
  const Result c = run({"calibrate", "--help"});
  for (const char* opt : {"--data", "--out", "--tau", "--recovery"})
    EXPECT_NE(c.out.find(opt), std::string::npos) << opt;
}

}  // namespace
}  // namespace forlob
