// Every input that once crashed forlob, or that a fuzz target found, replayed through the same
// code the target drives (FuzzTargets.hpp): it must end in an input error or be accepted, never
// crash or throw anything else. The files are tests/fuzz_regressions/<target>/<case>.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "fuzz/FuzzTargets.hpp"
#include "support/RunProgram.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;

TEST(FuzzRegressions, EverySavedInputEndsCleanly) {
  const std::map<std::string, std::function<void(const std::string&)>> targets{
      {"json", fuzz::json_input}, {"scenario", fuzz::scenario_input}, {"csv", fuzz::csv_input}};
  const fs::path root = fs::path(FORLOB_SOURCE_DIR) / "tests" / "fuzz_regressions";
  int cases = 0;
  for (const auto& [target, replay] : targets) {
    if (!fs::is_directory(root / target)) continue;
    for (const auto& entry : fs::directory_iterator(root / target)) {
      EXPECT_NO_THROW(replay(testing::read_file(entry.path()))) << target << "/" << entry.path().filename();
      ++cases;
    }
  }
  EXPECT_GE(cases, 13);  // the cases of issue 13 at least
  fs::remove_all(fuzz::scenario_work_directory());
}

}  // namespace
}  // namespace forlob
