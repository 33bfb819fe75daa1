// The evaluation forecast of the shipped trial: the arithmetic of R9/R10 in every replication,
// observed fills moving trainees and completions, identical results at any thread count, and the
// CSV and JSON carrying the same numbers.
#include "forecast/EvaluationForecast.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "calibration/CsvTable.hpp"
#include "core/Errors.hpp"
#include "engine/Replication.hpp"
#include "forecast/ForecastCsv.hpp"
#include "forecast/ForecastJson.hpp"
#include "forecast/ObservedRounds.hpp"
#include "policies/ExtraordinaryTrial.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {
namespace {

bool sanitized() { return std::getenv("FORLOB_SANITIZED") != nullptr; }

class EvaluationForecastTest : public ::testing::Test {
 protected:
  EvaluationForecastTest()
      : scenario(load_scenario(std::string(FORLOB_SOURCE_DIR) + "/scenarios/extraordinary_trial.json")),
        layout(scenario, 2029) {}

  int measure(CourseKind kind, std::string_view name) const {
    const auto list = measures_of(kind);
    for (std::size_t m = 0; m < list.size(); ++m)
      if (list[m].name == name) return static_cast<int>(m);
    ADD_FAILURE() << "no measure " << name;
    return 0;
  }
  std::size_t cell(int region, int specialty, int year, CourseKind kind, std::string_view name) const {
    return layout.cell(region, specialty, year - layout.first_year(), kind, measure(kind, name));
  }
  // Every extraordinary cell of 2026 observed as completely filled.
  ObservedFigures all_2026_filled() const {
    const ExtraordinaryTrial trial(scenario, *scenario.extraordinary);
    ObservedFigures f;
    f.file = "observed.csv";
    for (int round = 0; round < 2; ++round)
      for (Region r : kRegions)
        for (int s : scenario.extraordinary->specialties) {
          const auto [first, last] = trial.round_slice(r, round);
          const std::vector<int>& plan = trial.course_plan(r);
          const int posted = static_cast<int>(std::count(plan.begin() + first, plan.begin() + last, s));
          f.cells.push_back(
              {2026, round, r, s, CourseKind::Extraordinary, posted, posted, "assumption: test", 0});
        }
    return f;
  }

  static constexpr int kAll = 3;
  static constexpr int kSum = 4;  // trial_specialties
  Scenario scenario;
  EvaluationLayout layout;
};

TEST_F(EvaluationForecastTest, ThirtyCoursesAYearAreKeptAcrossRegionsAndEachRegionKeepsTenPlusInMinusOut) {
  Replication engine(scenario);
  Tally t(scenario.calendar.warmup_start_year, scenario.year_count(), scenario.specialty_count(),
          engine.anchor_layout().pairs.size());
  std::vector<std::int32_t> v;
  const CourseKind x = CourseKind::Extraordinary, o = CourseKind::Ordinary;
  for (std::int64_t i = 0; i < (sanitized() ? 20 : 100); ++i) {
    engine.run(7, i, t);
    layout.extract(t, v);
    for (int year = 2026; year <= 2029; ++year) {
      // R9: 10 a region, 30 in all; R10: a hand-over moves a course, it never loses one.
      ASSERT_EQ(v[cell(kAll, kSum, year, x, "posted")], 30) << year;
      ASSERT_EQ(v[cell(kAll, kSum, year, x, "posted_own")], 30);
      ASSERT_EQ(v[cell(kAll, kSum, year, x, "handed_over_in")],
                v[cell(kAll, kSum, year, x, "handed_over_out")]);
      ASSERT_EQ(v[cell(kAll, kSum, year, x, "posted_cumulative")], 30 * (year - 2025));
      int regions = 0;
      for (int r = 0; r < kRegionCount; ++r) {
        const int in = v[cell(r, kSum, year, x, "handed_over_in")];
        const int out = v[cell(r, kSum, year, x, "handed_over_out")];
        ASSERT_EQ(v[cell(r, kSum, year, x, "posted_own")], 10);
        ASSERT_EQ(v[cell(r, kSum, year, x, "posted")], 10 + in - out);
        regions += v[cell(r, kSum, year, x, "posted")];
        int planned = 0;
        for (int s : layout.specialties())
          planned += scenario.ordinary_courses(year, s, kRegions[static_cast<std::size_t>(r)]);
        ASSERT_EQ(v[cell(r, kSum, year, o, "planned")], planned);
      }
      ASSERT_EQ(regions, 30);
      for (int r = 0; r < EvaluationLayout::kRegionSlots; ++r)
        for (int s = 0; s < layout.specialty_slots(); ++s)
          for (CourseKind kind : kCourseKinds) {
            ASSERT_GE(v[cell(r, s, year, kind, "unfilled")], 0) << "filled <= posted";
            ASSERT_GE(v[cell(r, s, year, kind, "in_course")], 0);
          }
    }
  }
}

TEST_F(EvaluationForecastTest, FillingEveryCourseOf2026PutsMoreTraineesInCourseAndMoreCompletions) {
  const ObservedFigures observed = all_2026_filled();
  ObservedRounds hook(observed);
  Replication engine(scenario);
  Tally plain(scenario.calendar.warmup_start_year, scenario.year_count(), scenario.specialty_count(),
              engine.anchor_layout().pairs.size());
  Tally fixed = plain;
  const int n = sanitized() ? 20 : 60;
  double in_sum = 0, in_sq = 0, done_sum = 0, done_sq = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    engine.set_fill_override(nullptr);
    engine.run(3, i, plain);
    engine.set_fill_override(&hook);
    engine.run(3, i, fixed);
    int in_course = 0, done = 0, started = 0;
    for (Region r : kRegions)
      for (int s : layout.specialties()) {
        in_course += fixed.get(2026, r, s, Metric::ExtraordinaryInTraining) -
                     plain.get(2026, r, s, Metric::ExtraordinaryInTraining);
        started += fixed.get(2026, r, s, Metric::ExtraordinaryStarted);
        for (int y = 2026; y <= scenario.calendar.followup_end_year; ++y)
          done += fixed.get(y, r, s, Metric::ExtraordinaryCompleted) -
                  plain.get(y, r, s, Metric::ExtraordinaryCompleted);
      }
    ASSERT_EQ(started, 30);
    in_sum += in_course;
    in_sq += in_course * in_course;
    done_sum += done;
    done_sq += done * done;
  }
  // Paired differences (common random numbers): the mean must exceed four standard errors of the
  // mean, sqrt(var / n); with about 2.6 extra courses a year the margin is wide, and a mechanism
  // that did not fix the fills would give a mean near 0.
  auto mean_over_se = [n](double sum, double sq) {
    const double mean = sum / n;
    const double var = (sq - n * mean * mean) / (n - 1);
    return mean / std::sqrt(std::max(var, 1e-12) / n);
  };
  EXPECT_GT(in_sum / n, 0);
  EXPECT_GT(mean_over_se(in_sum, in_sq), 4.0);
  EXPECT_GT(mean_over_se(done_sum, done_sq), 4.0);
}

