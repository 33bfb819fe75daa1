#include "calibration/Backcast.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace forlob {

namespace {

constexpr int kAllRegions = YearlyLayout::kRegionSlots - 1;

class Simulated {
 public:
  explicit Simulated(const ScenarioResult& r) : r_(r), layout_(r.yearly_layout) {}

  bool has_year(int year) const {
    return year >= layout_.first_year && year < layout_.first_year + layout_.years;
  }
  int specialty(const std::string& id) const {
    for (int s = 0; s < layout_.specialties; ++s)
      if (r_.scenario->specialties[static_cast<std::size_t>(s)].id == id) return s;
    return -1;
  }
  CellSummary cell(int year, int region_slot, int specialty_slot, Metric m) const {
    return r_.yearly.summary(layout_.cell(year - layout_.first_year, region_slot, specialty_slot, m));
  }
  int all_specialties() const { return layout_.specialties; }

 private:
  const ScenarioResult& r_;
  const YearlyLayout& layout_;
};

int region_slot(const std::string& region) {
  for (Region r : kRegions)
    if (region_name(r) == region) return index(r);
  return kAllRegions;
}

BackcastRow row(int year, const std::string& region, const std::string& specialty, const std::string& figure,
                const CellSummary& s) {
  BackcastRow b;
  b.year = year;
  b.region = region;
  b.specialty = specialty;
  b.figure = figure;
  b.mean = s.mean;
  b.p05 = s.p05;
  b.p95 = s.p95;
  return b;
}

}  // namespace

std::vector<BackcastRow> backcast(const ScenarioResult& result, const PublishedFigures& figures,
                                  const PostingRecords& records, int first_year, int last_year) {
  const Simulated sim(result);
  std::vector<BackcastRow> rows;
  const auto in_range = [&](int y) { return y >= first_year && y <= last_year && sim.has_year(y); };

  // Flex: the caps are published (R1); how many courses were converted is not (docs/MODEL.md).
  std::map<std::pair<int, std::string>, const FlexCap*> caps;
  for (const FlexCap& c : figures.flex_caps) caps[{c.year, c.region}] = &c;
  for (int y = first_year; y <= last_year; ++y) {
    if (!in_range(y)) continue;
    for (const std::string region : {"Nord", "Syd", "Øst", "all"}) {
      const auto it = caps.find({y, region});
      if (it == caps.end()) continue;
      BackcastRow cap = row(y, region, "all", "flex courses converted (flex_out) within the cap",
                            sim.cell(y, region_slot(region), sim.all_specialties(), Metric::FlexOut));
      cap.published = it->second->cap;
      cap.source = it->second->source + "; the number actually converted is not public (docs/MODEL.md)";
      cap.relation = "at most";
      rows.push_back(cap);
    }
  }

  // Courses posted: the dimensioning is published for some years; all postings (with re-postings,
  // carried-over and flex courses) are not.
  std::map<int, const DimensioningTotal*> totals;
  for (const DimensioningTotal& t : figures.dimensioning_totals) totals[t.year] = &t;
  for (int y = first_year; y <= last_year; ++y) {
    if (!in_range(y)) continue;
    BackcastRow ordinary = row(y, "all", "all", "ordinary courses posted (dimensioning)",
                               sim.cell(y, kAllRegions, sim.all_specialties(), Metric::OrdinaryPosted));
    const auto it = totals.find(y);
    if (it != totals.end()) {
      ordinary.published = it->second->main_courses - it->second->of_which_extraordinary;
      ordinary.source = it->second->source;
      ordinary.relation = "equal (half courses rounded)";
    } else {
      ordinary.source = "no public total for this year; the scenario's figure is used (see forlob params)";
    }
    rows.push_back(ordinary);
    BackcastRow all = row(y, "all", "all", "all postings (with re-postings, carried over, flex)",
                          sim.cell(y, kAllRegions, sim.all_specialties(), Metric::Posted));
    all.source = "not public: no published count of re-postings or of all postings (docs/MODEL.md)";
    rows.push_back(all);
    BackcastRow filled = row(y, "all", "all", "courses filled",
                             sim.cell(y, kAllRegions, sim.all_specialties(), Metric::Filled));
    filled.source = "not public for all specialties (docs/MODEL.md)";
    rows.push_back(filled);
  }

  // Published posted and filled counts (posting records) in the simulated years.
  for (const PostingRecord& r : records.records) {
    if (!in_range(r.year) || !r.area.empty() || r.kind != "all" || r.round != "all") continue;
    const int s = sim.specialty(r.specialty);
    if (s < 0) continue;
    const int region = region_slot(r.region);
    BackcastRow posted = row(r.year, r.region, r.specialty, "courses posted (all postings)",
                             sim.cell(r.year, region, s, Metric::Posted));
    posted.published = r.posted;
    posted.source = r.source;
    posted.relation = "compare";
    rows.push_back(posted);
    BackcastRow filled =
        row(r.year, r.region, r.specialty, "courses filled", sim.cell(r.year, region, s, Metric::Filled));
    filled.published = r.filled;
    filled.source = r.source;
    filled.relation = "compare";
    rows.push_back(filled);
    // The one definition of a fill rate: filled ÷ courses offered, each once per round.
    const double offered = sim.cell(r.year, region, s, Metric::OrdinaryOffered).mean;
    if (offered > 0 && r.posted > 0) {
      BackcastRow rate;
      rate.year = r.year;
      rate.region = r.region;
      rate.specialty = r.specialty;
      rate.figure = "fill rate: filled / offered (ratio of means)";
      rate.mean = rate.p05 = rate.p95 = filled.mean / offered;
      rate.interval = false;
      rate.published = static_cast<double>(r.filled) / r.posted;
      rate.source = r.source;
      rate.relation = "compare";
      rows.push_back(rate);
    }
  }

  // Shares filled of the dimensioned courses, published as rates over several years.
  for (const FillFigure& f : figures.fill_figures) {
    const bool of_offered = f.measure == "filled_share_of_offered";
    if (f.measure != "filled_share_of_dimensioned" && !of_offered) continue;
    // Only a figure the simulation covers whole: every year simulated, every specialty known.
    if (!in_range(f.first_year) || !in_range(f.last_year) ||
        std::any_of(f.specialties.begin(), f.specialties.end(),
                    [&](const std::string& id) { return sim.specialty(id) < 0; }))
      continue;
    double filled = 0, dimensioned = 0;
    for (int y = f.first_year; y <= f.last_year; ++y)
      for (const std::string& id : f.specialties) {
        const int s = sim.specialty(id);
        filled += sim.cell(y, region_slot(f.region), s, Metric::Filled).mean;
        dimensioned += sim.cell(y, region_slot(f.region), s,
                                of_offered ? Metric::OrdinaryOffered : Metric::OrdinaryPosted)
                           .mean;
      }
    if (dimensioned <= 0) continue;
    std::string ids;
    for (const std::string& id : f.specialties) ids += (ids.empty() ? "" : "+") + id;
    BackcastRow share;
    share.year = f.last_year;
    share.region = f.region;
    share.specialty = ids;
    share.figure =
        std::string(of_offered ? "fill rate: filled / offered " : "share of dimensioned courses filled ") +
        std::to_string(f.first_year) + "-" + std::to_string(f.last_year) + " (ratio of means)";
    share.mean = share.p05 = share.p95 = filled / dimensioned;
    share.interval = false;
    share.published = f.value;
    share.source = f.source;
    share.relation = "compare";
    rows.push_back(share);
  }
  return rows;
}

}  // namespace forlob
