// Shards and merge (`--shard K/N`, `forlob merge`) and the Slurm job-array script as a user on a
// cluster meets them: the merged directory holds the files of one unsharded run, byte for byte
// (summary.json apart from wall time and threads), and every shard that does not belong is one
// line, exit status 2 and nothing written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "support/RunProgram.hpp"
#include "support/ShippedScenarios.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;
using testing::ProgramResult;
using testing::read_file;

const std::string kClusterSourceDir = FORLOB_SOURCE_DIR;
using testing::kFlexScenario;
using testing::kTrialScenario;

// Wall time and threads are how a run went, not what it found: the only keys that may differ.
void drop_run_conditions(nlohmann::ordered_json& j) {
  if (j.is_object()) {
    j.erase("wall_seconds");
    j.erase("threads");
  }
  if (j.is_structured())
    for (auto& child : j) drop_run_conditions(child);
}

std::set<std::string> files_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

class ClusterCli : public ::testing::Test {
 protected:
  void SetUp() override {
    work_ = testing::fresh_test_directory("forlob-cluster-cli-");
    fs::create_directories(work_ / "whole");
    fs::create_directories(work_ / "sharded");
  }
  void TearDown() override { fs::remove_all(work_); }

  // forlob with `args`, started in work/<where> (relative --out paths land there).
  ProgramResult forlob(const std::string& where, std::vector<std::string> args) {
    args.insert(args.begin(), FORLOB_EXE);
    return testing::run_program(args, work_ / where, work_);
  }

  // Runs `args` once whole into whole/res and as N shards merged into sharded/res; the shards run at
  // alternating thread counts, as the nodes of a cluster might.
  void expect_shards_merge_to_the_whole(const std::vector<std::string>& args, int shards) {
    // What the merge runs: shard 1's command line without --shard and with --out res in its place.
    std::vector<std::string> whole = args;
    whole.insert(whole.end(), {"--quiet", "--out", "res", "--threads", "1"});
    const ProgramResult w = forlob("whole", whole);
    ASSERT_EQ(w.status, 0) << w.err;
    std::vector<std::string> merge{"merge", "res"};
    for (int k = 1; k <= shards; ++k) {
      std::vector<std::string> shard = args;
      const std::string dir = "s" + std::to_string(k);
      shard.insert(shard.end(), {"--quiet", "--shard", std::to_string(k) + "/" + std::to_string(shards),
                                 "--out", dir, "--threads", k % 2 == 0 ? "2" : "1"});
      const ProgramResult s = forlob("sharded", shard);
      ASSERT_EQ(s.status, 0) << s.err;
      EXPECT_TRUE(fs::exists(work_ / "sharded" / dir / "shard.json"));
      EXPECT_FALSE(fs::exists(work_ / "sharded" / dir / "summary.json"))
          << "a shard writes only its partial result";
      merge.push_back(dir);
    }
    const ProgramResult m = forlob("sharded", merge);
    ASSERT_EQ(m.status, 0) << m.err;
    expect_same_files(work_ / "whole" / "res", work_ / "sharded" / "res");
  }

  static void expect_same_files(const fs::path& whole, const fs::path& merged) {
    ASSERT_EQ(files_in(whole), files_in(merged));
    for (const std::string& name : files_in(whole)) {
      const std::string a = read_file(whole / name), b = read_file(merged / name);
      if (name.ends_with(".json")) {
        auto ja = nlohmann::ordered_json::parse(a), jb = nlohmann::ordered_json::parse(b);
        drop_run_conditions(ja);
        drop_run_conditions(jb);
        EXPECT_EQ(ja.dump(1), jb.dump(1)) << name;
      } else {
        EXPECT_TRUE(a == b) << name << " differs";
      }
      EXPECT_FALSE(a.empty()) << name;
    }
  }

  fs::path work_;
};