TEST_F(EvaluationForecastTest, ObservedFillsAreTheForecastWithNoSpread) {
  const ObservedFigures observed = all_2026_filled();
  ForecastOptions options;
  options.replications = sanitized() ? 16 : 64;
  options.observed = &observed;
  const ForecastResult result = run_forecast(scenario, options);
  const std::size_t c = cell(kAll, kSum, 2026, CourseKind::Extraordinary, "filled");
  EXPECT_EQ(result.cells.mean(c), 30);
  EXPECT_EQ(result.cells.quantile(c, 0.05), 30);
  EXPECT_EQ(result.cells.quantile(c, 0.95), 30);
  // 2027 is simulated again: it spreads.
  const std::size_t later = cell(kAll, kSum, 2027, CourseKind::Extraordinary, "filled");
  EXPECT_LT(result.cells.quantile(later, 0.05), result.cells.quantile(later, 0.95));
  for (std::size_t k = 0; k < observed.cells.size(); ++k)
    EXPECT_EQ(result.observed_check.mean(observed_check_cell(k, ObservedCheck::PostedDiffers)), 0);
}

TEST_F(EvaluationForecastTest, FilesAreIdenticalAtOneAndTwoThreads) {
  const ObservedFigures observed = all_2026_filled();
  std::string csv[2], json[2];
  for (int threads : {1, 2}) {
    ForecastOptions options;
    options.replications = sanitized() ? 24 : 80;
    options.threads = threads;
    options.seed = 11;
    options.observed = &observed;
    const ForecastResult result = run_forecast(scenario, options);
    const std::vector<ForecastRow> rows = forecast_rows(result);
    std::ostringstream out;
    write_forecast_csv(out, rows);
    csv[threads - 1] = out.str();
    json[threads - 1] = forecast_json(result, rows).dump(2);
  }
  EXPECT_TRUE(csv[0] == csv[1]);
  EXPECT_TRUE(json[0] == json[1]);
}

