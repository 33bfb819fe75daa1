// `forlob forecast` as a user meets it: both files written, the JSON valid against the schema in
// output/schema (and the schema strict enough to reject a broken document), the same bytes at 1
// and 2 threads, and every bad observed-figures file refused with one line, exit status 2 and
// nothing written.
#include <gtest/gtest.h>

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

class ForecastCli : public ::testing::Test {
 protected:
  void SetUp() override { work_ = testing::fresh_test_directory("forlob-forecast-"); }
  void TearDown() override { fs::remove_all(work_); }

  ProgramResult forecast(std::vector<std::string> args) {
    args.insert(args.begin(), {"forecast", "scenarios/extraordinary_trial.json"});
    return testing::run_forlob(args, work_);
  }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(work_ / name, std::ios::binary) << text;
    return work_ / name;
  }
  // Exit status of the schema check (0 valid, 1 invalid) and its message.
  ProgramResult validate(const fs::path& document) {
    return testing::run_program(
        {"/usr/bin/python3", std::string(FORLOB_SOURCE_DIR) + "/tests/forecast/validate_json_schema.py",
         std::string(FORLOB_SOURCE_DIR) + "/output/schema/evaluation_forecast.schema.json",
         document.string()},
        FORLOB_SOURCE_DIR, work_);
  }
  static std::string example() {
    return std::string(FORLOB_SOURCE_DIR) + "/tests/forecast/data/observed_2026_example.csv";
  }
  fs::path work_;
};

