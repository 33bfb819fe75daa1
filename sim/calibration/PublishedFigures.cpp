#include "calibration/PublishedFigures.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "calibration/CsvTable.hpp"
#include "calibration/PostingRecords.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

constexpr int kMaxCourses = 100'000;

int year_of(const CsvTable& t, const CsvRow& row, const char* column) {
  return t.field(row, column).integer(kFirstRecordYear, kLastRecordYear);
}

std::string region_of(const CsvTable& t, const CsvRow& row) {
  return t.field(row, "region").choice({"Nord", "Syd", "Øst", "all"});
}

// Where the national row and the three regional rows of a group are all present, the national
// value must be their sum.
struct RegionSum {
  std::map<std::string, std::pair<double, int>> by_region;  // region -> value, row index
};

template <class Key>
void check_region_sums(const CsvTable& t, const std::map<Key, RegionSum>& groups, const char* column) {
  for (const auto& [key, g] : groups) {
    if (g.by_region.size() != 4) continue;
    double sum = 0;
    std::vector<int> lines;
    for (const char* r : {"Nord", "Syd", "Øst"}) {
      sum += g.by_region.at(r).first;
      lines.push_back(t.rows()[static_cast<std::size_t>(g.by_region.at(r).second)].line);
    }
    const auto& [national, row] = g.by_region.at("all");
    if (std::fabs(national - sum) > 1e-9)
      t.field(t.rows()[static_cast<std::size_t>(row)], column)
          .fail("expected the sum of Nord, Syd and Øst (lines " + number_ranges(lines) + "), " +
                format_trimmed(sum, 6) + ", got " + format_trimmed(national, 6));
  }
}

std::vector<FlexCap> convert_flex_caps(const CsvTable& t) {
  t.require_columns({"year", "region", "cap", "source"});
  std::vector<FlexCap> out;
  std::map<std::pair<int, std::string>, int> seen;
  std::map<int, RegionSum> sums;
  for (std::size_t i = 0; i < t.rows().size(); ++i) {
    const CsvRow& row = t.rows()[i];
    FlexCap c;
    c.line = row.line;
    c.year = year_of(t, row, "year");
    c.region = region_of(t, row);
    c.cap = t.field(row, "cap").integer(0, kMaxCourses);
    c.source = t.field(row, "source").source();
    if (const auto [it, fresh] = seen.emplace(std::pair{c.year, c.region}, c.line); !fresh)
      t.field(row, "year")
          .fail("expected one row per year and region; line " + std::to_string(it->second) + " has the same");
    sums[c.year].by_region[c.region] = {c.cap, static_cast<int>(i)};
    out.push_back(std::move(c));
  }
  check_region_sums(t, sums, "cap");
  return out;
}

