#include "output/HeadlinesCsv.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "engine/Runner.hpp"
#include "support/Lines.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::lines;

// Every course fills and completes after exactly 48 months: every replication gives the same
// counts, so sd, standard error and the width of every interval are zero.
RunResult certain_run(const std::vector<const Scenario*>& scenarios) {
  RunOptions options;
  options.replications = 3;
  options.threads = 1;
  return run_scenarios(scenarios, options);
}

TEST(HeadlinesCsv, OneRowPerScenarioAndHeadlineThenTheDifference) {
  const Scenario a = testing::tiny_scenario(1, 10);
  const RunResult result = certain_run({&a, &a});
  std::ostringstream out;
  write_headlines_csv(out, result);
  const std::vector<std::string> rows = lines(out.str());
  const std::size_t headlines = result.scenarios[0].headlines.size();
  ASSERT_EQ(rows.size(), 1 + 3 * headlines);
  EXPECT_EQ(rows[0], "scenario,headline,label,first_year,last_year,mean,sd,mc_se,p05,p25,p50,p75,p95");
  // 30 courses a year from 2020 complete in 2024: the trial window of a scenario without the trial
  // is 2022 (its last hiring year) onwards, completions 2024 onwards count those started 2020.
  EXPECT_EQ(rows[1].rfind("tiny,completed_trial_specialties_2020,completed trial specialties "
                          "2020,2020,2020,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000",
                          0),
            0u)
      << rows[1];
  const std::string completed_2024 =
      "tiny,completed_trial_specialties_2024,completed trial specialties "
      "2024,2024,2024,30.0000,0.0000,0.0000,30.0000,30.0000,30.0000,30.0000,30.0000";
  EXPECT_NE(out.str().find(completed_2024 + "\n"), std::string::npos) << out.str();
  EXPECT_EQ(rows[1 + 2 * headlines].rfind("tiny - tiny,", 0), 0u);
  EXPECT_NE(out.str().find("tiny - tiny,completed_trial_specialties_2024,completed trial specialties "
                           "2024,2024,2024,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000\n"),
            std::string::npos);
}

}  // namespace
}  // namespace forlob