TEST_F(ForecastCli, WritesTheCsvAndJsonAndPrintsTheEvaluationYear) {
  const fs::path out = work_ / "out";
  const ProgramResult r = forecast({"--replications", "40", "--out", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string csv = read_file(out / "evaluation_forecast.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "region,specialty,year,course_kind,measure,mean,p05,p25,p50,p75,p95");
  for (const char* key :
       {"Nord,almen_medicin,2026,extraordinary,posted,", "all,trial_specialties,2029,ordinary,in_course,",
        "Øst,geriatri,2027,extraordinary,handed_over_in,"})
    EXPECT_NE(csv.find(key), std::string::npos) << key;
  EXPECT_EQ(csv.find(",2030,"), std::string::npos) << "the forecast stops at the evaluation year";
  const auto json = nlohmann::json::parse(read_file(out / "evaluation_forecast.json"));
  EXPECT_EQ(json["through_year"], 2029);
  EXPECT_EQ(json["scenario"]["name"], "extraordinary_trial");
  EXPECT_EQ(json["rows"].size() + 1, static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')));
  // The table: the evaluation year, every region and the sum of the trial specialties.
  for (const char* word :
       {"2029 evaluation", "Nord", "Syd", "Øst", "All", "Almen medicin", "Trial specialties"})
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
}

TEST_F(ForecastCli, TheJsonIsValidAgainstTheCommittedSchemaAndABrokenOneIsNot) {
  const fs::path out = work_ / "out";
  ASSERT_EQ(
      forecast({"--replications", "20", "--out", out.string(), "--quiet", "--observed", example()}).status,
      0);
  const ProgramResult good = validate(out / "evaluation_forecast.json");
  ASSERT_EQ(good.status, 0) << good.out << good.err;

  const auto json = nlohmann::json::parse(read_file(out / "evaluation_forecast.json"));
  ASSERT_FALSE(json["observed"].is_null());
  struct Breakage {
    const char* name;
    void (*apply)(nlohmann::json&);
    const char* says;
  };
  const std::vector<Breakage> breakages{
      {"missing field", [](nlohmann::json& j) { j["rows"][0].erase("p95"); }, "p95"},
      {"wrong type", [](nlohmann::json& j) { j["seed"] = "20260113"; }, "seed"},
      {"unknown measure", [](nlohmann::json& j) { j["rows"][3]["measure"] = "hired"; }, "measure"},
      {"ordinary-only measure on an extraordinary row",
       [](nlohmann::json& j) {
         j["rows"][0]["course_kind"] = "extraordinary";
         j["rows"][0]["measure"] = "planned";
       },
       "measure"},
      {"newer major version", [](nlohmann::json& j) { j["schema_version"] = "2.0.0"; }, "schema_version"},
      {"unknown field", [](nlohmann::json& j) { j["threads"] = 2; }, "threads"},
      {"negative observed count", [](nlohmann::json& j) { j["observed"]["cells"][0]["filled"] = -1; },
       "filled"},
  };
  for (const Breakage& b : breakages) {
    nlohmann::json broken = json;
    b.apply(broken);
    const fs::path file = write("broken.json", broken.dump(1));
    const ProgramResult bad = validate(file);
    EXPECT_EQ(bad.status, 1) << b.name << ": " << bad.out << bad.err;
    EXPECT_NE(bad.out.find(b.says), std::string::npos) << b.name << ": " << bad.out;
  }
}

TEST_F(ForecastCli, FilesAreByteIdenticalAtOneAndTwoThreads) {
  std::string csv[2], json[2];
  for (int t : {1, 2}) {
    const fs::path out = work_ / ("t" + std::to_string(t));
    const ProgramResult r = forecast({"--replications", "48", "--seed", "9", "--threads", std::to_string(t),
                                      "--out", out.string(), "--quiet", "--observed", example()});
    ASSERT_EQ(r.status, 0) << r.err;
    csv[t - 1] = read_file(out / "evaluation_forecast.csv");
    json[t - 1] = read_file(out / "evaluation_forecast.json");
  }
  ASSERT_GT(csv[0].size(), 10000U);
  EXPECT_TRUE(csv[0] == csv[1]);
  EXPECT_TRUE(json[0] == json[1]);
}

TEST_F(ForecastCli, TheEvaluationYearMustLieInTheRunAndTheScenarioMustHaveTheTrial) {
  const fs::path out = work_ / "out";
  for (const char* year : {"2025", "2037"}) {
    const ProgramResult r = forecast({"--through", year, "--replications", "5", "--out", out.string()});
    EXPECT_EQ(r.status, 2) << year;
    EXPECT_NE(r.err.find("--through"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
  }
  const ProgramResult flex = testing::run_forlob(
      {"forecast", "scenarios/flex_scheme.json", "--replications", "5", "--out", out.string()}, work_);
  EXPECT_EQ(flex.status, 2);
  EXPECT_NE(flex.err.find("/extraordinary"), std::string::npos) << flex.err;
  EXPECT_FALSE(fs::exists(out));
}

// A bad observed-figures file: its text after the header and what the message must name.
struct BadObserved {
  const char* name;
  std::string rows;
  std::vector<std::string> message_names;
};
void PrintTo(const BadObserved& b, std::ostream* os) { *os << b.name; }

class ForecastCliBadObserved : public ForecastCli, public ::testing::WithParamInterface<BadObserved> {};

TEST_P(ForecastCliBadObserved, GivesOneLineNamingFileLineAndColumnExitsTwoAndWritesNothing) {
  const BadObserved& bad = GetParam();
  const fs::path file =
      write("observed.csv", "year,round,region,specialty,kind,posted,filled,source\n" + bad.rows);
  const fs::path out = work_ / "out";
  const ProgramResult r =
      forecast({"--replications", "5", "--out", out.string(), "--observed", file.string()});
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_FALSE(fs::exists(out)) << "nothing may be written";
  EXPECT_TRUE(r.out.empty()) << r.out;
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
  EXPECT_EQ(r.err.rfind("forlob: error: " + file.string() + ": ", 0), 0U) << r.err;
  for (const std::string& name : bad.message_names)
    EXPECT_NE(r.err.find(name), std::string::npos) << name << " in: " << r.err;
  for (const auto& entry : fs::directory_iterator(work_))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos) << "staging left behind";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ForecastCliBadObserved,
    ::testing::Values(
        BadObserved{"filled_above_posted",
                    "2026,spring,Nord,geriatri,extraordinary,1,3,published: x\n",
                    {"line 2, column 7 (filled)", "at most the courses posted (1)"}},
        BadObserved{"negative",
                    "2026,autumn,Syd,psykiatri,ordinary,4,-2,published: x\n",
                    {"line 2, column 7 (filled)", "non-negative"}},
        BadObserved{"unknown_region",
                    "2026,spring,Midtjylland,geriatri,ordinary,1,1,published: x\n",
                    {"line 2, column 3 (region)", "Midtjylland"}},
        BadObserved{"unknown_specialty",
                    "2026,spring,Nord,kirurgi,ordinary,1,1,published: x\n",
                    {"line 2, column 4 (specialty)", "kirurgi"}},
        BadObserved{"unknown_kind",
                    "2026,spring,Nord,geriatri,flex,1,1,published: x\n",
                    {"line 2, column 5 (kind)", "extraordinary, ordinary"}},
        BadObserved{"unknown_round",
                    "2026,winter,Nord,geriatri,ordinary,1,1,published: x\n",
                    {"line 2, column 2 (round)", "spring, autumn"}},
        BadObserved{"duplicate",
                    "2026,spring,Nord,geriatri,ordinary,1,1,published: x\n"
                    "2026,spring,Nord,geriatri,ordinary,1,0,published: y\n",
                    {"line 3", "already on line 2"}},
        BadObserved{"after_the_evaluation_year",
                    "2030,spring,Nord,geriatri,ordinary,1,1,published: x\n",
                    {"line 2, column 1 (year)", "2029"}},
        BadObserved{"before_the_trial",
                    "2024,spring,Nord,geriatri,ordinary,1,1,published: x\n",
                    {"line 2, column 1 (year)", "2026-2030"}},
        BadObserved{"unclosed_quote",
                    "2026,spring,Nord,geriatri,ordinary,1,1,\"published: x\n",
                    {"line 2, column 8"}},
        BadObserved{"no_source", "2026,spring,Nord,geriatri,ordinary,1,1,\n", {"line 2, column 8 (source)"}}),
    [](const ::testing::TestParamInfo<BadObserved>& param) { return std::string(param.param.name); });

TEST_F(ForecastCli, AMissingObservedFileIsNamed) {
  const fs::path out = work_ / "out";
  const ProgramResult r =
      forecast({"--replications", "5", "--out", out.string(), "--observed", (work_ / "nope.csv").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("nope.csv"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace forlob
