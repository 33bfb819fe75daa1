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
  put(target / OutputDirectory::kMarkerFile, "");
  {
    OutputDirectory out(target, true);
    out.write("yearly.csv", "new");
    EXPECT_EQ(read(target / "stale.csv"), "old");
    out.commit();
  }
  EXPECT_EQ(names(target), (std::vector<std::string>{".forlob-output", "yearly.csv"}));
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
  put(target / OutputDirectory::kMarkerFile, "");
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

TEST_F(OutputDirectoryTest, EveryOutputDirectoryCarriesTheMarkerThatForceLooksFor) {
  OutputDirectory out(root / "run", false);
  out.commit();
  EXPECT_TRUE(fs::is_regular_file(root / "run" / OutputDirectory::kMarkerFile));
}

TEST_F(OutputDirectoryTest, ForceRefusesADirectoryForlobDidNotWriteAndKeepsIt) {
  const fs::path target = root / "mine";
  put(target / "thesis.tex", "years of work");
  try {
    OutputDirectory out(target, true);
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "output directory " + target.string() +
                  " exists and forlob did not write it (no .forlob-output in it); --force "
                  "replaces only a directory forlob wrote");
  }
  EXPECT_EQ(read(target / "thesis.tex"), "years of work");
  EXPECT_EQ(names(root), std::vector<std::string>{"mine"});
}

TEST_F(OutputDirectoryTest, ForceRefusesARegularFileAndALink) {
  put(root / "file", "data");
  EXPECT_THROW(OutputDirectory(root / "file", true), UsageError);
  EXPECT_EQ(read(root / "file"), "data");
  OutputDirectory(root / "real", false).commit();
  fs::create_directory_symlink(root / "real", root / "link");
  EXPECT_THROW(OutputDirectory(root / "link", true), UsageError);
  EXPECT_TRUE(fs::is_symlink(root / "link"));
}

TEST_F(OutputDirectoryTest, ForceRefusesTheCurrentDirectoryAndItsParents) {
  const fs::path here = fs::current_path();
  put(root / "cwd" / OutputDirectory::kMarkerFile, "");  // even one forlob wrote
  fs::current_path(root / "cwd");
  EXPECT_THROW(OutputDirectory(".", true), UsageError);
  EXPECT_THROW(OutputDirectory("..", true), UsageError);
  EXPECT_THROW(OutputDirectory(fs::current_path(), true), UsageError);
  fs::current_path(here);
  EXPECT_TRUE(fs::exists(root / "cwd" / OutputDirectory::kMarkerFile));
}

TEST_F(OutputDirectoryTest, ForcedReplacementLeavesNothingButTheNewOutput) {
  const fs::path target = root / "run";
  for (const char* content : {"first", "second", "third"}) {
    OutputDirectory out(target, true);
    out.write("yearly.csv", content);
    out.commit();
    EXPECT_EQ(read(target / "yearly.csv"), content);
    EXPECT_EQ(names(root), std::vector<std::string>{"run"});
  }
}

TEST_F(OutputDirectoryTest, AnOldOutputLeftByADeadProcessIsPutBackWhenTheTargetIsMissing) {
  const fs::path old = root / "out.old-2147483647";  // a fallback swap killed between its renames
  put(old / "yearly.csv", "complete");
  put(old / OutputDirectory::kMarkerFile, "");
  { OutputDirectory out(root / "out", true); }  // no commit
  EXPECT_EQ(read(root / "out" / "yearly.csv"), "complete");
  EXPECT_EQ(names(root), std::vector<std::string>{"out"});
}

TEST_F(OutputDirectoryTest, AnOldOutputLeftByADeadProcessIsRemovedWhenTheNewOneIsInPlace) {
  put(root / "out" / OutputDirectory::kMarkerFile, "");
  put(root / "out" / "yearly.csv", "new");
  put(root / "out.old-2147483647" / "yearly.csv", "old");
  OutputDirectory out(root / "out", true);
  EXPECT_FALSE(fs::exists(root / "out.old-2147483647"));
  EXPECT_EQ(read(root / "out" / "yearly.csv"), "new");
}

TEST_F(OutputDirectoryTest, AnUncreatableTargetIsAUsageErrorNamingThePath) {
  put(root / "file", "x");
  try {
    OutputDirectory out(root / "file" / "below", false);
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find((root / "file").string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace forlob
