// The executable under hostile use: every option error is one line with the prefix and exit
// status 2, inputs that are not regular files are refused at once, empty results are errors,
// --force replaces only what forlob wrote, and SIGINT/SIGTERM leave no staging directory behind.
#include <gtest/gtest.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;
using Result = testing::ProgramResult;

class HardenedCli : public ::testing::Test {
 protected:
  void SetUp() override { work_ = testing::fresh_test_directory("forlob-hard-"); }
  void TearDown() override { fs::remove_all(work_); }
  Result run(const std::vector<std::string>& args) { return testing::run_forlob(args, work_); }
  // Exit status 2 and exactly one line on stderr, starting "forlob: error: ".
  static void expect_one_line_error(const Result& r, const std::string& what) {
    EXPECT_EQ(r.status, 2) << what << ": " << r.err;
    EXPECT_EQ(r.err.rfind("forlob: error: ", 0), 0u) << what << ": " << r.err;
    ASSERT_FALSE(r.err.empty()) << what;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << what << ": " << r.err;
  }
  // No output directory, staging directory or other file left in the work directory.
  void expect_nothing_written(const std::string& what) {
    for (const auto& entry : fs::directory_iterator(work_)) {
      const std::string name = entry.path().filename().string();
      EXPECT_TRUE(name == "stdout.txt" || name == "stderr.txt" || name == "in") << what << ": " << name;
    }
  }
  std::string out(const std::string& name) const { return (work_ / name).string(); }
  fs::path work_;
};

TEST_F(HardenedCli, EveryOptionErrorIsOneLineWithThePrefix) {
  const std::string s = "scenarios/flex_scheme.json";
  const std::vector<std::vector<std::string>> cases{
      {"run", s, "--replications", "0"},
      {"run", s, "--replications", "-1"},
      {"run", s, "--replications", "1e12"},
      {"run", s, "--replications", "abc"},
      {"run", s, "--threads", "10000"},
      {"run", s, "--threads", "-3"},
      {"run", s, "--replicatons", "5"},
      {"sweep", s, "--param", "fill.overall=0.8:1.2", "--levels", "1"},
      {"sensitivity", s, "--method", "fast"},
      {"calibrate", "--tau", "0"},
      {"calibrate", "--recovery", "-5"},
      {"validate-history", "--region", "Vest"},
      {"run"},
      {"no-such-command"},
      {"run", s, "--seed", "18446744073709551616"},
      {"run", s, "--seed", "-1"},
      {"run", s, "--seed", "1e3"},
      {"calibrate", "--seed", "-1"},
      {"run", s, "--out", ""},
      {"run", ""},
      {"run", s, "--set", std::string(70000, 'x')},
  };
  for (const auto& args : cases) {
    std::string shown;
    for (const std::string& a : args) shown += (a.size() > 40 ? a.substr(0, 40) + "..." : a) + " ";
    expect_one_line_error(run(args), shown);
  }
  expect_nothing_written("option errors");
  EXPECT_EQ(
      run({"run", s, "--seed", "-1"}).err,
      "forlob: error: --seed: expected a seed, an integer in 0..18446744073709551615, got '-1'; see forlob "
      "run --help\n");
}