TEST_F(EvaluationForecastTest, CsvAndJsonCarryTheSameRowsAndNumbers) {
  ForecastOptions options;
  options.replications = sanitized() ? 12 : 30;  // means like 1/30 have many digits
  const ForecastResult result = run_forecast(scenario, options);
  const std::vector<ForecastRow> rows = forecast_rows(result);
  std::ostringstream out;
  write_forecast_csv(out, rows);
  const CsvTable csv = CsvTable::parse(out.str(), "evaluation_forecast.csv");
  const nlohmann::json json = forecast_json(result, rows);
  ASSERT_EQ(csv.rows().size(), json["rows"].size());
  ASSERT_EQ(csv.header(), (std::vector<std::string>{"region", "specialty", "year", "course_kind", "measure",
                                                    "mean", "p05", "p25", "p50", "p75", "p95"}));
  for (std::size_t i = 0; i < csv.rows().size(); ++i) {
    const std::vector<std::string>& f = csv.rows()[i].fields;
    const nlohmann::json& row = json["rows"][i];
    ASSERT_EQ(f[0], row["region"].get<std::string>());
    ASSERT_EQ(f[1], row["specialty"].get<std::string>());
    ASSERT_EQ(f[2], std::to_string(row["year"].get<int>()));
    ASSERT_EQ(f[3], row["course_kind"].get<std::string>());
    ASSERT_EQ(f[4], row["measure"].get<std::string>());
    const char* names[] = {"mean", "p05", "p25", "p50", "p75", "p95"};
    for (std::size_t k = 0; k < 6; ++k) {
      double value = 0;
      std::from_chars(f[5 + k].data(), f[5 + k].data() + f[5 + k].size(), value);
      ASSERT_EQ(value, row[names[k]].get<double>()) << csv.rows()[i].line << " " << names[k];
    }
  }
  EXPECT_EQ(json["through_year"], 2029);
  EXPECT_EQ(json["replications"], options.replications);
  EXPECT_TRUE(json["observed"].is_null());
}

TEST_F(EvaluationForecastTest, AScenarioWithoutTheTrialOrAnEvaluationYearOutsideTheRunIsRefused) {
  const Scenario flex = load_scenario(std::string(FORLOB_SOURCE_DIR) + "/scenarios/flex_scheme.json");
  ForecastOptions options;
  options.replications = 1;
  EXPECT_THROW(run_forecast(flex, options), InputError);
  options.through_year = 2025;
  EXPECT_THROW(run_forecast(scenario, options), InputError);
  options.through_year = 2037;
  EXPECT_THROW(run_forecast(scenario, options), InputError);
}

// Ordinary courses filled in the trial specialties, 2026-2029, summed over regions: its mean.
double ordinary_filled_mean(const ForecastResult& r, const EvaluationLayout& layout, int measure_index) {
  double sum = 0;
  for (int year = 2026; year <= 2029; ++year)
    sum += r.cells.mean(layout.cell(3, 4, year - layout.first_year(), CourseKind::Ordinary, measure_index));
  return sum;
}

TEST_F(EvaluationForecastTest, UnderTheApplicantModelOrdinaryFillsFallWhereExtraordinaryCoursesCrowdThemOut) {
  // Share 0: every extraordinary course that fills takes a pool applicant; share 1: none does. The
  // evaluation then sees fewer ordinary fills in the trial specialties under share 0. Paired
  // replications (same seed); the difference is large against its Monte Carlo error.
  auto run = [&](double share, const ObservedFigures* observed) {
    const Scenario s = load_scenario(
        std::string(FORLOB_SOURCE_DIR) + "/scenarios/extraordinary_trial.json",
        {"/fill/model=\"applicants\"", "/applicants/extraordinary_new_share=" + std::to_string(share)});
    ForecastOptions options;
    options.seed = 11;
    options.replications = sanitized() ? 40 : 200;
    options.observed = observed;
    return run_forecast(s, options);
  };
  const int filled = measure(CourseKind::Ordinary, "filled");
  const ForecastResult crowd = run(0, nullptr), gain = run(1, nullptr);
  const double crowd_out =
      ordinary_filled_mean(gain, layout, filled) - ordinary_filled_mean(crowd, layout, filled);
  const double extraordinary =
      gain.cells.mean(layout.cell(3, 4, 2029 - layout.first_year(), CourseKind::Extraordinary,
                                  measure(CourseKind::Extraordinary, "filled_cumulative")));
  EXPECT_GT(crowd_out, 0.3 * extraordinary) << "share 0 takes a good part of its fills from ordinary courses";
  EXPECT_LE(crowd_out, extraordinary + 5) << "it cannot take more than the extraordinary courses fill";

  // Observed rounds hold under the applicant model too: every 2026 extraordinary course filled.
  const ObservedFigures observed = all_2026_filled();
  const ForecastResult fixed = run(0, &observed);
  EXPECT_EQ(fixed.cells.mean(layout.cell(3, 4, 0, CourseKind::Extraordinary,
                                         measure(CourseKind::Extraordinary, "filled"))),
            30.0);
}

}  // namespace
}  // namespace forlob
