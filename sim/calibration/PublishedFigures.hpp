#pragma once
// The published reference tables in calibration/data/ beside the posting records: flex caps
// (Table 1, R1), dimensioning totals and by specialty, course lengths, the 2026-2030 plan totals
// (R8-R9), fill figures published as rates without counts, and applications per round and region
// of a comparator specialty. Each row carries its source; the
// schemas and consistency rules are in calibration/README.md. Every file is optional (a region
// can calibrate from its posting records alone), but a file that is present is checked in full.
#include <filesystem>
#include <string>
#include <vector>

namespace forlob {

struct FlexCap {
  int line = 0, year = 0;
  std::string region;  // Nord, Syd, Øst, all (Danmark)
  int cap = 0;
  std::string source;
};

struct DimensioningTotal {
  int line = 0, year = 0;
  double main_courses = 0;  // as published, half courses included (924.5)
  int of_which_extraordinary = 0;
  std::string source;
};

struct SpecialtyDimensioning {
  int line = 0, first_year = 0, last_year = 0;
  std::string specialty, region;
  double courses = 0;  // a year
  std::string source;
};

struct CourseLength {
  int line = 0;
  std::string specialty;
  int main_course_months = 0;
  std::string source;
};

struct PlanTotal {
  int line = 0, year = 0;
  std::string region;
  std::string measure;  // ordinary, extraordinary, total
  int courses = 0;
  std::string source;
};

struct FillFigure {
  int line = 0, first_year = 0, last_year = 0;
  std::vector<std::string>
      specialties;  // a figure may cover several ("psykiatri+boerne_og_ungdomspsykiatri")
  std::string region;
  std::string measure;
  double value = 0;
  std::string source;
};

// Applications and posts of one hiring round in one region (anaesthesia, FIGURES.md 1d): a
// well-recruiting comparator for the applicant model. An applicant applying in several regions
// counts once in each.
struct ApplicantCount {
  int line = 0, year = 0;
  std::string round;   // spring, autumn
  std::string region;  // Nord, Syd, Øst
  std::string specialty;
  int applications = 0, posts = 0;
  std::string source;
};

struct PublishedFigures {
  std::vector<std::string> files;  // the files read, as named in messages
  std::vector<FlexCap> flex_caps;
  std::vector<DimensioningTotal> dimensioning_totals;
  std::vector<SpecialtyDimensioning> dimensioning_by_specialty;
  std::vector<CourseLength> course_lengths;
  std::vector<PlanTotal> plan_totals;
  std::vector<FillFigure> fill_figures;
  std::vector<ApplicantCount> applicant_counts;
  std::size_t rows() const;
};

// Reads the files of `dir` that exist (`dir_name` is how messages name the folder).
PublishedFigures read_published_figures(const std::filesystem::path& dir, const std::string& dir_name);

// Each reader on its own, from text (tests) or as part of the above.
std::vector<FlexCap> parse_flex_caps(const std::string& text, const std::string& name);
std::vector<DimensioningTotal> parse_dimensioning_totals(const std::string& text, const std::string& name);
std::vector<SpecialtyDimensioning> parse_dimensioning_by_specialty(const std::string& text,
                                                                   const std::string& name);
std::vector<CourseLength> parse_course_lengths(const std::string& text, const std::string& name);
std::vector<PlanTotal> parse_plan_totals(const std::string& text, const std::string& name);
std::vector<FillFigure> parse_fill_figures(const std::string& text, const std::string& name);
std::vector<ApplicantCount> parse_applicant_counts(const std::string& text, const std::string& name);

}  // namespace forlob
