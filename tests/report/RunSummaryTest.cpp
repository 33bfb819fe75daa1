#include "report/RunSummary.hpp"

#include <gtest/gtest.h>

#include "report/ReportFixture.hpp"
#include "support/InputErrorOf.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

using testing::input_error_of;

RunSummary fixture_summary(const testing::FixtureFiles& files = {}) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path(), files);
  return read_run_summary(dir.path() / "summary.json", "summary.json");
}

TEST(RunSummary, SaysWhatWasRun) {
  const RunSummary s = fixture_summary();
  EXPECT_EQ(s.command, "compare");
  EXPECT_TRUE(s.is_simulation());
  EXPECT_EQ(s.version, "0.1.0");
  EXPECT_EQ(s.seed, 7U);
  EXPECT_EQ(s.replications, 40);
  EXPECT_EQ(s.threads, 2);
  ASSERT_TRUE(s.years);
  EXPECT_EQ(s.years->start, 2021);
  EXPECT_EQ(s.years->followup_end, 2026);
  ASSERT_EQ(s.scenarios.size(), 2U);
  EXPECT_EQ(s.scenarios[1].name, "extraordinary_trial");
  EXPECT_EQ(s.scenarios[1].description, "Scenario 1 & <friends>");
  EXPECT_EQ(s.difference_label, "extraordinary_trial - flex_scheme");
}

TEST(RunSummary, TakesSpecialtiesAndTrialYearsFromTheResolvedScenarios) {
  const RunSummary s = fixture_summary();
  ASSERT_EQ(s.scenarios[0].specialties.size(), 2U);
  EXPECT_TRUE(s.scenarios[0].specialties[0].trial);
  EXPECT_EQ(s.specialty("almen_medicin")->name, "Almen medicin");
  EXPECT_FALSE(s.scenarios[0].trial_years);
  EXPECT_EQ(s.scenarios[1].trial_years, (std::pair{2022, 2023}));
}

TEST(RunSummary, ReadsParameterProvenanceWhenPresent) {
  const RunSummary s = fixture_summary();
  ASSERT_TRUE(s.scenarios[1].parameters);
  ASSERT_EQ(s.scenarios[1].parameters->size(), 3U);
  const ParameterSource& p = s.scenarios[1].parameters->front();
  EXPECT_EQ(p.pointer, "/fill/mean/almen_medicin/Nord");
  EXPECT_EQ(p.value, "0.55");
  EXPECT_EQ(p.tier, "assumption");
  const ParameterSource& replaced = (*s.scenarios[1].parameters)[1];
  EXPECT_EQ(replaced.value, "1240") << "numbers as people write them";
  EXPECT_EQ(replaced.replaced_by, "/dimensioning/cells/2026");
  EXPECT_EQ(s.scenarios[1].assumption_parameters.at("completed_almen_medicin_2022_2026"), 4);
  EXPECT_FALSE(fixture_summary({.parameters = false}).scenarios[0].parameters);
}

TEST(RunSummary, ReadsHeadlinesWithTheirYearsAndLabelsForPeople) {
  const RunSummary s = fixture_summary();
  // 6 single years, two sums; for A, B and the difference.
  ASSERT_EQ(s.headlines.size(), 24U);
  const HeadlineRow& h = s.headlines[7];
  EXPECT_EQ(h.scenario, "flex_scheme");
  EXPECT_EQ(h.headline, "completed_almen_medicin_2022_2026");
  EXPECT_EQ(h.label, "completed Almen medicin 2022–26");
  EXPECT_EQ(h.first_year, 2022);
  EXPECT_EQ(h.last_year, 2026);
  EXPECT_EQ(h.mean, 222.45);
  EXPECT_EQ(h.q.p95, 230.2);
  EXPECT_FALSE(h.q.has_quartiles());
  EXPECT_EQ(s.headlines.back().scenario, "extraordinary_trial - flex_scheme");
}

TEST(RunSummary, HeadlineYearsComeFromTheEndOfTheName) {
  EXPECT_EQ(headline_years("completed_trial_specialties_2031_2036"), (std::pair{2031, 2036}));
  EXPECT_EQ(headline_years("completed_trial_specialties_2027"), (std::pair{2027, 2027}));
  EXPECT_FALSE(headline_years("completed"));
  EXPECT_FALSE(headline_years("x2027"));
}

TEST(RunSummary, MalformedJsonNamesLineAndColumn) {
  EXPECT_EQ(
      input_error_of([] { parse_run_summary("{\n  \"command\": \"run\",\n  \"seed\": ]\n}", "s.json"); }),
      "s.json: line 3, column 11: malformed JSON: syntax error while parsing value - unexpected ']'; "
      "expected '[', '{', or a literal");
}

TEST(RunSummary, AWrongTypeNamesItsJsonPointer) {
  EXPECT_EQ(input_error_of([] {
              parse_run_summary(R"({"command":"run","replications":"many","scenarios":[]})", "s.json");
            }),
            "s.json: /replications: expected a positive integer, got \"many\"");
  EXPECT_EQ(input_error_of([] { parse_run_summary(R"({"seed":1})", "s.json"); }),
            "s.json: missing key 'command'");
  EXPECT_NE(input_error_of([] {
              parse_run_summary(R"({"command":"run","scenarios":[]})", "s.json");
            }).find("/scenarios"),
            std::string::npos);
}

TEST(RunSummary, NewerCommandsMayOmitTheRunKeys) {
  const RunSummary s =
      parse_run_summary(R"({"command":"sweep","forlob_version":"0.2.0","extra":{"x":1}})", "s.json");
  EXPECT_FALSE(s.is_simulation());
  EXPECT_TRUE(s.scenarios.empty());
  EXPECT_FALSE(s.seed);
}

}  // namespace
}  // namespace forlob