// The test of done: a Sobol analysis over four shards is the unsharded analysis.
TEST_F(ClusterCli, ASobolAnalysisOverFourShardsMergesToTheUnshardedAnalysis) {
  expect_shards_merge_to_the_whole(
      {"sensitivity", kFlexScenario, "--compare", kTrialScenario, "--method", "sobol", "--param",
       "fill.overall=0.8:1.2", "--param", "applicants.mobility=0.5:1", "--base-samples", "4", "--bootstrap",
       "50", "-n", "5"},
      4);
  // 4 x (2 + 2) points x 5 replications: 80 tasks, so every shard splits a point's replications.
  const std::string csv = read_file(work_ / "sharded" / "res" / "sensitivity.csv");
  EXPECT_NE(csv.find("S1"), std::string::npos);
}

TEST_F(ClusterCli, ARunWithDrawsOverThreeShardsMergesToTheUnshardedRun) {
  expect_shards_merge_to_the_whole({"run", kTrialScenario, "-n", "10", "--draws"}, 3);
  EXPECT_TRUE(fs::exists(work_ / "sharded" / "res" / "draws.csv"));
}

// Binned histograms (at most 16 buckets a cell, so any cell spread over more than 16 integers is
// binned) carry their shifts, buckets and exact sums through the partial results: the merge is the
// unsharded run, whose quantiles are binned and whose means are exact (those of the default
// resolution, 512 buckets).
TEST_F(ClusterCli, ARunWithBinnedHistogramsOverThreeShardsMergesToTheUnshardedRun) {
  expect_shards_merge_to_the_whole({"run", kTrialScenario, "-n", "12", "--histogram-buckets", "16"}, 3);
  const ProgramResult exact =
      forlob("whole", {"run", kTrialScenario, "-n", "12", "--quiet", "--out", "exact"});
  ASSERT_EQ(exact.status, 0) << exact.err;
  const auto summary = [&](const fs::path& dir) {
    return nlohmann::json::parse(read_file(dir / "summary.json"))["scenarios"][0]["headlines"];
  };
  const nlohmann::json binned_headlines = summary(work_ / "sharded" / "res"),
                       exact_headlines = summary(work_ / "whole" / "exact");
  ASSERT_EQ(binned_headlines.size(), exact_headlines.size());
  int binned_quantiles = 0;
  for (std::size_t h = 0; h < binned_headlines.size(); ++h) {
    EXPECT_EQ(binned_headlines[h]["mean"], exact_headlines[h]["mean"]) << h;
    EXPECT_EQ(binned_headlines[h]["sd"], exact_headlines[h]["sd"]) << h;
    if (binned_headlines[h]["p50"] != exact_headlines[h]["p50"]) ++binned_quantiles;
  }
  EXPECT_GT(binned_quantiles, 0);  // headline sums spread over more than 16 integers are binned
}

TEST_F(ClusterCli, ACompareWithFillModelsOverTwoShardsMergesToTheUnshardedCompare) {
  expect_shards_merge_to_the_whole({"compare", kFlexScenario, kTrialScenario, "-n", "5", "--fill-models",
                                    "--set", "/applicants/mobility=0.3"},
                                   2);
  EXPECT_TRUE(fs::exists(work_ / "sharded" / "res" / "fill_models.csv"));
}

TEST_F(ClusterCli, AForecastAndASweepOverShardsMergeToTheUnshardedOnes) {
  expect_shards_merge_to_the_whole({"forecast", kTrialScenario, "-n", "7"}, 3);
  fs::remove_all(work_ / "whole");
  fs::remove_all(work_ / "sharded");
  fs::create_directories(work_ / "whole");
  fs::create_directories(work_ / "sharded");
  expect_shards_merge_to_the_whole(
      {"sweep", kTrialScenario, "--param", "fill.overall=0.8:1.2", "--levels", "3", "-n", "4"}, 5);
}

