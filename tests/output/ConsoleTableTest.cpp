#include "output/ConsoleTable.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

TEST(ConsoleLabel, WritesYearSpansWithAnEnDash) {
  EXPECT_EQ(console_label("completed_trial_specialties_2031_2036"), "completed trial specialties 2031–36");
  EXPECT_EQ(console_label("completed_trial_specialties_2031"), "completed trial specialties 2031");
  EXPECT_EQ(console_label("started_almen_medicin_2026_2030"), "started almen medicin 2026–30");
  EXPECT_EQ(console_label("span_1999_2001"), "span 1999–2001");
  EXPECT_EQ(console_label("plain"), "plain");
}

TEST(ConsoleRows, SelectHeadlinesByPrefixInTheirOrder) {
  const std::vector<Headline> headlines{
      {"completed_a_2031", {}}, {"started_a_2026_2030", {}}, {"completed_b", {}}};
  const std::vector<ConsoleRow> rows = console_rows(headlines, "completed_");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].label, "completed a 2031");
  EXPECT_EQ(rows[0].headline, 0u);
  EXPECT_EQ(rows[1].headline, 2u);
  EXPECT_EQ(console_rows(headlines).size(), 3u);
}

// A and B with two headlines each over two replications, and B - A.
class ConsoleTableTest : public ::testing::Test {
 protected:
  ConsoleTableTest() : a(testing::tiny_scenario(1)), b(testing::tiny_scenario(1)) {
    a.name = "flex";
    b.name = "trial";
    const std::vector<Headline> headlines{{"completed_Øst_2031_2036", {}}, {"started_2026", {}}};
    for (const Scenario* s : {&a, &b}) {
      ScenarioResult& sr = result.scenarios.emplace_back();
      sr.scenario = s;
      sr.headlines = headlines;
      sr.headline = CellDistribution(2);
    }
    result.scenarios[0].headline.add(std::vector<std::int32_t>{100, 5});
    result.scenarios[0].headline.add(std::vector<std::int32_t>{110, 7});
    result.scenarios[1].headline.add(std::vector<std::int32_t>{1100, 4});
    result.scenarios[1].headline.add(std::vector<std::int32_t>{1150, 8});
    DifferenceResult d;
    d.label = "trial - flex";
    d.headline = CellDistribution(2);
    d.headline.add(std::vector<std::int32_t>{1000, -1});
    d.headline.add(std::vector<std::int32_t>{1040, 1});
    result.difference = std::move(d);
  }
  Scenario a, b;
  RunResult result;
};

TEST_F(ConsoleTableTest, CompareShowsBothMeansAndTheDifferenceWithItsInterval) {
  std::ostringstream out;
  print_console_table(out, result);
  EXPECT_EQ(out.str(),
            "A = flex, B = trial; B − A by replication (common random numbers)\n"
            "                       A mean  B mean  B − A mean  B − A 90% interval\n"
            "completed Øst 2031–36   105.0  1125.0      1020.0    [1002.0, 1038.0]\n"
            "started 2026              6.0     6.0         0.0         [-0.9, 0.9]\n");
}

TEST_F(ConsoleTableTest, RunShowsTheMeanAndItsInterval) {
  result.difference.reset();
  result.scenarios.pop_back();
  std::ostringstream out;
  print_console_table(out, result);
  EXPECT_EQ(out.str(),
            "flex                    mean    90% interval\n"
            "completed Øst 2031–36  105.0  [100.5, 109.5]\n"
            "started 2026             6.0      [5.1, 6.9]\n");
}

TEST_F(ConsoleTableTest, RefusesARowBeyondTheHeadlines) {
  std::ostringstream out;
  EXPECT_THROW(print_run_table(out, result.scenarios[0], {{"x", 2}}), std::invalid_argument);
}

}  // namespace
}  // namespace forlob