std::vector<DimensioningTotal> convert_dimensioning_totals(const CsvTable& t) {
  t.require_columns({"year", "main_courses", "of_which_extraordinary", "source"});
  std::vector<DimensioningTotal> out;
  std::map<int, int> seen;
  for (const CsvRow& row : t.rows()) {
    DimensioningTotal d;
    d.line = row.line;
    d.year = year_of(t, row, "year");
    d.main_courses = t.field(row, "main_courses").number(0, kMaxCourses);
    const CsvField extra = t.field(row, "of_which_extraordinary");
    d.of_which_extraordinary = extra.integer(0, kMaxCourses);
    if (d.of_which_extraordinary > d.main_courses)
      extra.expected("at most main_courses (" + format_trimmed(d.main_courses, 3) + ")");
    d.source = t.field(row, "source").source();
    if (const auto [it, fresh] = seen.emplace(d.year, d.line); !fresh)
      t.field(row, "year")
          .fail("expected one row per year; line " + std::to_string(it->second) + " has the same");
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<SpecialtyDimensioning> convert_dimensioning_by_specialty(const CsvTable& t) {
  t.require_columns({"first_year", "last_year", "specialty", "region", "courses", "source"});
  std::vector<SpecialtyDimensioning> out;
  std::map<std::tuple<int, int, std::string>, RegionSum> sums;
  for (std::size_t i = 0; i < t.rows().size(); ++i) {
    const CsvRow& row = t.rows()[i];
    SpecialtyDimensioning d;
    d.line = row.line;
    d.first_year = year_of(t, row, "first_year");
    const CsvField last = t.field(row, "last_year");
    d.last_year = last.integer(d.first_year, kLastRecordYear);
    d.specialty = t.field(row, "specialty").id();
    d.region = region_of(t, row);
    d.courses = t.field(row, "courses").number(0, kMaxCourses);
    d.source = t.field(row, "source").source();
    for (const SpecialtyDimensioning& e : out)
      if (e.specialty == d.specialty && e.region == d.region && e.first_year <= d.last_year &&
          d.first_year <= e.last_year)
        t.field(row, "first_year")
            .fail("expected year ranges of one specialty and region not to overlap; line " +
                  std::to_string(e.line) + " covers " + std::to_string(e.first_year) + "-" +
                  std::to_string(e.last_year));
    sums[{d.first_year, d.last_year, d.specialty}].by_region[d.region] = {d.courses, static_cast<int>(i)};
    out.push_back(std::move(d));
  }
  check_region_sums(t, sums, "courses");
  return out;
}

std::vector<CourseLength> convert_course_lengths(const CsvTable& t) {
  t.require_columns({"specialty", "main_course_months", "source"});
  std::vector<CourseLength> out;
  std::map<std::string, int> seen;
  for (const CsvRow& row : t.rows()) {
    CourseLength c;
    c.line = row.line;
    c.specialty = t.field(row, "specialty").id();
    c.main_course_months = t.field(row, "main_course_months").integer(1, 120);
    c.source = t.field(row, "source").source();
    if (const auto [it, fresh] = seen.emplace(c.specialty, c.line); !fresh)
      t.field(row, "specialty")
          .fail("expected one row per specialty; line " + std::to_string(it->second) + " has the same");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<PlanTotal> convert_plan_totals(const CsvTable& t) {
  t.require_columns({"year", "region", "measure", "courses", "source"});
  std::vector<PlanTotal> out;
  std::map<std::tuple<int, std::string, std::string>, int> seen;
  std::map<std::pair<int, std::string>, std::map<std::string, std::size_t>> by_measure;  // year, region
  std::map<std::pair<int, std::string>, RegionSum> sums;                                 // year, measure
  for (std::size_t i = 0; i < t.rows().size(); ++i) {
    const CsvRow& row = t.rows()[i];
    PlanTotal p;
    p.line = row.line;
    p.year = year_of(t, row, "year");
    p.region = region_of(t, row);
    p.measure = t.field(row, "measure").choice({"ordinary", "extraordinary", "total"});
    p.courses = t.field(row, "courses").integer(0, kMaxCourses);
    p.source = t.field(row, "source").source();
    if (const auto [it, fresh] = seen.emplace(std::tuple{p.year, p.region, p.measure}, p.line); !fresh)
      t.field(row, "year")
          .fail("expected one row per year, region and measure; line " + std::to_string(it->second) +
                " has the same");
    by_measure[{p.year, p.region}][p.measure] = i;
    sums[{p.year, p.measure}].by_region[p.region] = {p.courses, static_cast<int>(i)};
    out.push_back(std::move(p));
  }
  for (const auto& [key, m] : by_measure) {
    if (m.size() != 3) continue;
    const PlanTotal& total = out[m.at("total")];
    const PlanTotal& ordinary = out[m.at("ordinary")];
    const PlanTotal& extra = out[m.at("extraordinary")];
    if (total.courses != ordinary.courses + extra.courses)
      t.field(t.rows()[m.at("total")], "courses")
          .fail("expected ordinary + extraordinary (lines " + number_ranges({ordinary.line, extra.line}) +
                "), " + std::to_string(ordinary.courses + extra.courses) + ", got " +
                std::to_string(total.courses));
  }
  check_region_sums(t, sums, "courses");
  return out;
}

std::vector<FillFigure> convert_fill_figures(const CsvTable& t) {
  t.require_columns({"first_year", "last_year", "specialties", "region", "measure", "value", "source"});
  std::vector<FillFigure> out;
  for (const CsvRow& row : t.rows()) {
    FillFigure f;
    f.line = row.line;
    f.first_year = year_of(t, row, "first_year");
    f.last_year = t.field(row, "last_year").integer(f.first_year, kLastRecordYear);
    const CsvField specialties = t.field(row, "specialties");
    const std::string& text = specialties.text();
    std::size_t start = 0;
    while (true) {
      const std::size_t plus = text.find('+', start);
      const std::string id = text.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
      if (!is_specialty_id(id))
        specialties.expected("specialty ids joined by '+' (e.g. psykiatri+boerne_og_ungdomspsykiatri)");
      f.specialties.push_back(id);
      if (plus == std::string::npos) break;
      start = plus + 1;
    }
    f.region = region_of(t, row);
    f.measure = t.field(row, "measure").id();
    f.value = t.field(row, "value").number(0, 1);
    f.source = t.field(row, "source").source();
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<ApplicantCount> convert_applicant_counts(const CsvTable& t) {
  t.require_columns({"year", "round", "region", "specialty", "applications", "posts", "source"});
  std::vector<ApplicantCount> out;
  std::map<std::tuple<int, std::string, std::string, std::string>, int> seen;
  for (const CsvRow& row : t.rows()) {
    ApplicantCount a;
    a.line = row.line;
    a.year = year_of(t, row, "year");
    a.round = t.field(row, "round").choice({"spring", "autumn"});
    a.region = t.field(row, "region").choice({"Nord", "Syd", "Øst"});
    a.specialty = t.field(row, "specialty").id();
    a.applications = t.field(row, "applications").integer(0, kMaxCourses);
    a.posts = t.field(row, "posts").integer(0, kMaxCourses);
    a.source = t.field(row, "source").source();
    if (const auto [it, fresh] = seen.emplace(std::tuple{a.year, a.round, a.region, a.specialty}, a.line);
        !fresh)
      t.field(row, "year")
          .fail("expected one row per year, round, region and specialty; line " + std::to_string(it->second) +
                " has the same");
    out.push_back(std::move(a));
  }
  return out;
}

template <class Convert>
auto read_if_present(const std::filesystem::path& dir, const std::string& dir_name, const char* file,
                     std::vector<std::string>& files, Convert convert) -> decltype(convert(CsvTable())) {
  const std::filesystem::path path = dir / file;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  const std::string name = (std::filesystem::path(dir_name) / file).string();
  files.push_back(name);
  return convert(CsvTable::read(path, name));
}

}  // namespace

std::size_t PublishedFigures::rows() const {
  return flex_caps.size() + dimensioning_totals.size() + dimensioning_by_specialty.size() +
         course_lengths.size() + plan_totals.size() + fill_figures.size() + applicant_counts.size();
}

PublishedFigures read_published_figures(const std::filesystem::path& dir, const std::string& dir_name) {
  PublishedFigures p;
  p.flex_caps = read_if_present(dir, dir_name, "flex_caps.csv", p.files, convert_flex_caps);
  p.dimensioning_totals =
      read_if_present(dir, dir_name, "dimensioning_totals.csv", p.files, convert_dimensioning_totals);
  p.dimensioning_by_specialty = read_if_present(dir, dir_name, "dimensioning_by_specialty.csv", p.files,
                                                convert_dimensioning_by_specialty);
  p.course_lengths = read_if_present(dir, dir_name, "course_lengths.csv", p.files, convert_course_lengths);
  p.plan_totals = read_if_present(dir, dir_name, "plan_totals.csv", p.files, convert_plan_totals);
  p.fill_figures = read_if_present(dir, dir_name, "fill_figures.csv", p.files, convert_fill_figures);
  p.applicant_counts =
      read_if_present(dir, dir_name, "applicant_counts.csv", p.files, convert_applicant_counts);
  return p;
}

std::vector<FlexCap> parse_flex_caps(const std::string& text, const std::string& name) {
  return convert_flex_caps(CsvTable::parse(text, name));
}
std::vector<DimensioningTotal> parse_dimensioning_totals(const std::string& text, const std::string& name) {
  return convert_dimensioning_totals(CsvTable::parse(text, name));
}
std::vector<SpecialtyDimensioning> parse_dimensioning_by_specialty(const std::string& text,
                                                                   const std::string& name) {
  return convert_dimensioning_by_specialty(CsvTable::parse(text, name));
}
std::vector<CourseLength> parse_course_lengths(const std::string& text, const std::string& name) {
  return convert_course_lengths(CsvTable::parse(text, name));
}
std::vector<PlanTotal> parse_plan_totals(const std::string& text, const std::string& name) {
  return convert_plan_totals(CsvTable::parse(text, name));
}
std::vector<FillFigure> parse_fill_figures(const std::string& text, const std::string& name) {
  return convert_fill_figures(CsvTable::parse(text, name));
}
std::vector<ApplicantCount> parse_applicant_counts(const std::string& text, const std::string& name) {
  return convert_applicant_counts(CsvTable::parse(text, name));
}

}  // namespace forlob
