// What-ifs through the real executable: --set that would change nothing, --set-a/--set-b, errors
// that name their scenario, comparisons of three scenarios, draws.csv and the record of what was run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;
using Result = testing::ProgramResult;
using Json = nlohmann::json;

class WhatIfCli : public ::testing::Test {
 protected:
  void SetUp() override { work_ = testing::fresh_test_directory("forlob-whatif-"); }
  void TearDown() override { fs::remove_all(work_); }
  Result run(const std::vector<std::string>& args) { return testing::run_forlob(args, work_); }
  static std::string scenario(const std::string& name) {
    return std::string(FORLOB_SOURCE_DIR) + "/scenarios/" + name;
  }
  Result compare(std::vector<std::string> extra, const std::string& out) {
    std::vector<std::string> args{"compare", scenario("flex_scheme.json"),
                                  scenario("extraordinary_trial.json")};
    for (const std::string& e : extra) args.push_back(e);
    for (const char* a : {"--replications", "30", "--quiet", "--out"}) args.emplace_back(a);
    args.push_back((work_ / out).string());
    return run(args);
  }
  Json summary(const std::string& out) const {
    return Json::parse(testing::read_file(work_ / out / "summary.json"));
  }
  fs::path work_;
};

void expect_one_line_error(const Result& r) {
  EXPECT_EQ(r.status, 2) << r.err;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
}