// Three shards of a small run, and the ways a set of shards can be wrong.
class ClusterMergeErrors : public ClusterCli {
 protected:
  void SetUp() override {
    ClusterCli::SetUp();
    for (int k = 1; k <= 3; ++k) ASSERT_EQ(shard(k, "s" + std::to_string(k)).status, 0);
  }
  ProgramResult shard(int k, const std::string& dir, std::vector<std::string> extra = {},
                      const std::string& scenario = kTrialScenario, const std::string& of = "3",
                      const std::string& reps = "9") {
    std::vector<std::string> args{
        "run", scenario, "-n", reps, "--quiet", "--shard", std::to_string(k) + "/" + of, "--out", dir};
    args.insert(args.end(), extra.begin(), extra.end());
    return forlob("sharded", args);
  }
  // merge fails with one line that contains `says`, exit status 2, and writes nothing.
  void expect_refused(const std::vector<std::string>& dirs, const std::string& says) {
    std::vector<std::string> args{"merge", "res"};
    args.insert(args.end(), dirs.begin(), dirs.end());
    const ProgramResult r = forlob("sharded", args);
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_TRUE(r.err.starts_with("forlob: error: ")) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(work_ / "sharded" / "res")) << "nothing may be written";
  }
};

TEST_F(ClusterMergeErrors, AMissingShardIsNamed) {
  expect_refused({"s1", "s3"}, "s1: shard 2/3 is missing; expected all 3 shards of the run, each once");
}

TEST_F(ClusterMergeErrors, ARepeatedShardIsNamed) {
  expect_refused({"s1", "s2", "s2", "s3"}, "s2: shard 2/3 again (also s2)");
  fs::copy(work_ / "sharded" / "s3", work_ / "sharded" / "s3copy");
  expect_refused({"s1", "s2", "s3", "s3copy"}, "s3copy: shard 3/3 again (also s3)");
}

TEST_F(ClusterMergeErrors, AShardOfAnotherSeedReplicationCountOrSetIsNamedWithWhatDiffers) {
  ASSERT_EQ(shard(2, "seed", {"--seed", "6"}).status, 0);
  expect_refused({"s1", "seed", "s3"},
                 "seed: a shard of another run than s1: another seed (6, expected 20260113)");
  ASSERT_EQ(shard(2, "reps", {}, kTrialScenario, "3", "10").status, 0);
  expect_refused({"s1", "reps", "s3"},
                 "reps: a shard of another run than s1: another replication count (10, expected 9)");
  ASSERT_EQ(shard(2, "set", {"--set", "/applicants/mobility=0.3"}).status, 0);
  expect_refused({"s1", "set", "s3"}, "set: a shard of another run than s1: another set of options");
  ASSERT_EQ(shard(2, "of4", {}, kTrialScenario, "4").status, 0);
  expect_refused({"s1", "of4", "s3"},
                 "of4: a shard of another run than s1: another count of shards (4, expected 3)");
}

TEST_F(ClusterMergeErrors, AShardOfAnotherForlobVersionIsNamed) {
  const fs::path header = work_ / "sharded" / "s2" / "shard.json";
  nlohmann::json j = nlohmann::json::parse(read_file(header));
  j["forlob_version"] = "0.0.9";
  std::ofstream(header) << j.dump(2);
  expect_refused({"s1", "s2", "s3"},
                 "s2: a shard of another run than s1: another forlob version (0.0.9, expected");
}

// A scenario file that changed between shards, or after them, is a different run.
TEST_F(ClusterMergeErrors, AScenarioThatChangedBetweenOrAfterTheShardsIsNamed) {
  const fs::path mine = work_ / "trial.json";
  std::ofstream(mine) << "{\"extends\": \"" << kTrialScenario << "\", \"name\": \"mine\"}\n";
  for (int k = 1; k <= 3; ++k) ASSERT_EQ(shard(k, "m" + std::to_string(k), {}, mine.string()).status, 0);
  std::ofstream(mine) << "{\"extends\": \"" << kTrialScenario
                      << "\", \"name\": \"mine\", \"description\": \"edited\"}\n";
  expect_refused({"m1", "m2", "m3"},
                 "m1: the shards are of another run than this command line would make now: "
                 "another version of " +
                     mine.string());
  ASSERT_EQ(shard(2, "m2new", {}, mine.string()).status, 0);
  expect_refused({"m1", "m2new", "m3"},
                 "m2new: a shard of another run than m1: another version of " + mine.string());
}

