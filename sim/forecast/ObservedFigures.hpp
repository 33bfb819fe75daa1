#pragma once
// Observed figures of hiring rounds already held, read from a CSV file such as
//   year,round,region,specialty,kind,posted,filled,source
//   2026,spring,Nord,almen_medicin,extraordinary,2,1,published: Region Nordjylland, report 2026
// One row per (year, round, region, specialty, kind). `posted` counts the courses posted in the
// round (each once: re-postings in the round are not counted again; a region's extraordinary
// courses include those it received and those it later handed over), `filled` how many of them were
// filled in the round. The evaluation forecast holds these rounds to the observed fills.
#include <string>
#include <string_view>
#include <vector>

#include "core/Region.hpp"
#include "forecast/CourseKind.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

struct ObservedCell {
  int year = 0;
  int round = 0;  // index into CalendarSpec::rounds
  Region region = Region::Nord;
  int specialty = 0;  // index into Scenario::specialties
  CourseKind kind = CourseKind::Extraordinary;
  int posted = 0;
  int filled = 0;
  std::string source;
  int line = 0;  // where it was read, for messages and the forecast's metadata
};

struct ObservedFigures {
  std::string file;
  std::vector<ObservedCell> cells;  // in file order
};

// Parses and validates `text` read from `file` against the scenario: years of the trial up to
// `through_year`, the scenario's round names, regions and specialties (extraordinary rows only in
// the trial's specialties), whole numbers 0 <= filled <= posted, a source with a tier
// ("published: ", "derived: " or "assumption: "), one row per cell. The file is read as the
// calibration files are (calibration/CsvTable); errors are InputError with "line N, column M (name)".
ObservedFigures parse_observed_figures(std::string_view text, const std::string& file,
                                       const Scenario& scenario, int through_year);

// Reads the file, then parse_observed_figures. Throws InputError when it cannot be read.
ObservedFigures read_observed_figures(const std::string& path, const Scenario& scenario, int through_year);

}  // namespace forlob
