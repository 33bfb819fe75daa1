// `forlob evaluate` as a user meets it: the posterior and power files written, their JSON valid
// against the schemas in output/schema (which reject a broken document), the same CSV bytes at 1
// and 2 threads, and bad input refused with one line, exit status 2 and nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;
using testing::ProgramResult;
using testing::read_file;

class EvaluateCli : public ::testing::Test {
 protected:
  void SetUp() override { work_ = testing::fresh_test_directory("forlob-evaluate-"); }
  void TearDown() override { fs::remove_all(work_); }

  ProgramResult evaluate(std::vector<std::string> args) {
    args.insert(args.begin(), {"evaluate", "scenarios/extraordinary_trial.json"});
    return testing::run_forlob(args, work_);
  }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(work_ / name, std::ios::binary) << text;
    return work_ / name;
  }
  ProgramResult validate(const std::string& schema, const fs::path& document) {
    return testing::run_program(
        {"/usr/bin/python3", std::string(FORLOB_SOURCE_DIR) + "/tests/forecast/validate_json_schema.py",
         std::string(FORLOB_SOURCE_DIR) + "/output/schema/" + schema, document.string()},
        FORLOB_SOURCE_DIR, work_);
  }
  static std::string example() {
    return std::string(FORLOB_SOURCE_DIR) + "/tests/forecast/data/observed_2026_example.csv";
  }
  // One line on stderr naming `what`, exit status 2, no output directory.
  void expect_refused(const ProgramResult& r, const std::string& what, const fs::path& out) {
    EXPECT_EQ(r.status, 2) << r.out << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out));
  }
  fs::path work_;
};

TEST_F(EvaluateCli, ObservedWritesThePosteriorValidAgainstItsSchemaAndTheSameCsvAtAnyThreadCount) {
  std::vector<std::string> csv;
  for (const char* threads : {"1", "2"}) {
    const fs::path out = work_ / (std::string("out") + threads);
    const ProgramResult r = evaluate(
        {"--observed", example(), "--replications", "120", "--threads", threads, "--out", out.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("extraordinary_new_share"), std::string::npos) << r.out;
    csv.push_back(read_file(out / "evaluation_posterior.csv"));
    const ProgramResult valid =
        validate("evaluation_posterior.schema.json", out / "evaluation_posterior.json");
    EXPECT_EQ(valid.status, 0) << valid.out << valid.err;
  }
  EXPECT_EQ(csv[0], csv[1]);
  EXPECT_EQ(csv[0].substr(0, csv[0].find('\n')),
            "quantity,mean,p05,p25,p50,p75,p95,prior_mean,prior_p05,prior_p50,prior_p95");
  for (const char* row : {"\nextraordinary_new_share,", "\nlevel/almen_medicin,", "\nlevel/geriatri,",
                          "\ncompleted_trial_specialties_2026_2036_difference,"})
    EXPECT_NE(csv[0].find(row), std::string::npos) << row;

  auto json = nlohmann::json::parse(read_file(work_ / "out1" / "evaluation_posterior.json"));
  EXPECT_EQ(json["observed"]["cells"].size(), 6U);
  json.erase("unknowns");
  std::ofstream(work_ / "broken.json") << json.dump();
  EXPECT_EQ(validate("evaluation_posterior.schema.json", work_ / "broken.json").status, 1);
}

TEST_F(EvaluateCli, PowerWritesOneRowPerDesignAndTrueShareValidAgainstItsSchema) {
  const fs::path out = work_ / "power";
  const ProgramResult r =
      evaluate({"--power", "--replications", "100", "--evaluations", "4", "--quiet", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string csv = read_file(out / "evaluation_power.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 11);
  for (const char* row : {"\ncounts,0,4,", "\ncounts,1,4,", "\ncounts_and_new,0.5,4,"})
    EXPECT_NE(csv.find(row), std::string::npos) << row << csv;
  const ProgramResult valid = validate("evaluation_power.schema.json", out / "evaluation_power.json");
  EXPECT_EQ(valid.status, 0) << valid.out << valid.err;
  auto json = nlohmann::json::parse(read_file(out / "evaluation_power.json"));
  json["rows"][0]["design"] = "rumours";
  std::ofstream(work_ / "broken.json") << json.dump();
  EXPECT_EQ(validate("evaluation_power.schema.json", work_ / "broken.json").status, 1);
}

TEST_F(EvaluateCli, BadInputIsOneLineWithExitStatusTwoAndNothingWritten) {
  const fs::path out = work_ / "out";
  const fs::path bad = write("bad.csv",
                             "year,round,region,specialty,kind,posted,filled,source\n"
                             "2026,spring,Nord,almen_medicin,extraordinary,2,3,\"published: x\"\n");
  expect_refused(evaluate({"--observed", bad.string(), "--out", out.string()}), "bad.csv: line 2", out);
  expect_refused(evaluate({"--out", out.string()}), "--observed FILE or --power", out);
  expect_refused(evaluate({"--power", "--observed", example(), "--out", out.string()}), "excludes", out);
  expect_refused(evaluate({"--power", "--through", "2031", "--out", out.string()}), "--through 2031", out);
  expect_refused(
      evaluate({"--observed", example(), "--set", "/fill/model=\"independent\"", "--out", out.string()}),
      "/fill/model", out);
  expect_refused(
      evaluate({"--observed", example(), "--counterfactual", "nowhere.json", "--out", out.string()}),
      "nowhere.json", out);
  const fs::path other = write("other.csv",
                               "year,round,region,specialty,kind,posted,filled,source\n"
                               "2026,spring,Nord,hospital_other,ordinary,20,20,\"published: x\"\n");
  expect_refused(evaluate({"--observed", other.string(), "--out", out.string()}), "trial specialty", out);
}

}  // namespace
}  // namespace forlob