TEST_F(HardenedCli, TheLargestSeedIsAccepted) {
  const Result r = run({"run", "scenarios/flex_scheme.json", "--seed", "18446744073709551615",
                        "--replications", "2", "--quiet", "--out", out("max")});
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(HardenedCli, InputsThatAreNotRegularFilesAreRefusedWithoutWaiting) {
  const fs::path fifo = work_ / "in";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const Result scenario = run({"validate", fifo.string()});
  expect_one_line_error(scenario, "fifo scenario");
  EXPECT_EQ(scenario.err,
            "forlob: error: " + fifo.string() + ": cannot open: it is a FIFO; expected a regular file\n");
  expect_one_line_error(run({"forecast", "scenarios/extraordinary_trial.json", "--observed", fifo.string(),
                             "--quiet", "--out", out("f")}),
                        "fifo observed");
  expect_one_line_error(run({"run", "scenarios", "--quiet", "--out", out("d")}), "directory scenario");
  expect_nothing_written("non-regular inputs");
}

TEST_F(HardenedCli, OutputPathsThatCannotBeCreatedExitTwoNamingThePath) {
  std::ofstream(work_ / "in") << "a regular file";
  for (const std::string& target : {out("in") + "/below", std::string("/proc/forlob-test/out")}) {
    const Result r =
        run({"run", "scenarios/flex_scheme.json", "--replications", "2", "--quiet", "--out", target});
    expect_one_line_error(r, target);
    EXPECT_NE(r.err.find(fs::path(target).parent_path().string()), std::string::npos) << r.err;
  }
  expect_nothing_written("uncreatable --out");
}

TEST_F(HardenedCli, EmptyResultsAreErrors) {
  expect_one_line_error(run({"backcast", "scenarios/flex_scheme.json", "--from", "2025", "--to", "2016",
                             "--replications", "2", "--quiet", "--out", out("b")}),
                        "backcast --from > --to");
  const Result history = run({"validate-history", "--min-years", "50"});
  expect_one_line_error(history, "validate-history --min-years 50");
  EXPECT_NE(history.err.find("--min-years 50"), std::string::npos) << history.err;
  expect_nothing_written("empty results");
}

TEST_F(HardenedCli, CompareRefusesTwoScenariosWithOneName) {
  const Result r = run({"compare", "scenarios/flex_scheme.json", "scenarios/flex_scheme.json", "--set",
                        "/flex/take_up=0.5", "--replications", "2", "--quiet", "--out", out("c")});
  expect_one_line_error(r, "same name");
  EXPECT_NE(r.err.find("/name"), std::string::npos) << r.err;
  expect_nothing_written("same name");
}

TEST_F(HardenedCli, SetReachesTheFittedFileAndNamesItsArgumentsInErrors) {
  const std::string fitted = std::string(FORLOB_SOURCE_DIR) + "/calibration/fitted/fill.json";
  EXPECT_EQ(run({"validate", "scenarios/base.json", "--set", "/fill/fitted=" + fitted}).status, 0);
  EXPECT_EQ(run({"validate", "scenarios/base.json", "--set", "/fill/fitted=null"}).status, 0);
  const Result block = run({"validate", "scenarios/base.json", "--set", R"(/fill={"mean": 3})"});
  expect_one_line_error(block, "--set /fill");
  EXPECT_EQ(block.err.rfind(R"(forlob: error: --set /fill={"mean": 3}: /fill: )", 0), 0u) << block.err;
  const Result append = run({"validate", "scenarios/base.json", "--set", "/calendar/rounds/-=3"});
  expect_one_line_error(append, "--set append");
  EXPECT_EQ(append.err.rfind("forlob: error: --set /calendar/rounds/-=3: /calendar/rounds/2: ", 0), 0u)
      << append.err;
}

TEST_F(HardenedCli, ForceReplacesOnlyWhatForlobWrote) {
  const std::vector<std::string> job{
      "run", "scenarios/flex_scheme.json", "--replications", "2", "--quiet", "--force", "--out"};
  auto with_out = [&job](const std::string& target) {
    std::vector<std::string> args = job;
    args.push_back(target);
    return args;
  };
  fs::create_directories(work_ / "mine");
  std::ofstream(work_ / "mine" / "notes.txt") << "keep";
  expect_one_line_error(run(with_out(out("mine"))), "user directory");
  EXPECT_TRUE(fs::exists(work_ / "mine" / "notes.txt"));
  std::ofstream(work_ / "file") << "keep";
  expect_one_line_error(run(with_out(out("file"))), "regular file");
  EXPECT_EQ(testing::read_file(work_ / "file"), "keep");
  const Result dot =
      testing::run_program({FORLOB_EXE, "run", std::string(FORLOB_SOURCE_DIR) + "/scenarios/flex_scheme.json",
                            "--replications", "2", "--quiet", "--force", "--out", "."},
                           work_ / "mine", work_);
  expect_one_line_error(dot, "--out .");
  EXPECT_TRUE(fs::exists(work_ / "mine" / "notes.txt"));
  ASSERT_EQ(run(with_out(out("run"))).status, 0);
  ASSERT_EQ(run(with_out(out("run"))).status, 0);  // its own output: replaced
  EXPECT_TRUE(fs::exists(work_ / "run" / "yearly.csv"));
}

// Starts forlob on a job far longer than the test, waits until its staging directory exists,
// signals it and waits for it to end.
int interrupted_exit_status(const fs::path& work, int signal) {
  const fs::path target = work / "long";
  const pid_t child = ::fork();
  if (child == 0) {
    const std::string scenario = std::string(FORLOB_SOURCE_DIR) + "/scenarios/flex_scheme.json";
    ::execl(FORLOB_EXE, FORLOB_EXE, "run", scenario.c_str(), "--replications", "10000000", "--threads", "1",
            "--quiet", "--out", target.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const fs::path staging = work / ("long.partial-" + std::to_string(child));
  int status = 0;
  while (!fs::exists(staging)) {  // the child creates it before simulating
    ::sched_yield();
    if (::waitpid(child, &status, WNOHANG) == child) return -1;  // ended before staging
  }
  ::kill(child, signal);
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

TEST_F(HardenedCli, InterruptAndTerminateRemoveTheStagingDirectory) {
  EXPECT_EQ(interrupted_exit_status(work_, SIGINT), 130);
  expect_nothing_written("SIGINT");
  EXPECT_EQ(interrupted_exit_status(work_, SIGTERM), 143);
  expect_nothing_written("SIGTERM");
}

}  // namespace
}  // namespace forlob