TEST_F(ClusterMergeErrors, ADirectoryThatIsNoShardOrACorruptPartialStateIsNamed) {
  fs::create_directories(work_ / "sharded" / "empty");
  expect_refused({"s1", "empty", "s3"},
                 "empty: expected a shard's directory (written by --shard K/N) with shard.json");
  const fs::path state = work_ / "sharded" / "s2" / "partial.cbor";
  const std::string bytes = read_file(state);
  std::ofstream(state, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  expect_refused({"s1", "s2", "s3"}, "s2/partial.cbor: expected a shard's partial state (CBOR)");
}

TEST_F(ClusterMergeErrors, AnExistingOutputIsKeptWithoutForce) {
  fs::create_directories(work_ / "sharded" / "res");
  const ProgramResult r = forlob("sharded", {"merge", "res", "s1", "s2", "s3"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("exists"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(work_ / "sharded" / "res"));
}

TEST_F(ClusterCli, ABadShardOptionIsOneLineAndWritesNothing) {
  for (const std::string bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/3", "1/3x"}) {
    const ProgramResult r =
        forlob("sharded", {"run", kTrialScenario, "-n", "4", "--shard", bad, "--out", "s"});
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_EQ(r.err,
              "forlob: error: --shard " + bad + ": expected K/N with 1 <= K <= N <= 100000 (shard K of N)\n");
    EXPECT_FALSE(fs::exists(work_ / "sharded" / "s")) << bad;
  }
}

// The job-array script's shard logic without Slurm: each array task as Slurm would start it, then
// the dependent merge step; and the submission, with an sbatch that records what it is asked.
TEST_F(ClusterCli, TheSlurmArrayScriptsShardsAndMergeEqualOneUnshardedRun) {
  const std::string script = kClusterSourceDir + "/scripts/slurm/forlob-shards.sh";
  const std::string command = "run '" + kTrialScenario + "' -n 8 --draws";
  const auto step = [&](std::vector<std::string> env) {
    std::vector<std::string> argv{"env",
                                  "FORLOB=" + std::string(FORLOB_EXE),
                                  "FORLOB_COMMAND=" + command,
                                  "SHARDS=3",
                                  "WORK=parts",
                                  "OUT=res",
                                  "SLURM_CPUS_PER_TASK=1"};
    argv.insert(argv.end(), env.begin(), env.end());
    argv.insert(argv.end(), {"bash", script});
    return testing::run_program(argv, work_ / "sharded", work_);
  };
  for (int k = 1; k <= 3; ++k) {
    const ProgramResult r = step({"SLURM_ARRAY_TASK_ID=" + std::to_string(k)});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  const ProgramResult merged = step({"FORLOB_STEP=merge"});
  ASSERT_EQ(merged.status, 0) << merged.err;
  // What the merge runs: the shards' command line with --out res in its place.
  const ProgramResult whole = forlob(
      "whole", {"run", kTrialScenario, "-n", "8", "--draws", "--threads", "1", "--out", "res", "--quiet"});
  ASSERT_EQ(whole.status, 0) << whole.err;
  expect_same_files(work_ / "whole" / "res", work_ / "sharded" / "res");
  const auto summary = nlohmann::json::parse(read_file(work_ / "sharded" / "res" / "summary.json"));
  EXPECT_EQ(summary["command_line"],
            "forlob run " + kTrialScenario + " -n 8 --draws --threads 1 --out res --quiet");

  // Submission: the array 1-3 of this script, then the merge after it, only if all succeed.
  fs::create_directories(work_ / "bin");
  std::ofstream(work_ / "bin" / "sbatch")
      << "#!/bin/sh\necho \"$*\" >> \"" << (work_ / "sbatch.log").string() << "\"\necho 4242\n";
  fs::permissions(work_ / "bin" / "sbatch", fs::perms::owner_all);
  const ProgramResult submit = step({"PATH=" + (work_ / "bin").string() + ":" +
                                     std::string(std::getenv("PATH") ? std::getenv("PATH") : "")});
  ASSERT_EQ(submit.status, 0) << submit.err;
  const std::string log = read_file(work_ / "sbatch.log");
  EXPECT_NE(log.find("--parsable --array=1-3 " + script + "\n"), std::string::npos) << log;
  EXPECT_NE(log.find("--dependency=afterok:4242 --export=ALL,FORLOB_STEP=merge " + script + "\n"),
            std::string::npos)
      << log;
}

#ifdef FORLOB_MPIEXEC
// The MPI build under mpirun on this machine: 1 and 3 ranks write the bytes one plain process writes
// (summary.json apart from wall time and threads), and rank 0 alone writes.
class MpiCli : public ClusterCli {
 protected:
  ProgramResult mpirun(int ranks, const std::string& where, std::vector<std::string> args) {
    std::vector<std::string> argv{FORLOB_MPIEXEC, "-np", std::to_string(ranks), "--oversubscribe"};
    if (::geteuid() == 0) argv.emplace_back("--allow-run-as-root");  // CI runs as root
    argv.emplace_back(FORLOB_EXE);
    argv.insert(argv.end(), args.begin(), args.end());
    fs::create_directories(work_ / where);
    return testing::run_program(argv, work_ / where, work_);
  }
  void expect_ranks_write_the_plain_bytes(std::vector<std::string> args) {
    args.insert(args.end(), {"--threads", "1", "--out", "res", "--quiet"});
    const ProgramResult plain = forlob("whole", args);
    ASSERT_EQ(plain.status, 0) << plain.err;
    for (int ranks : {1, 3}) {
      const std::string where = "np" + std::to_string(ranks);
      const ProgramResult r = mpirun(ranks, where, args);
      ASSERT_EQ(r.status, 0) << r.err;
      expect_same_files(work_ / "whole" / "res", work_ / where / "res");
      EXPECT_EQ(files_in(work_ / where), (std::set<std::string>{"res"})) << "only rank 0 writes";
    }
  }
};

TEST_F(MpiCli, OneAndThreeRanksWriteTheBytesOfOneProcess) {
  expect_ranks_write_the_plain_bytes({"compare", kFlexScenario, kTrialScenario, "-n", "7", "--draws"});
  fs::remove_all(work_ / "whole");
  fs::remove_all(work_ / "np1");
  fs::remove_all(work_ / "np3");
  fs::create_directories(work_ / "whole");
  expect_ranks_write_the_plain_bytes({"sensitivity", kFlexScenario, "--compare", kTrialScenario, "--method",
                                      "sobol", "--param", "fill.overall=0.8:1.2", "--param",
                                      "applicants.mobility=0.5:1", "--base-samples", "4", "--bootstrap", "50",
                                      "-n", "5"});
}

// An error on rank 0 (here: the output exists) ends every rank with exit status 2.
TEST_F(MpiCli, AnErrorOnRankZeroEndsTheJobWithStatusTwo) {
  fs::create_directories(work_ / "np3" / "res");
  const ProgramResult r = mpirun(3, "np3", {"run", kTrialScenario, "-n", "6", "--out", "res", "--quiet"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("forlob: error: output directory res exists"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(work_ / "np3" / "res"));
}

TEST_F(MpiCli, ShardAndMpiTogetherAreRefused) {
  const ProgramResult r =
      mpirun(2, "np2", {"run", kTrialScenario, "-n", "6", "--shard", "1/2", "--out", "s", "--quiet"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("expected either --shard or mpirun, not both"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(work_ / "np2" / "s"));
}
#endif

}  // namespace
}  // namespace forlob
