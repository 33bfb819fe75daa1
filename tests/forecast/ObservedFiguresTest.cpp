// Observed figures of rounds already held: what a good file gives, and a one-line error naming the
// line, column and what was expected for every kind of bad file.
#include "forecast/ObservedFigures.hpp"

#include <gtest/gtest.h>

#include "core/Errors.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

const Scenario& shipped_trial() {
  static const Scenario s = load_scenario(testing::kTrialScenario);
  return s;
}

constexpr const char* kObservedHeader = "year,round,region,specialty,kind,posted,filled,source\n";

TEST(ObservedFigures, ReadsCellsInFileOrderWithTheirLines) {
  const ObservedFigures f = parse_observed_figures(
      std::string(kObservedHeader) +
          "2026,spring,Nord,almen_medicin,extraordinary,2,1,\"published: Region Nordjylland, 2026\"\n"
          "2026,autumn,Øst,hospital_other,ordinary,40,38,assumption: illustrative\n",
      "obs.csv", shipped_trial(), 2029);
  ASSERT_EQ(f.cells.size(), 2U);
  EXPECT_EQ(f.file, "obs.csv");
  const ObservedCell& a = f.cells[0];
  EXPECT_EQ(a.year, 2026);
  EXPECT_EQ(a.round, 0);
  EXPECT_EQ(a.region, Region::Nord);
  EXPECT_EQ(shipped_trial().specialties[static_cast<std::size_t>(a.specialty)].id, "almen_medicin");
  EXPECT_EQ(a.kind, CourseKind::Extraordinary);
  EXPECT_EQ(a.posted, 2);
  EXPECT_EQ(a.filled, 1);
  EXPECT_EQ(a.source, "published: Region Nordjylland, 2026");
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(f.cells[1].round, 1);
  EXPECT_EQ(f.cells[1].region, Region::Ost);
  EXPECT_EQ(f.cells[1].kind, CourseKind::Ordinary);
  EXPECT_EQ(f.cells[1].line, 3);
}

TEST(ObservedFigures, ColumnsMayComeInAnyOrder) {
  const ObservedFigures f = parse_observed_figures(
      "source,filled,posted,kind,specialty,region,round,year\n"
      "published: x,0,3,extraordinary,geriatri,Syd,autumn,2027\n",
      "obs.csv", shipped_trial(), 2029);
  ASSERT_EQ(f.cells.size(), 1U);
  EXPECT_EQ(f.cells[0].year, 2027);
  EXPECT_EQ(f.cells[0].posted, 3);
  EXPECT_EQ(f.cells[0].filled, 0);
}

TEST(ObservedFigures, AScenarioWithoutTheTrialIsRefused) {
  const Scenario flex = load_scenario(testing::kFlexScenario);
  EXPECT_THROW(parse_observed_figures(kObservedHeader, "obs.csv", flex, 2029), InputError);
}

// A bad file: its text, and the place and words the message must hold.
struct BadFile {
  const char* name;
  std::string text;
  std::string place;
  std::string says;
};
void PrintTo(const BadFile& b, std::ostream* os) { *os << b.name; }

class ObservedFiguresBad : public ::testing::TestWithParam<BadFile> {};

TEST_P(ObservedFiguresBad, NamesFileLineColumnAndWhatWasExpected) {
  const BadFile& bad = GetParam();
  try {
    parse_observed_figures(bad.text, "obs.csv", shipped_trial(), 2029);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "obs.csv");
    EXPECT_EQ(e.place(), bad.place);
    EXPECT_NE(e.expected().find(bad.says), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "one line";
  }
}

std::string observed_csv(const std::string& r) { return std::string(kObservedHeader) + r + "\n"; }

INSTANTIATE_TEST_SUITE_P(
    Cases, ObservedFiguresBad,
    ::testing::Values(
        BadFile{"empty", "", "line 1", "expected a header"},
        BadFile{"missing_column", "year,round,region,specialty,kind,posted,filled\n", "line 1", "'source'"},
        BadFile{"unknown_column", "year,round,region,specialty,kind,posted,filled,source,note\n",
                "line 1, column 9 (note)", "unknown column 'note'"},
        BadFile{"column_twice", "year,year,round,region,specialty,kind,posted,filled,source\n",
                "line 1, column 2 (year)", "also column 1"},
        BadFile{"too_few_fields", observed_csv("2026,spring,Nord,geriatri,extraordinary,1,1"),
                "line 2, column 8 (source)", "expected 8 fields"},
        BadFile{"filled_above_posted",
                observed_csv("2026,spring,Nord,geriatri,extraordinary,1,2,published: x"),
                "line 2, column 7 (filled)", "at most the courses posted (1)"},
        BadFile{"negative", observed_csv("2026,spring,Nord,geriatri,extraordinary,-1,0,published: x"),
                "line 2, column 6 (posted)", "non-negative"},
        BadFile{"not_a_number", observed_csv("2026,spring,Nord,geriatri,extraordinary,2,1.5,published: x"),
                "line 2, column 7 (filled)", "non-negative integer"},
        BadFile{"unknown_region", observed_csv("2026,spring,Midt,geriatri,extraordinary,1,1,published: x"),
                "line 2, column 3 (region)", "Nord, Syd, Øst"},
        BadFile{"unknown_specialty", observed_csv("2026,spring,Nord,kirurgi,ordinary,1,1,published: x"),
                "line 2, column 4 (specialty)", "got 'kirurgi'"},
        BadFile{"extraordinary_outside_trial_specialties",
                observed_csv("2026,spring,Nord,hospital_other,extraordinary,1,1,published: x"),
                "line 2, column 4 (specialty)", "specialty of the extraordinary trial"},
        BadFile{"unknown_kind", observed_csv("2026,spring,Nord,geriatri,flex,1,1,published: x"),
                "line 2, column 5 (kind)", "extraordinary, ordinary"},
        BadFile{"unknown_round", observed_csv("2026,summer,Nord,geriatri,ordinary,1,1,published: x"),
                "line 2, column 2 (round)", "spring, autumn"},
        BadFile{"after_the_evaluation_year",
                observed_csv("2030,spring,Nord,geriatri,ordinary,1,1,published: x"),
                "line 2, column 1 (year)", "no later than the evaluation year 2029"},
        BadFile{"before_the_trial", observed_csv("2025,spring,Nord,geriatri,ordinary,1,1,published: x"),
                "line 2, column 1 (year)", "year of the trial"},
        BadFile{"source_without_tier", observed_csv("2026,spring,Nord,geriatri,ordinary,1,1,Region Nord"),
                "line 2, column 8 (source)", "a source starting with"},
        BadFile{"duplicate",
                std::string(kObservedHeader) + "2026,spring,Nord,geriatri,ordinary,1,1,published: x\n" +
                    "2026,autumn,Nord,geriatri,ordinary,1,1,published: x\n" +
                    "2026,spring,Nord,geriatri,ordinary,2,1,published: y\n",
                "line 4", "already on line 2"}),
    [](const ::testing::TestParamInfo<BadFile>& param) { return std::string(param.param.name); });

}  // namespace
}  // namespace forlob
