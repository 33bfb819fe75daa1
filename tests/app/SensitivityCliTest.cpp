// `forlob sweep` and `forlob sensitivity` as a user meets them: bad parameter specifications give
// one line and exit status 2 with nothing written; small runs write well-formed tidy CSV.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;

using testing::ProgramResult;
using testing::read_file;

std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_file(p));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream ls(line);
    while (std::getline(ls, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

class SensitivityCli : public ::testing::Test {
 protected:
  void SetUp() override { work_ = testing::fresh_test_directory("forlob-sens-cli-"); }
  void TearDown() override { fs::remove_all(work_); }

  ProgramResult run(const std::vector<std::string>& args) { return testing::run_forlob(args, work_); }
  fs::path work_;
};

TEST_F(SensitivityCli, BadParameterSpecificationsExitTwoWithOneLineAndWriteNothing) {
  const std::vector<std::string> bad{
      "/fill/no_such_key=0:1",                        // unknown pointer
      "/fill/mean/kirurgi/Nord=0.4:0.7",              // unknown specialty in a pointer
      "fill.everything=0.8:1.2",                      // unknown group
      "fill.specialty.kirurgi=0.8:1.2",               // unknown specialty id
      "fill.region.Vest=0.8:1.2",                     // unknown region
      "fill.kind.genopslag=0.8:1.2",                  // unknown kind
      "fill.kind.flex=1.2:0.8",                       // bounds reversed
      "fill.kind.flex=low:high",                      // bounds not numbers
      "/name=0:1",                                    // target not a number
      "/fill/mean=0:1",                               // target an object
      "/fill/cells/almen_medicin/Nord/mean=0.4:1.5",  // a bound the scenario rejects
      "/fill/mean/almen_medicin/Nord=0.4:0.7"         // replaced by a calibrated cell
  };
  const fs::path out = work_ / "out";
  for (const std::string& param : bad) {
    for (const char* command : {"sweep", "sensitivity"}) {
      std::vector<std::string> args{
          command, "scenarios/flex_scheme.json", "--param", param, "--out", out.string(), "-n", "2"};
      if (std::string(command) == "sensitivity") args.insert(args.end(), {"--method", "sobol"});
      const ProgramResult r = run(args);
      EXPECT_EQ(r.status, 2) << command << " " << param << ": " << r.err;
      EXPECT_EQ(r.err.rfind("forlob: error: --param " + param + ": ", 0), 0u) << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
      EXPECT_TRUE(r.out.empty()) << r.out;
      for (const auto& entry : fs::directory_iterator(work_))
        EXPECT_EQ(entry.path().filename().string().rfind("out", 0), std::string::npos) << entry.path();
    }
  }
}

TEST_F(SensitivityCli, OneAtATimeSweepOfAPairWritesTidyCsvAndSummary) {
  const fs::path out = work_ / "sweep";
  const ProgramResult r =
      run({"sweep", "scenarios/flex_scheme.json", "--compare", "scenarios/extraordinary_trial.json",
           "--param", "applicants.attractiveness.flex=0.8:1.2", "--param", "/applicants/mobility=0.3:0.7",
           "--levels", "3", "-n", "4", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rows = read_csv(out / "sweep.csv");
  ASSERT_EQ(rows.size(), 1u + (1u + 2u * 3u) * 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"point", "varied", "applicants.attractiveness.flex",
                                               "/applicants/mobility", "output", "mean", "sd", "mc_se", "p05",
                                               "p50", "p95"}));
  for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(rows[1][1], "base");
  EXPECT_EQ(rows[1][2], "1");  // a factor: 1 is the scenario's value
  // A pointer: the scenario's value (base.json's mobility; the applicant model, shipped, reads
  // /applicants, not /fill/mean or /fill/cells).
  EXPECT_EQ(rows[1][3], "0.42");
  EXPECT_EQ(rows[1][4], "a:completed_trial_specialties_2026_2036");
  EXPECT_EQ(rows[3][4], "diff:completed_trial_specialties_2026_2036");
  EXPECT_EQ(rows[4][1], "applicants.attractiveness.flex");
  EXPECT_EQ(rows[4][2], "0.8");
  EXPECT_EQ(rows.back()[1], "/applicants/mobility");
  EXPECT_EQ(rows.back()[3], "0.7");
  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(summary["command"], "sweep");
  EXPECT_EQ(summary["parameters"][0]["pointer"], "/applicants/attractiveness/flex");
  EXPECT_EQ(summary["replications_per_point"], 4);
  EXPECT_NE(r.out.find("diff:completed_trial_specialties_2026_2036"), std::string::npos);
}

TEST_F(SensitivityCli, GridSweepIsTheSameAtOneAndTwoThreads) {
  std::string csv[2];
  for (int t = 1; t <= 2; ++t) {
    const fs::path out = work_ / ("grid" + std::to_string(t));
    const ProgramResult r = run({"sweep", "scenarios/flex_scheme.json", "--design", "grid", "--param",
                                 "applicants.attractiveness.reposting=0.8:1.2", "--param",
                                 "applicants.attractiveness.carried_over=0.8:1.2", "--levels", "2", "-n", "3",
                                 "-t", std::to_string(t), "-q", "--out", out.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    csv[t - 1] = read_file(out / "sweep.csv");
  }
  EXPECT_EQ(csv[0], csv[1]);
  const auto rows = read_csv(work_ / "grid1" / "sweep.csv");
  ASSERT_EQ(rows.size(), 1u + 4u);
  EXPECT_EQ(rows[1][1], "grid");
}

TEST_F(SensitivityCli, SobolRunWritesIndicesAndPoints) {
  const fs::path out = work_ / "sobol";
  const ProgramResult r = run({"sensitivity",
                               "scenarios/flex_scheme.json",
                               "--compare",
                               "scenarios/extraordinary_trial.json",
                               "--method",
                               "sobol",
                               "--param",
                               "applicants.attractiveness.flex=0.8:1.2",
                               "--param",
                               "applicants.attractiveness.reposting=0.8:1.2",
                               "--base-samples",
                               "8",
                               "-n",
                               "3",
                               "--bootstrap",
                               "50",
                               "--output",
                               "diff:completed_trial_specialties_2026_2036",
                               "--out",
                               out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rows = read_csv(out / "sensitivity.csv");
  ASSERT_EQ(rows.size(), 1u + 2u * 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"method", "output", "parameter", "index", "estimate", "ci_low",
                                               "ci_high"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"sobol", "diff:completed_trial_specialties_2026_2036",
                                               "applicants.attractiveness.flex", "S1", rows[1][4], rows[1][5],
                                               rows[1][6]}));
  EXPECT_EQ(rows[2][3], "ST");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 7u);
    EXPECT_FALSE(rows[i][4].empty());
    std::stod(rows[i][4]);
  }
  EXPECT_EQ(rows.back()[2], "applicants.attractiveness.reposting");
  EXPECT_EQ(rows.back()[3], "ST");
  const auto noise = read_csv(out / "sensitivity_noise.csv");
  ASSERT_EQ(noise.size(), 2u);
  EXPECT_EQ(noise[0], (std::vector<std::string>{"method", "output", "replications", "noise_variance",
                                                "total_variance", "noise_share"}));
  EXPECT_EQ(noise[1][1], "diff:completed_trial_specialties_2026_2036");
  EXPECT_EQ(noise[1][2], "3");
  EXPECT_GE(std::stod(noise[1][5]), 0.0);
  const auto points = read_csv(out / "sensitivity_points.csv");
  ASSERT_EQ(points.size(), 1u + 8u * 4u);
  EXPECT_EQ(points[0][1], "block");
  EXPECT_EQ(points[0][2], "role");
  EXPECT_EQ(points[1][2], "A");
  EXPECT_EQ(points[2][2], "B");
  EXPECT_EQ(points[3][2], "AB:applicants.attractiveness.flex");
  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(summary["design"]["method"], "sobol");
  EXPECT_EQ(summary["points"], 32);
  EXPECT_NE(r.out.find("Replication noise"), std::string::npos);
}

TEST_F(SensitivityCli, MorrisRunWritesEffects) {
  const fs::path out = work_ / "morris";
  const ProgramResult r = run({"sensitivity", "scenarios/flex_scheme.json", "--method", "morris", "--param",
                               "applicants.attractiveness.reposting=0.8:1.2", "--param",
                               "/applicants/mobility=0.3:0.6", "--trajectories", "3", "--levels", "4", "-n",
                               "2", "--bootstrap", "20", "-q", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rows = read_csv(out / "sensitivity.csv");
  ASSERT_EQ(rows.size(), 1u + 2u * 3u);
  EXPECT_EQ(rows[1][0], "morris");
  EXPECT_EQ(rows[1][3], "mu_star");
  EXPECT_EQ(rows[2][3], "mu");
  EXPECT_EQ(rows[3][3], "sigma");
  EXPECT_EQ(read_csv(out / "sensitivity_points.csv").size(), 1u + 3u * 3u);
}

TEST_F(SensitivityCli, OddMorrisLevelsAreRejected) {
  const ProgramResult r =
      run({"sensitivity", "scenarios/flex_scheme.json", "--method", "morris", "--param",
           "applicants.attractiveness.reposting=0.8:1.2", "--levels", "5", "--out", (work_ / "m").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("forlob: error: --levels: expected an even number", 0), 0u) << r.err;
  EXPECT_FALSE(fs::exists(work_ / "m"));
}

}  // namespace
}  // namespace forlob
