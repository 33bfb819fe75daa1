#include "output/OutputDirectory.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/Errors.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;

class OutputDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override { root = testing::fresh_test_directory("forlob-outdir-"); }
  void TearDown() override { fs::remove_all(root); }

  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void put(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  // Names in a directory, sorted.
  static std::vector<std::string> names(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path root;
};

TEST_F(OutputDirectoryTest, RefusesAnExistingDirectoryWithoutForceAndKeepsItsContents) {
  const fs::path target = root / "run";
  put(target / "yearly.csv", "old");
  try {
    OutputDirectory out(target, false);
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "output directory " + target.string() + " exists; use --force to replace it");
  }
  EXPECT_EQ(read(target / "yearly.csv"), "old");
  EXPECT_EQ(names(root), std::vector<std::string>{"run"});
}

TEST_F(OutputDirectoryTest, CommitMovesTheFilesIntoPlace) {
  const fs::path target = root / "run";
  {
    OutputDirectory out(target, false);
    out.write("yearly.csv", "a,b\n1,2\n");
    out.file("anchors.csv") << "x\n";
    EXPECT_FALSE(fs::exists(target));  // nothing visible before commit
    out.commit();
  }
  EXPECT_EQ(read(target / "yearly.csv"), "a,b\n1,2\n");
  EXPECT_EQ(read(target / "anchors.csv"), "x\n");
  EXPECT_EQ(names(root), std::vector<std::string>{"run"});
}

TEST_F(OutputDirectoryTest, ForceReplacesTheOldDirectoryOnlyAtCommit) {
  const fs::path target = root / "run";
  put(target / "stale.csv", "old");
  {
    OutputDirectory out(target, true);
    out.write("yearly.csv", "new");
    EXPECT_EQ(read(target / "stale.csv"), "old");
    out.commit();
  }
  EXPECT_EQ(names(target), std::vector<std::string>{"yearly.csv"});
  EXPECT_EQ(read(target / "yearly.csv"), "new");
  EXPECT_EQ(names(root), std::vector<std::string>{"run"});
}

TEST_F(OutputDirectoryTest, LeavesNothingBehindWhenDestroyedWithoutCommit) {
  const fs::path target = root / "run";
  {
    OutputDirectory out(target, false);
    out.write("yearly.csv", "half");
    out.file("anchors.csv") << "half";
  }
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(names(root).empty());
}

TEST_F(OutputDirectoryTest, AnUncommittedForcedRunLeavesTheOldDirectoryAsItWas) {
  const fs::path target = root / "run";
  put(target / "yearly.csv", "old");
  { OutputDirectory(target, true).write("yearly.csv", "new"); }
  EXPECT_EQ(read(target / "yearly.csv"), "old");
  EXPECT_EQ(names(root), std::vector<std::string>{"run"});
}

TEST_F(OutputDirectoryTest, CreatesMissingParentDirectories) {
  const fs::path target = root / "output" / "flex_vs_trial";
  OutputDirectory out(target, false);
  out.write("summary.json", "{}\n");
  out.commit();
  EXPECT_EQ(read(target / "summary.json"), "{}\n");
}

TEST_F(OutputDirectoryTest, AcceptsATrailingSeparator) {
  OutputDirectory out(root.string() + "/run/", false);
  out.write("yearly.csv", "x");
  out.commit();
  EXPECT_EQ(read(root / "run" / "yearly.csv"), "x");
  EXPECT_EQ(names(root), std::vector<std::string>{"run"});
}

TEST_F(OutputDirectoryTest, StagesBesideTheTarget) {
  OutputDirectory out(root / "run", false);
  EXPECT_EQ(out.staging().parent_path(), root);
  EXPECT_TRUE(fs::is_directory(out.staging()));
}

TEST_F(OutputDirectoryTest, RejectsFileNamesThatLeaveTheDirectory) {
  OutputDirectory out(root / "run", false);
  EXPECT_THROW(out.write("../escape.csv", "x"), std::invalid_argument);
  EXPECT_THROW(out.write("/tmp/escape.csv", "x"), std::invalid_argument);
}

TEST_F(OutputDirectoryTest, LeftoversOfKilledRunsAreRemovedButLiveRunsAreLeftAlone) {
  const fs::path target = root / "out";
  const fs::path dead = root / "out.partial-2147483647";  // no such process
  const fs::path live = root / ("out.partial-" + std::to_string(::getppid()));
  put(dead / "yearly.csv", "half");
  put(live / "yearly.csv", "in progress");
  OutputDirectory out(target, false);
  EXPECT_FALSE(fs::exists(dead));
  EXPECT_TRUE(fs::exists(live / "yearly.csv"));
}

}  // namespace
}  // namespace forlob
