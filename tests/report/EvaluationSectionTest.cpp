// The report's section on forlob evaluate: it reads the files evaluate writes, draws power against
// the true share per design, tabulates both files, and refuses a malformed file with its place.
#include <gtest/gtest.h>

#include <fstream>

#include "core/Errors.hpp"
#include "report/EvaluationSection.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

void write_evaluation_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

TEST(EvaluationSection, ReadsBothFilesChartsPowerPerDesignAndTabulatesThem) {
  testing::TestDirectory dir;
  write_evaluation_file(
      dir.path() / "evaluation_power.csv",
      "design,true_share,evaluations,excludes_0,excludes_1,covers_truth,mean_width,mean_"
      "posterior_mean\n"
      "counts,0,200,1,200,0,0.096,0.047\ncounts,1,200,200,1,0,0.297,0.864\n"
      "counts_and_new,0,200,0,200,0,0.034,0.015\ncounts_and_new,1,200,200,0,0,0.081,0.966\n");
  write_evaluation_file(
      dir.path() / "evaluation_posterior.csv",
      "quantity,mean,p05,p25,p50,p75,p95,prior_mean,prior_p05,prior_p50,prior_p95\n"
      "extraordinary_new_share,0.2087,0.0189,0.08,0.19,0.31,0.4876,0.5,0.05,0.51,0.955\n"
      "completed_trial_specialties_2026_2036_difference,44.75,8,28,39,61,91,84.5,11,90,135\n");
  const EvaluationInputs in = read_evaluation_inputs(dir.path());
  ASSERT_TRUE(in.power && in.posterior);
  ASSERT_EQ(in.power->size(), 4U);
  const std::optional<Chart> chart = evaluation_power_chart(in);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->section, "evaluation");
  ASSERT_EQ(chart->data.size(), 2U);  // one data file per design
  EXPECT_NE(chart->data[0].text.find("0\t0.005\t1\n"), std::string::npos) << chart->data[0].text;
  EXPECT_NE(chart->data[1].text.find("1\t1\t0\n"), std::string::npos) << chart->data[1].text;
  EXPECT_NE(chart->commands.find("excludes 1"), std::string::npos);
  const std::string html = evaluation_section_html(in, "");
  for (const char* text : {"[0.019, 0.488]", "[0.050, 0.955]", "[8.0, 91.0]", "counts and new", "0.005"})
    EXPECT_NE(html.find(text), std::string::npos) << text;
}

TEST(EvaluationSection, WithoutTheFilesThereIsNothingToShow) {
  testing::TestDirectory dir;
  const EvaluationInputs in = read_evaluation_inputs(dir.path());
  EXPECT_FALSE(in.any());
  EXPECT_FALSE(evaluation_power_chart(in));
}

TEST(EvaluationSection, AMalformedFileIsAnInputErrorWithItsPlace) {
  testing::TestDirectory dir;
  write_evaluation_file(
      dir.path() / "evaluation_power.csv",
      "design,true_share,evaluations,excludes_0,excludes_1,mean_width\ncounts,half,200,1,2,0.1\n");
  try {
    read_evaluation_inputs(dir.path());
    FAIL() << "accepted a share that is not a number";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2, column 2 (true_share)"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace forlob