TEST_F(WhatIfCli, ASetOfAValueACalibratedCellReplacesIsAnErrorNamingTheCellAndTheScenario) {
  // Under the independent model, which reads fill rates (the applicant model does not: below).
  const Result r =
      compare({"--set", "/fill/model=\"independent\"", "--set", "/fill/mean/almen_medicin/Nord=0.45"}, "out");
  expect_one_line_error(r);
  EXPECT_NE(r.err.find("scenario A"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/fill/cells/almen_medicin/Nord/mean"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work_ / "out"));
}

TEST_F(WhatIfCli, ASetOfAFillRateUnderTheApplicantModelIsAnErrorNamingWhatToSetInstead) {
  for (const char* set : {"/fill/mean/psykiatri/Syd=0.45", "/fill/kind_multiplier/extraordinary=0.5",
                          "/fill/concentration=10"}) {
    const Result r = compare({"--set", set}, "out");
    expect_one_line_error(r);
    EXPECT_NE(r.err.find("the applicant model (/fill/model \"applicants\") does not read"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("--set /fill/model=\"independent\""), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(work_ / "out"));
  }
  const Result cell = compare({"--set", "/fill/mean/psykiatri/Syd=0.45"}, "out");
  EXPECT_NE(cell.err.find("set /applicants/level/psykiatri or /applicants/home/psykiatri/<region>"),
            std::string::npos)
      << cell.err;
  // Both accepted: the applicant-model pointer, and the fill rate with the independent model.
  EXPECT_EQ(compare({"--set", "/applicants/level/psykiatri=100"}, "applicants").status, 0);
  EXPECT_EQ(compare({"--set", "/fill/model=\"independent\"", "--set", "/fill/mean/geriatri/Syd=0.45"},
                    "independent")
                .status,
            0);
}

TEST_F(WhatIfCli, ASetThatFitsOnlyBNamesScenarioAAndSetBPatchesOnlyB) {
  const Result both = compare({"--set", "/extraordinary/per_region/Nord=40"}, "both");
  expect_one_line_error(both);
  EXPECT_NE(both.err.find("scenario A (" + scenario("flex_scheme.json") + ")"), std::string::npos)
      << both.err;
  EXPECT_FALSE(fs::exists(work_ / "both"));

  const Result b = compare({"--set-b", "/extraordinary/per_region/Nord=40"}, "b");
  ASSERT_EQ(b.status, 0) << b.err;
  const Json s = summary("b");
  EXPECT_EQ(s["scenarios"][0]["set"].size(), 0u);
  ASSERT_EQ(s["scenarios"][1]["set"].size(), 1u);
  EXPECT_EQ(s["scenarios"][1]["set"][0], "/extraordinary/per_region/Nord=40");
  EXPECT_TRUE(s["what_if"].get<bool>());
  const Json& change = s["scenarios"][1]["changes_from_shipped"][0];
  EXPECT_EQ(change["pointer"], "/extraordinary/per_region/Nord");
  EXPECT_EQ(change["from"], "10");
  EXPECT_EQ(change["to"], "40");
  EXPECT_NE(s["command_line"].get<std::string>().find("--set-b /extraordinary/per_region/Nord=40"),
            std::string::npos);
  // 40 courses a year in Nord instead of 10: 30 more extraordinary courses a year, 2026-2030.
  double filled = 0;
  for (const Json& h : s["difference"]["headlines"])
    if (h["name"] == "extraordinary_filled_2026_2030") filled = h["mean"].get<double>();
  const Result base = compare({}, "base");
  ASSERT_EQ(base.status, 0) << base.err;
  double base_filled = 0;
  const Json base_summary = summary("base");  // a range-for over a temporary's member dangles
  for (const Json& h : base_summary["difference"]["headlines"])
    if (h["name"] == "extraordinary_filled_2026_2030") base_filled = h["mean"].get<double>();
  EXPECT_GT(filled, base_filled + 60) << "150 more courses posted, most of them filled";
  EXPECT_FALSE(summary("base")["what_if"].get<bool>());
}

TEST_F(WhatIfCli, SetCWithoutAScenarioCIsAnError) {
  const Result r = compare({"--set-c", "/fill/concentration=50"}, "out");
  expect_one_line_error(r);
  EXPECT_NE(r.err.find("--set-c"), std::string::npos) << r.err;
}

TEST_F(WhatIfCli, ThreeScenariosGiveEachDifferenceFromTheFirstAndDrawsAgreeWithHeadlines) {
  const fs::path out = work_ / "three";
  const Result r = run({"compare", scenario("neither.json"), scenario("flex_scheme.json"),
                        scenario("extraordinary_trial.json"), "--replications", "25", "--draws", "--quiet",
                        "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const Json s = Json::parse(testing::read_file(out / "summary.json"));
  ASSERT_EQ(s["differences"].size(), 2u);
  EXPECT_EQ(s["differences"][0]["label"], "flex_scheme - neither");
  EXPECT_EQ(s["differences"][1]["label"], "extraordinary_trial - neither");
  EXPECT_FALSE(s.contains("difference")) << "B - A alone only for two scenarios";

  // draws.csv: every replication; its means equal the headline means of summary.json.
  std::istringstream draws(testing::read_file(out / "draws.csv"));
  std::string line;
  std::getline(draws, line);
  EXPECT_EQ(line, "scenario,replication,headline,value");
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> sums;
  while (std::getline(draws, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
    ASSERT_EQ(f.size(), 4u) << line;
    auto& [sum, n] = sums[{f[0], f[2]}];
    sum += std::stod(f[3]);
    ++n;
  }
  const auto check = [&](const std::string& label, const Json& headlines) {
    for (const Json& h : headlines) {
      const auto& [sum, n] = sums.at({label, h["name"].get<std::string>()});
      EXPECT_EQ(n, 25);
      EXPECT_NEAR(sum / n, h["mean"].get<double>(), 1e-9) << label << " " << h["name"];
    }
  };
  check("neither", s["scenarios"][0]["headlines"]);
  check("extraordinary_trial", s["scenarios"][2]["headlines"]);
  check("extraordinary_trial - neither", s["differences"][1]["headlines"]);
  EXPECT_NE(testing::read_file(out / "difference.csv").find("flex_scheme - neither"), std::string::npos);
}

TEST_F(WhatIfCli, DrawsAreTheSameAtAnyThreadCount) {
  std::string first;
  for (const char* threads : {"1", "3"}) {
    const std::string out = std::string("t") + threads;
    const Result r = compare({"--draws", "--threads", threads}, out);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string draws = testing::read_file(work_ / out / "draws.csv");
    if (first.empty()) first = draws;
    EXPECT_EQ(draws, first) << threads << " threads";
  }
}

TEST_F(WhatIfCli, LabelsNameEverySpecialtyAndSayWhatAllIs) {
  ASSERT_EQ(compare({}, "out").status, 0);
  const std::string labels = testing::read_file(work_ / "out" / "labels.csv");
  EXPECT_EQ(labels.rfind("column,value,label\n", 0), 0u);
  EXPECT_NE(labels.find("specialty,almen_medicin,Almen medicin\n"), std::string::npos) << labels;
  EXPECT_NE(labels.find("specialty,all,"), std::string::npos);
  EXPECT_NE(labels.find("region,all,"), std::string::npos);
}

}  // namespace
}  // namespace forlob
