// The forlob executable as a user meets it: subcommands, output files, determinism across thread
// counts, and every kind of bad input (one line on stderr, exit status 2, nothing written).
#include <gtest/gtest.h>

#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

#include <sys/wait.h>
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace forlob {
namespace {

namespace fs = std::filesystem;

using Result = testing::ProgramResult;
using testing::read_file;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override { work_ = testing::fresh_test_directory("forlob-cli-"); }
  void TearDown() override { fs::remove_all(work_); }
  Result run(const std::vector<std::string>& args) { return testing::run_forlob(args, work_); }
  fs::path write(const std::string& name, const std::string& text) {
    std::ofstream(work_ / name) << text;
    return work_ / name;
  }
  static std::string scenario(const std::string& name) {
    return std::string(FORLOB_SOURCE_DIR) + "/scenarios/" + name;
  }
  // compare's files are byte-identical at 1, 2 and 4 threads under /fill/model `model`.
  void compare_at_one_two_and_four_threads(const std::string& model);
  fs::path work_;
};

TEST_F(Cli, HelpListsTheSubcommands) {
  const Result r = run({"--help"});
  EXPECT_EQ(r.status, 0);
  for (const char* sub : {"run", "compare", "validate", "bench"})
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
  const Result c = run({"compare", "--help"});
  EXPECT_EQ(c.status, 0);
  for (const char* opt : {"--replications", "--seed", "--threads", "--out", "--force", "--quiet", "--set"})
    EXPECT_NE(c.out.find(opt), std::string::npos) << opt;
}

TEST_F(Cli, ValidateAcceptsTheShippedScenarios) {
  for (const char* s : {"flex_scheme.json", "extraordinary_trial.json", "base.json"}) {
    const Result r = run({"validate", scenario(s)});
    EXPECT_EQ(r.status, 0) << s << ": " << r.err;
  }
}

TEST_F(Cli, CompareWritesIdenticalFilesAtOneTwoAndFourThreadsUnderEitherFillModel) {
  for (const std::string model : {"independent", "applicants"}) compare_at_one_two_and_four_threads(model);
}

void Cli::compare_at_one_two_and_four_threads(const std::string& model) {
  SCOPED_TRACE(model);
  const std::array<std::string, 5> files{"yearly.csv", "difference.csv", "bands.csv", "headlines.csv",
                                         "anchors.csv"};
  std::array<std::array<std::string, 5>, 3> content;
  const std::array<int, 3> threads{1, 2, 4};
  // Under the sanitizers (CI's second pass) 48 replications: still three blocks of 16 to share out.
  const std::string replications = std::getenv("FORLOB_SANITIZED") ? "48" : "120";
  for (std::size_t i = 0; i < threads.size(); ++i) {
    const fs::path out = work_ / (model + std::to_string(threads[i]));
    const Result r =
        run({"compare", "scenarios/flex_scheme.json", "scenarios/extraordinary_trial.json", "--replications",
             replications, "--seed", "5", "--threads", std::to_string(threads[i]), "--out", out.string(),
             "--quiet", "--set", "/fill/model=\"" + model + "\""});
    ASSERT_EQ(r.status, 0) << r.err;
    for (std::size_t f = 0; f < files.size(); ++f) content[i][f] = read_file(out / files[f]);
    EXPECT_TRUE(fs::exists(out / "summary.json"));
  }
  for (std::size_t f = 0; f < files.size(); ++f) {
    ASSERT_GT(content[0][f].size(), 300U) << files[f];
    for (std::size_t i = 1; i < threads.size(); ++i)
      EXPECT_TRUE(content[0][f] == content[i][f]) << files[f] << " differs at " << threads[i] << " threads";
  }
}

// Every file but summary.json (which repeats the command line) under `dir`, by relative path.
std::map<std::string, std::string> output_files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() != "summary.json")
      files[fs::relative(e.path(), dir).string()] = read_file(e.path());
  return files;
}

