// What a run read: every file with its content hash, and what differs from the shipped scenarios.
#include "scenario/ScenarioRecord.hpp"

#include <gtest/gtest.h>

#include "core/ContentHash.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

class ScenarioRecordTest : public forlob::testing::ScenarioFiles {};

TEST_F(ScenarioRecordTest, AShippedScenarioListsItsChainWithHashesAndNoChanges) {
  const ScenarioRecord r = record_scenario(shipped("extraordinary_trial.json"), {});
  ASSERT_EQ(r.files.size(), 4u) << "the trial, base.json and the two fitted files";
  EXPECT_NE(r.files[1].path.find("base.json"), std::string::npos);
  EXPECT_NE(r.files[2].path.find("calibration/fitted/fill.json"), std::string::npos);
  EXPECT_NE(r.files[3].path.find("calibration/fitted/applicants.json"), std::string::npos);
  for (const InputFileRecord& f : r.files) {
    EXPECT_TRUE(f.shipped) << f.path;
    EXPECT_EQ(f.hash.size(), std::string("fnv1a64:").size() + 16) << f.hash;
  }
  EXPECT_FALSE(r.what_if());
}

TEST_F(ScenarioRecordTest, ASetAndAUsersFileAreChangesNamingWhoMadeThem) {
  const auto mine =
      write_text("mine.json", R"({"extends": ")" + shipped("extraordinary_trial.json") +
                                  R"(", "name": "mine", "extraordinary": {"per_region": {"Nord": 40}},
      "sources": {"/extraordinary/per_region/Nord": "assumption: a what-if"}})");
  const ScenarioRecord r = record_scenario(mine, {"/fill/concentration=50"});
  EXPECT_FALSE(r.files.front().shipped);
  EXPECT_EQ(r.files.front().hash,
            fnv1a64_text(R"({"extends": ")" + shipped("extraordinary_trial.json") +
                         R"(", "name": "mine", "extraordinary": {"per_region": {"Nord": 40}},
      "sources": {"/extraordinary/per_region/Nord": "assumption: a what-if"}})"));
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].pointer, "/extraordinary/per_region/Nord");
  EXPECT_EQ(r.changes[0].from, "10");
  EXPECT_EQ(r.changes[0].to, "40");
  EXPECT_EQ(r.changes[0].by, mine.string());
  EXPECT_EQ(r.changes[1].pointer, "/fill/concentration");
  EXPECT_EQ(r.changes[1].to, "50");
  EXPECT_EQ(r.changes[1].by, "--set /fill/concentration=50");
  EXPECT_TRUE(r.what_if());
}

TEST(ShippedScenarioFile, IsOneOfTheRepositorysScenarioFilesByDirectoryAndName) {
  EXPECT_TRUE(is_shipped_scenario_file("scenarios/base.json"));
  EXPECT_TRUE(is_shipped_scenario_file("/x/scenarios/neither.json"));
  EXPECT_FALSE(is_shipped_scenario_file("my/base.json"));
  EXPECT_FALSE(is_shipped_scenario_file("scenarios/mine.json"));
}

}  // namespace
}  // namespace forlob