// The later scenarios of a comparison are carried on from the first at the year they part
// (engine/Divergence); --no-fork runs them in full. Every file is the same byte for byte: both fill
// models (--fill-models), three scenarios that part in different ways, and a Sobol analysis whose
// points each fork.
TEST_F(Cli, AForkedComparisonWritesTheFilesOfUnforkedRuns) {
  const std::string reps = std::getenv("FORLOB_SANITIZED") ? "8" : "24";
  const std::vector<std::vector<std::string>> commands{
      {"compare", "scenarios/flex_scheme.json", "scenarios/extraordinary_trial.json", "--fill-models", "-n",
       reps},
      {"compare", "scenarios/neither.json", "scenarios/trial_with_flex.json", "scenarios/flex_scheme.json",
       "--set", "/fill/model=\"independent\"", "-n", reps},
      {"sensitivity", "scenarios/flex_scheme.json", "--compare", "scenarios/extraordinary_trial.json",
       "--method", "sobol", "--param", "fill.overall=0.8:1.2", "--param",
       "/applicants/leave_per_round=0.1:0.3", "--base-samples", "4", "-n", "4", "--output",
       "diff:completed_trial_specialties_2026_2036"},
  };
  for (std::size_t c = 0; c < commands.size(); ++c) {
    SCOPED_TRACE(commands[c][0] + " #" + std::to_string(c));
    std::map<std::string, std::string> files[2];
    for (const bool fork : {true, false}) {
      std::vector<std::string> args = commands[c];
      const fs::path out = work_ / ("fork" + std::to_string(c) + (fork ? "a" : "b"));
      args.insert(args.end(),
                  {"--seed", "3", "--threads", fork ? "2" : "1", "--quiet", "--out", out.string()});
      if (!fork) args.push_back("--no-fork");
      const Result r = run(args);
      ASSERT_EQ(r.status, 0) << r.err;
      files[fork] = output_files(out);
    }
    ASSERT_GE(files[0].size(), 3U);
    for (const auto& [name, content] : files[0]) {
      ASSERT_TRUE(files[1].contains(name)) << name;
      EXPECT_TRUE(files[1].at(name) == content) << name << " differs when forked";
    }
    EXPECT_EQ(files[0].size(), files[1].size());
  }
}

TEST_F(Cli, ParamsListsEveryParameterWithItsTierAndSource) {
  const Result table = run({"params", "scenarios/extraordinary_trial.json"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("/flex/caps/2021/Nord"), std::string::npos);
  EXPECT_NE(table.out.find("In use by tier:"), std::string::npos);
  const Result csv =
      run({"params", "scenarios/extraordinary_trial.json", "--csv", "--set", "/fill/scale/overall=0.9"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  std::istringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "pointer,value,tier,source,source_pointer,replaced_by");
  std::map<std::string, std::string> tier_of;
  while (std::getline(lines, line)) {
    const auto first = line.find(','), second = line.find(',', first + 1);
    tier_of[line.substr(0, first)] = line.substr(second + 1, line.find(',', second + 1) - second - 1);
  }
  EXPECT_EQ(tier_of.at("/flex/caps/2021/Nord"), "published");
  EXPECT_EQ(tier_of.at("/fill/concentration"), "assumption");
  EXPECT_EQ(tier_of.at("/fill/scale/overall"), "override");
}

TEST_F(Cli, BackcastWritesTheComparisonAndRefusesBadDataWithoutWriting) {
  const fs::path out = work_ / "backcast";
  const Result ok = run({"backcast", "scenarios/flex_scheme.json", "-n", "60", "--out", out.string()});
  ASSERT_EQ(ok.status, 0) << ok.err;
  EXPECT_NE(ok.out.find("flex courses converted (flex_out) within the cap"), std::string::npos);
  const std::string csv = read_file(out / "backcast.csv");
  EXPECT_EQ(
      csv.rfind("year,region,specialty,figure,simulated_mean,simulated_p05,simulated_p95,published,", 0), 0u);
  EXPECT_NE(csv.find("not public"), std::string::npos);

  const fs::path data = work_ / "data";
  fs::create_directories(data);
  std::ofstream(data / "flex_caps.csv") << "year,region,cap,source\n2021,Vest,17,\"published: x\"\n";
  std::ofstream(data / "posting_records.csv")
      << "year,round,region,area,specialty,kind,posted,filled,source\n";
  const fs::path bad_out = work_ / "bad";
  const Result bad = run({"backcast", "scenarios/flex_scheme.json", "-n", "10", "--data", data.string(),
                          "--out", bad_out.string()});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
  EXPECT_NE(bad.err.find("flex_caps.csv: line 2, column 2 (region)"), std::string::npos) << bad.err;
  EXPECT_FALSE(fs::exists(bad_out));
}

TEST_F(Cli, YearlyCsvIsTidyWithEveryMetricRegionAndTotals) {
  const fs::path out = work_ / "run";
  // 30 replications: means like 1/30 do not end in decimals, yet the identities must hold in the file.
  const Result r = run({"run", "scenarios/extraordinary_trial.json", "--replications", "30", "--out",
                        out.string(), "--quiet"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string csv = read_file(out / "yearly.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "scenario,year,region,specialty,metric,mean,sd,p05,p50,p95");
  for (const char* metric :
       {"posted", "filled", "unfilled", "reposted", "carried_over", "flex_out", "flex_in", "lapsed",
        "extraordinary_posted", "extraordinary_filled", "handed_over_out", "handed_over_in", "started",
        "in_training", "completed", "dropped_out"})
    EXPECT_NE(csv.find("," + std::string(metric) + ","), std::string::npos) << metric;
  for (const char* key : {",Nord,", ",Syd,", ",Øst,", ",all,all,"})
    EXPECT_NE(csv.find(key), std::string::npos) << key;
  // posted = filled + unfilled for the means of every (year, region, specialty) in the file, to
  // the rounding of three values written with four decimals.
  std::map<std::string, std::map<std::string, double>> cells;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, ',');) f.push_back(field);
    ASSERT_EQ(f.size(), 10U) << line;
    cells[f[1] + "," + f[2] + "," + f[3]][f[4]] = std::stod(f[5]);
  }
  ASSERT_GT(cells.size(), 500U);
  for (auto& [key, m] : cells)
    EXPECT_NEAR(m["posted"], m["filled"] + m["unfilled"], 1.5e-4 + 1e-9 * m["posted"]) << key;
  EXPECT_FALSE(fs::exists(out / "difference.csv")) << "only compare writes a difference";
  // summary.json says what was run and how much of it rests on assumptions.
  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  EXPECT_EQ(summary["replications"], 30);
  EXPECT_EQ(summary["scenarios"][0]["name"], "extraordinary_trial");
  EXPECT_GT(summary["scenarios"][0]["source_tiers"]["assumption"].get<int>(), 0);
  EXPECT_GT(summary["scenarios"][0]["source_tiers"]["published"].get<int>(), 0);
  EXPECT_FALSE(summary["scenarios"][0]["headlines"].empty());
  EXPECT_TRUE(fs::exists(out / "anchors.csv"));
  EXPECT_NE(read_file(out / "anchors.csv").find("Regionshospitalet Gødstrup"), std::string::npos);
}

TEST_F(Cli, AnExistingOutputDirectoryIsKeptUnlessForced) {
  const fs::path out = work_ / "exists";
  const std::vector<std::string> job{
      "run", "scenarios/flex_scheme.json", "--replications", "5", "--out", out.string(), "--quiet"};
  ASSERT_EQ(run(job).status, 0);
  std::ofstream(out / "keep.txt") << "keep";
  const Result refused = run(job);
  EXPECT_EQ(refused.status, 2);
  EXPECT_TRUE(fs::exists(out / "keep.txt"));
  EXPECT_NE(refused.err.find("--force"), std::string::npos);
  std::vector<std::string> forced_job = job;
  forced_job.push_back("--force");
  const Result forced = run(forced_job);
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_FALSE(fs::exists(out / "keep.txt"));
  EXPECT_TRUE(fs::exists(out / "yearly.csv"));
  for (const auto& entry : fs::directory_iterator(work_))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos) << "staging left behind";
}

// A bad input: the scenario text (empty: use the shipped trial), extra arguments, and what the
// one-line message must name.
struct BadCliInput {
  const char* name;
  const char* scenario_text;
  std::vector<std::string> args;
  std::vector<std::string> message_names;
};

void PrintTo(const BadCliInput& bad, std::ostream* os) { *os << bad.name; }

class CliBadInput : public Cli, public ::testing::WithParamInterface<BadCliInput> {};

TEST_P(CliBadInput, GivesOneLineNamingFileAndPlaceExitsTwoAndWritesNothing) {
  const BadCliInput& bad = GetParam();
  std::string file = scenario("extraordinary_trial.json");
  if (std::string(bad.scenario_text).size() > 0) {
    std::string text = bad.scenario_text;
    const std::string marker = "BASE";
    if (const auto at = text.find(marker); at != std::string::npos)
      text.replace(at, marker.size(), scenario("base.json"));
    file = write("bad.json", text).string();
  }
  if (std::string(bad.name) == "missing_file") file = (work_ / "no_such_file.json").string();
  const fs::path out = work_ / "out";
  std::vector<std::string> args{"run", file, "--replications", "5", "--out", out.string(), "--quiet"};
  args.insert(args.end(), bad.args.begin(), bad.args.end());
  const Result r = run(args);
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_FALSE(fs::exists(out)) << "nothing may be written";
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
  for (const std::string& name : bad.message_names)
    EXPECT_NE(r.err.find(name), std::string::npos) << name << " in: " << r.err;
  // validate says the same and exits 2 too.
  std::vector<std::string> vargs{"validate", file};
  for (std::size_t i = 0; i < bad.args.size(); ++i) vargs.push_back(bad.args[i]);
  EXPECT_EQ(run(vargs).status, 2);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CliBadInput,
    ::testing::Values(
        BadCliInput{"malformed_json", "{\"name\": \"x\", ", {}, {"bad.json", "line 1"}},
        BadCliInput{"unknown_key",
                    "{\"extends\": \"BASE\", \"name\": \"x\", \"colour\": 1}",
                    {},
                    {"bad.json", "/colour"}},
        BadCliInput{"unknown_specialty",
                    "{\"extends\": \"BASE\", \"name\": \"x\", \"fill\": {\"mean\": {\"kirurgi\": {\"Nord\": "
                    "0.5, \"Syd\": 0.5, \"Øst\": 0.5}}}}",
                    {},
                    {"bad.json", "/fill/mean/kirurgi"}},
        BadCliInput{
            "unknown_region",
            "{\"extends\": \"BASE\", \"name\": \"x\", \"flex\": {\"caps\": {\"2024\": {\"Midt\": 3}}}}",
            {},
            {"bad.json", "/flex/caps/2024/Midt"}},
        BadCliInput{
            "negative_count", "", {"--set", "/flex/caps/2024/Nord=-3"}, {"--set", "/flex/caps/2024/Nord"}},
        BadCliInput{"fractional_count",
                    "",
                    {"--set", "/dimensioning/national_total/2026=1240.5"},
                    {"/dimensioning/national_total/2026"}},
        BadCliInput{"probability_above_one",
                    "",
                    {"--set", "/fill/mean/psykiatri/Nord=1.2"},
                    {"/fill/mean/psykiatri/Nord"}},
        BadCliInput{"years_do_not_fit", "", {"--set", "/calendar/end_year=2040"}, {"/calendar/end_year"}},
        BadCliInput{"cap_outside_run",
                    "",
                    {"--set", "/flex/caps/2035={\"Nord\":1,\"Syd\":1,\"Øst\":1}"},
                    {"/flex/caps/2035"}},
        BadCliInput{"missing_file", "", {}, {"no_such_file.json"}},
        BadCliInput{"unreadable_set", "", {"--set", "flex/caps"}, {"--set", "flex/caps"}},
        BadCliInput{"unknown_key_by_set", "", {"--set", "/no_such_key=1"}, {"no_such_key"}}),
    [](const ::testing::TestParamInfo<BadCliInput>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace forlob
