#include "scenario/ScenarioLoader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

#include "core/Errors.hpp"
#include "core/LargestRemainder.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/LayerChecks.hpp"
#include "scenario/ScenarioBounds.hpp"
#include "scenario/ScenarioDocument.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

constexpr double kSumTolerance = 1e-9;
const std::vector<std::string> kSourcePrefixes{
    "published: ", "derived: ", "calibrated: ", "assumption: ", "override: "};
constexpr const char* kOverrideSource = "override: --set";

std::string format_number(double x) { return describe_value(Json(x)); }

std::string year_range(int first, int last) { return std::to_string(first) + ".." + std::to_string(last); }

// ---- validation and conversion ----

class ScenarioBuilder {
 public:
  ScenarioBuilder(const Json& doc, FileNamer namer, std::vector<std::string> overridden)
      : doc_(doc), namer_(namer), root_(doc, std::move(namer)), overridden_(std::move(overridden)) {}

  Scenario build();

 private:
  void read_calendar(const JsonReader& c);
  void read_specialties(const JsonReader& a);
  void read_dimensioning(const JsonReader& d);
  void read_fill(const JsonReader& f);
  void read_fill_scale(const JsonReader& scale);
  void read_fill_cells(const JsonReader& cells);
  void read_unfilled(const JsonReader& u);
  ApplicantSpec read_applicants(const JsonReader& a) const;
  void check_fill_model() const;
  FlexSpec read_flex(const JsonReader& f) const;
  FlexTargetRule read_flex_target(const JsonReader& t) const;
  ExtraordinarySpec read_extraordinary(const JsonReader& e) const;
  void read_capacity(const JsonReader& c, ExtraordinarySpec& x) const;
  StockSpec read_stock(const JsonReader& st) const;
  void read_anchors(const JsonReader& a, ExtraordinarySpec& x) const;
  void read_sources(const JsonReader& src);
  void check_provenance(const Json& value, const std::string& pointer) const;
  bool overridden(const std::string& pointer) const;

  int specialty(const JsonReader& value) const;
  int specialty_key(const JsonReader& member) const;
  std::vector<std::optional<JsonReader>> by_specialty(const JsonReader& object, bool require_all) const;
  std::string specialty_list() const;
  std::string specialty_id(int s) const { return s_.specialties[static_cast<std::size_t>(s)].id; }

  const Json& doc_;
  FileNamer namer_;
  JsonReader root_;
  std::vector<std::string> overridden_;
  Scenario s_;
};

Scenario ScenarioBuilder::build() {
  root_.object({"name", "description", "extends", "calendar", "specialties", "dimensioning", "fill",
                "unfilled", "flex", "extraordinary", "applicants", "stock", "sources"});
  const JsonReader name = root_.at("name");
  s_.name = name.non_empty_string();
  const bool name_ok = std::all_of(s_.name.begin(), s_.name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  if (!name_ok) name.expected("a name of letters, digits, '_' and '-' (it names the output directory)");
  if (auto d = root_.find("description")) s_.description = d->string();

  read_calendar(root_.at("calendar"));
  read_specialties(root_.at("specialties"));
  read_dimensioning(root_.at("dimensioning"));
  read_fill(root_.at("fill"));
  read_unfilled(root_.at("unfilled"));
  if (auto f = root_.find("flex")) s_.flex = read_flex(*f);
  if (auto e = root_.find("extraordinary")) s_.extraordinary = read_extraordinary(*e);
  if (auto a = root_.find("applicants")) s_.applicants = read_applicants(*a);
  if (auto st = root_.find("stock")) s_.stock = read_stock(*st);
  check_fill_model();
  if (auto src = root_.find("sources")) read_sources(*src);
  check_provenance(doc_, "");
  for (const std::string& p : overridden_) s_.sources[p] = kOverrideSource;
  return std::move(s_);
}

void ScenarioBuilder::read_calendar(const JsonReader& c) {
  c.object({"warmup_start_year", "start_year", "end_year", "followup_end_year", "post_trial", "rounds"});
  CalendarSpec& cal = s_.calendar;
  cal.warmup_start_year = c.at("warmup_start_year").year(1990, 2100);
  cal.start_year = c.at("start_year").year(1990, 2100);
  cal.end_year = c.at("end_year").year(1990, 2100);
  cal.followup_end_year = c.at("followup_end_year").year(1990, 2100);
  // Reported at /calendar: either year of a pair out of order may be the wrong one.
  const std::array<std::pair<const char*, int>, 4> years{{{"warmup_start_year", cal.warmup_start_year},
                                                          {"start_year", cal.start_year},
                                                          {"end_year", cal.end_year},
                                                          {"followup_end_year", cal.followup_end_year}}};
  for (std::size_t i = 1; i < years.size(); ++i)
    if (years[i].second < years[i - 1].second)
      c.fail("expected warmup_start_year <= start_year <= end_year <= followup_end_year, got " +
             std::string(years[i - 1].first) + " " + std::to_string(years[i - 1].second) + " > " +
             years[i].first + " " + std::to_string(years[i].second));
  // The post-trial rule: hiring continues after end_year (the plan's last year) until hiring_until.
  if (auto post = c.find("post_trial")) {
    post->object({"rule", "hiring_until"});
    post->at("rule").choice({"last_plan_year"});
    const int until = post->at("hiring_until").year(cal.end_year, cal.followup_end_year);
    cal.post_trial_years = until - cal.end_year;
    cal.end_year = until;
  }

  const JsonReader rounds = c.at("rounds");
  cal.rounds.clear();
  double share_sum = 0;
  for (const JsonReader& r : rounds.array(1, 4)) {
    r.object({"name", "month", "share", "carries_to_next"});
    RoundSpec spec;
    const JsonReader name = r.at("name");
    spec.name = name.non_empty_string();
    for (const RoundSpec& earlier : cal.rounds)
      if (earlier.name == spec.name) name.fail("duplicate round name '" + spec.name + "'");
    const JsonReader month = r.at("month");
    spec.month = month.integer(1, 12);
    if (!cal.rounds.empty() && spec.month <= cal.rounds.back().month)
      month.expected("a month in " + year_range(cal.rounds.back().month + 1, 12) +
                     " (rounds in calendar order, after the previous round's month)");
    spec.share = r.at("share").probability();
    share_sum += spec.share;
    if (auto carries = r.find("carries_to_next")) spec.carries_to_next = carries->boolean();
    cal.rounds.push_back(spec);
  }
  if (std::fabs(share_sum - 1.0) > kSumTolerance)
    rounds.fail("expected round shares summing to 1, got " + format_number(share_sum));
}

void ScenarioBuilder::read_specialties(const JsonReader& a) {
  for (const JsonReader& item : a.array(1)) {
    item.object({"id", "name", "trial", "group", "anchor", "course_months", "delay", "dropout_per_year"});
    SpecialtySpec sp;
    const JsonReader id = item.at("id");
    sp.id = id.non_empty_string();
    if (!is_specialty_id(sp.id)) id.expected("an id of a-z, 0-9 and '_'");
    for (const SpecialtySpec& earlier : s_.specialties)
      if (earlier.id == sp.id) id.fail("duplicate specialty id '" + sp.id + "'");
    sp.name = item.at("name").non_empty_string();
    if (auto t = item.find("trial")) sp.trial = t->boolean();
    if (auto g = item.find("group")) sp.group = g->boolean();
    if (auto anchor = item.find("anchor"))
      sp.hospital_anchor = anchor->choice({"hospital", "municipality"}) == "hospital";
    sp.course_months = item.at("course_months").integer(1, 240);
    const JsonReader delay = item.at("delay");
    delay.object({"probability", "mean_months", "shape"});
    sp.delay_probability = delay.at("probability").probability();
    sp.delay_mean_months = delay.at("mean_months").non_negative_number();
    sp.delay_shape = delay.at("shape").positive_number();
    const JsonReader dropout = item.at("dropout_per_year");
    sp.dropout_per_year = dropout.number(0, 1, "a yearly probability in [0, 1)");
    if (sp.dropout_per_year >= 1) dropout.expected("a yearly probability in [0, 1)");
    s_.specialties.push_back(sp);
  }
}

void ScenarioBuilder::read_dimensioning(const JsonReader& d) {
  d.object({"national_total", "fixed", "remainder"});
  const int first = s_.calendar.warmup_start_year, last = s_.calendar.plan_end_year();
  const auto years = static_cast<std::size_t>(last - first + 1);
  const auto specialties = static_cast<std::size_t>(s_.specialty_count());
  const auto slot = [first](int y) { return static_cast<std::size_t>(y - first); };

  const JsonReader national = d.at("national_total");
  std::vector<std::optional<int>> totals(years);
  for (const JsonReader& m : national.members())
    totals[slot(m.year_key(first, last, "national_total for a year without hiring rounds"))] = m.count();
  for (int y = first; y <= last; ++y)
    if (!totals[slot(y)])
      national.fail("missing year " + std::to_string(y) + "; expected every year " + year_range(first, last) +
                    " (warmup_start_year..end_year)");

  // Fixed courses per specialty, year and region.
  std::vector<std::optional<std::vector<std::array<int, kRegionCount>>>> fixed(specialties);
  if (auto f = d.find("fixed")) {
    for (const JsonReader& m : f->members()) {
      const auto s = static_cast<std::size_t>(specialty_key(m));
      std::vector<std::array<int, kRegionCount>> per_year(years, {0, 0, 0});
      std::vector<bool> covered(years, false);
      for (const JsonReader& period : m.array(1)) {
        period.object({"from", "to", "Nord", "Syd", "Øst"});
        const int from = period.at("from").year(first, last);
        const JsonReader to_reader = period.at("to");
        const int to = to_reader.year(first, last);
        if (to < from) to_reader.expected("a year in " + year_range(from, last) + " (not before from)");
        std::array<int, kRegionCount> courses{};
        for (Region r : kRegions)
          courses[static_cast<std::size_t>(index(r))] = period.at(region_name(r)).count();
        for (int y = from; y <= to; ++y) {
          if (covered[slot(y)])
            period.fail("period " + year_range(from, to) + " overlaps an earlier period in " +
                        std::to_string(y));
          covered[slot(y)] = true;
          per_year[slot(y)] = courses;
        }
      }
      std::vector<std::string> missing;
      for (int y = first; y <= last; ++y)
        if (!covered[slot(y)]) missing.push_back(std::to_string(y));
      if (!missing.empty())
        m.fail("periods do not cover " + join(missing) + "; expected every year " + year_range(first, last) +
               " exactly once");
      fixed[s] = std::move(per_year);
    }
  }

  // Remainder shares; cells in specialty order, then region order.
  std::vector<std::optional<std::array<double, kRegionCount>>> shares(specialties);
  std::optional<JsonReader> remainder = d.find("remainder");
  if (remainder) {
    for (const JsonReader& m : remainder->members()) {
      const auto s = static_cast<std::size_t>(specialty_key(m));
      if (fixed[s])
        m.fail("specialty '" + m.key() +
               "' is in /dimensioning/fixed too; expected each specialty in exactly one");
      std::array<double, kRegionCount> row{};
      const std::vector<JsonReader> regions = m.regions();
      for (Region r : kRegions) {
        const auto ri = static_cast<std::size_t>(index(r));
        row[ri] = regions[ri].non_negative_number();
      }
      shares[s] = row;
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> cells;
  std::vector<double> cell_shares;
  for (std::size_t s = 0; s < specialties; ++s) {
    if (!fixed[s] && !shares[s])
      d.fail("specialty '" + s_.specialties[s].id +
             "' is in neither /dimensioning/fixed nor /dimensioning/remainder; expected it in exactly one");
    if (shares[s])
      for (std::size_t r = 0; r < kRegionCount; ++r) {
        cells.emplace_back(s, r);
        cell_shares.push_back((*shares[s])[r]);
      }
  }
  if (!cells.empty()) {
    const double sum = std::accumulate(cell_shares.begin(), cell_shares.end(), 0.0);
    if (std::fabs(sum - 1.0) > kSumTolerance)
      remainder->fail("expected shares summing to 1 over all its specialties and regions, got " +
                      format_number(sum));
  }

  s_.courses.assign(years, std::vector<std::array<int, kRegionCount>>(specialties, {0, 0, 0}));
  for (int y = first; y <= last; ++y) {
    auto& year = s_.courses[slot(y)];
    int fixed_sum = 0;
    for (std::size_t s = 0; s < specialties; ++s)
      if (fixed[s]) {
        year[s] = (*fixed[s])[slot(y)];
        for (int c : year[s]) fixed_sum += c;
      }
    const int total = *totals[slot(y)];
    const int rest = total - fixed_sum;
    const JsonReader at_year = national.at(std::to_string(y));
    if (rest < 0)
      at_year.fail("expected at least the sum of the fixed courses, " + std::to_string(fixed_sum) + ", got " +
                   std::to_string(total));
    if (cells.empty()) {
      if (rest > 0)
        at_year.fail("expected the sum of the fixed courses, " + std::to_string(fixed_sum) +
                     " (no specialty takes a remainder), got " + std::to_string(total));
      continue;
    }
    // Hamilton split, ties to the earlier cell (specialty order, then Nord, Syd, Øst).
    const std::vector<int> split = largest_remainder(rest, cell_shares);
    for (std::size_t c = 0; c < cells.size(); ++c) year[cells[c].first][cells[c].second] = split[c];
  }
  // Post-trial years (rule last_plan_year): the last plan year's courses, cell by cell.
  for (int y = last + 1; y <= s_.calendar.end_year; ++y) s_.courses.push_back(s_.courses.back());
}

void ScenarioBuilder::read_fill(const JsonReader& f) {
  f.object({"model", "concentration", "year_concentration", "mean", "cells", "fitted", "kind_multiplier",
            "repost_multiplier", "scale"});
  if (auto model = f.find("model"))
    s_.fill.model = model->choice({"independent", "applicants"}) == "applicants" ? FillModelKind::Applicants
                                                                                 : FillModelKind::Independent;
  s_.fill.concentration = f.at("concentration").non_negative_number();
  if (auto y = f.find("year_concentration")) s_.fill.year_concentration = y->non_negative_number();
  if (auto fitted = f.find("fitted")) s_.fill.fitted_file = fitted->non_empty_string();
  const auto means = by_specialty(f.at("mean"), /*require_all=*/true);
  s_.fill.mean.assign(means.size(), {0, 0, 0});
  for (std::size_t s = 0; s < means.size(); ++s) {
    const std::vector<JsonReader> regions = means[s]->regions();
    for (std::size_t r = 0; r < kRegionCount; ++r) s_.fill.mean[s][r] = regions[r].probability();
  }
  const JsonReader kind = f.at("kind_multiplier");
  kind.object({"ordinary", "carried_over", "flex", "extraordinary"});
  const std::array<std::pair<PostingKind, const char*>, kPostingKindCount> kinds{{
      {PostingKind::Ordinary, "ordinary"},
      {PostingKind::CarriedOver, "carried_over"},
      {PostingKind::Flex, "flex"},
      {PostingKind::Extraordinary, "extraordinary"},
  }};
  for (const auto& [k, key] : kinds)
    s_.fill.kind_multiplier[static_cast<std::size_t>(k)] = kind.at(key).non_negative_number();
  s_.fill.repost_multiplier = f.at("repost_multiplier").non_negative_number();
  if (auto scale = f.find("scale")) read_fill_scale(*scale);
  if (auto cells = f.find("cells")) read_fill_cells(*cells);
}

// Per-cell values (a calibration's fit, see /fill/fitted) in place of /fill/mean and the scalar
// concentrations: {ID: {REGION: {"mean", "concentration", "year_concentration"}}}, each optional.
void ScenarioBuilder::read_fill_cells(const JsonReader& cells) {
  FillSpec& fill = s_.fill;
  const auto specialties = static_cast<std::size_t>(s_.specialty_count());
  fill.cell_concentration.assign(specialties, {fill.concentration, fill.concentration, fill.concentration});
  const double k = fill.year_concentration;
  fill.cell_year_concentration.assign(specialties, {k, k, k});
  const auto per_specialty = by_specialty(cells, /*require_all=*/false);
  for (std::size_t s = 0; s < specialties; ++s) {
    if (!per_specialty[s]) continue;
    per_specialty[s]->any_object();
    for (const JsonReader& m : per_specialty[s]->members()) {
      const auto r = static_cast<std::size_t>(index(m.region_key()));
      m.object({"mean", "concentration", "year_concentration"});
      if (auto mean = m.find("mean")) fill.mean[s][r] = mean->probability();
      if (auto c = m.find("concentration")) fill.cell_concentration[s][r] = c->non_negative_number();
      if (auto y = m.find("year_concentration"))
        fill.cell_year_concentration[s][r] = y->non_negative_number();
    }
  }
}

// Multipliers on fill probabilities, each optional (default 1): the handles that sensitivity
// analysis turns (overall, by specialty, by region).
void ScenarioBuilder::read_fill_scale(const JsonReader& scale) {
  scale.object({"overall", "specialty", "region"});
  FillSpec& fill = s_.fill;
  if (auto overall = scale.find("overall")) fill.scale_overall = overall->non_negative_number();
  if (auto per_specialty = scale.find("specialty")) {
    fill.scale_specialty.assign(static_cast<std::size_t>(s_.specialty_count()), 1.0);
    const auto factors = by_specialty(*per_specialty, /*require_all=*/false);
    for (std::size_t s = 0; s < factors.size(); ++s)
      if (factors[s]) fill.scale_specialty[s] = factors[s]->non_negative_number();
  }
  if (auto per_region = scale.find("region")) {
    per_region->any_object();
    for (const JsonReader& m : per_region->members())
      fill.scale_region[static_cast<std::size_t>(index(m.region_key()))] = m.non_negative_number();
  }
}

void ScenarioBuilder::read_unfilled(const JsonReader& u) {
  u.object({"max_reposts", "repost_delay_months"});
  s_.unfilled.max_reposts = u.at("max_reposts").integer(0, 5);
  s_.unfilled.repost_delay_months = u.at("repost_delay_months").integer(1, 5);
}

FlexSpec ScenarioBuilder::read_flex(const JsonReader& f) const {
  f.object(
      {"caps", "take_up", "within_round_share", "donors", "target", "conversion_order", "donor_priority"});
  FlexSpec flex;
  for (const JsonReader& m : f.at("caps").members()) {
    const int y =
        m.year_key(s_.calendar.start_year, s_.calendar.plan_end_year(), "caps for years outside the run");
    const std::vector<JsonReader> regions = m.regions();
    std::array<int, kRegionCount> caps{};
    for (std::size_t r = 0; r < kRegionCount; ++r) caps[r] = regions[r].count();
    flex.caps[y] = caps;
  }
  flex.take_up = f.at("take_up").probability();
  flex.within_round_share = f.at("within_round_share").probability();

  const JsonReader donors = f.at("donors");
  const auto specialties = static_cast<std::size_t>(s_.specialty_count());
  if (donors.json().is_string()) {
    donors.choice({"all"});
    flex.donor.assign(specialties, true);
  } else if (donors.json().is_array()) {
    flex.donor.assign(specialties, false);
    for (const JsonReader& item : donors.array()) {
      const auto s = static_cast<std::size_t>(specialty(item));
      if (flex.donor[s]) item.fail("duplicate specialty '" + s_.specialties[s].id + "'");
      flex.donor[s] = true;
    }
  } else {
    donors.expected("\"all\" or an array of specialty ids");
  }
  flex.target = read_flex_target(f.at("target"));
  if (auto order = f.find("conversion_order")) {
    const std::string o = order->choice({"listed", "random", "priority"});
    flex.conversion_order = o == "random"     ? FlexSpec::Order::Random
                            : o == "priority" ? FlexSpec::Order::Priority
                                              : FlexSpec::Order::Listed;
  }
  if (auto priority = f.find("donor_priority")) {
    for (const JsonReader& item : priority->array(1)) {
      const int s = specialty(item);
      if (std::find(flex.donor_priority.begin(), flex.donor_priority.end(), s) != flex.donor_priority.end())
        item.fail("duplicate specialty '" + specialty_id(s) + "'");
      flex.donor_priority.push_back(s);
    }
  }
  if (flex.conversion_order == FlexSpec::Order::Priority && flex.donor_priority.empty())
    f.at("donor_priority").fail("expected an array of specialty ids (conversion_order is \"priority\")");
  return flex;
}

FlexTargetRule ScenarioBuilder::read_flex_target(const JsonReader& t) const {
  t.object({"rule", "weights", "priority"});
  FlexTargetRule rule;
  std::string kind = t.at("rule").choice({"weights", "priority", "waiting"});
  if (kind == "waiting") {
    // Into the specialty with the most applicants waiting; the weights decide when none wait.
    rule.kind = FlexTargetRule::Kind::Waiting;
    kind = "weights";
    if (t.has("priority")) t.at("priority").fail("key 'priority' does not apply to rule \"waiting\"");
  }
  const std::string other = kind == "weights" ? "priority" : "weights";
  if (t.has(other)) t.at(other).fail("key '" + other + "' does not apply to rule \"" + kind + "\"");
  const std::vector<JsonReader> regions = t.at(kind).regions();
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    if (kind == "weights") {
      if (rule.kind != FlexTargetRule::Kind::Waiting) rule.kind = FlexTargetRule::Kind::Weights;
      rule.weights[r].assign(static_cast<std::size_t>(s_.specialty_count()), 0.0);
      const auto weights = by_specialty(regions[r], /*require_all=*/false);
      bool any_positive = false;
      for (std::size_t s = 0; s < weights.size(); ++s)
        if (weights[s]) {
          rule.weights[r][s] = weights[s]->non_negative_number();
          any_positive = any_positive || rule.weights[r][s] > 0;
        }
      if (!any_positive) regions[r].fail("expected at least one positive weight");
    } else {
      rule.kind = FlexTargetRule::Kind::Priority;
      for (const JsonReader& item : regions[r].array(1)) {
        const int s = specialty(item);
        if (std::find(rule.priority[r].begin(), rule.priority[r].end(), s) != rule.priority[r].end())
          item.fail("duplicate specialty '" + specialty_id(s) + "'");
        rule.priority[r].push_back(s);
      }
    }
  }
  return rule;
}

StockSpec ScenarioBuilder::read_stock(const JsonReader& st) const {
  st.object({"year", "count", "age_bands", "retirement", "other_exit_per_year", "age_at_start"});
  StockSpec x;
  x.year = st.at("year").year(s_.calendar.warmup_start_year, s_.calendar.start_year);
  const auto specialties = static_cast<std::size_t>(s_.specialty_count());
  const auto counts = by_specialty(st.at("count"), /*require_all=*/true);
  x.count.assign(specialties, {0, 0, 0});
  for (std::size_t s = 0; s < specialties; ++s) {
    const std::vector<JsonReader> regions = counts[s]->regions();
    for (std::size_t r = 0; r < kRegionCount; ++r) x.count[s][r] = regions[r].count();
  }
  // Age bands "lo-hi" (whole ages, inclusive) with shares summing to 1, spread evenly over the band.
  const auto bands = by_specialty(st.at("age_bands"), /*require_all=*/true);
  x.age_share.assign(specialties, {});
  for (std::size_t s = 0; s < specialties; ++s) {
    double sum = 0;
    for (const JsonReader& band : bands[s]->members()) {
      const std::string& key = band.key();
      const auto dash = key.find('-');
      int lo = 0, hi = -1;
      try {
        std::size_t used_lo = 0, used_hi = 0;
        if (dash != std::string::npos) {
          lo = std::stoi(key.substr(0, dash), &used_lo);
          hi = std::stoi(key.substr(dash + 1), &used_hi);
        }
        if (used_lo != dash || used_hi != key.size() - dash - 1) hi = -1;
      } catch (const std::exception&) {
        hi = -1;
      }
      if (hi < lo || lo < StockSpec::kMinAge || hi > StockSpec::kMaxAge)
        band.fail("expected an age band \"lo-hi\" of whole ages in " +
                  year_range(StockSpec::kMinAge, StockSpec::kMaxAge) + ", got \"" + key + "\"");
      const double share = band.probability();
      sum += share;
      for (int a = lo; a <= hi; ++a)
        x.age_share[s][static_cast<std::size_t>(a - StockSpec::kMinAge)] += share / (hi - lo + 1);
    }
    if (std::fabs(sum - 1.0) > kSumTolerance)
      bands[s]->fail("expected age-band shares summing to 1, got " + format_number(sum));
  }
  const auto retirement = by_specialty(st.at("retirement"), /*require_all=*/true);
  for (std::size_t s = 0; s < specialties; ++s) {
    retirement[s]->object({"age", "spread"});
    const int age = retirement[s]->at("age").integer(StockSpec::kMinAge, StockSpec::kMaxAge);
    const JsonReader spread = retirement[s]->at("spread");
    const int years = spread.integer(0, 20);
    if (age - years < StockSpec::kMinAge || age + years > StockSpec::kMaxAge)
      spread.expected("a spread keeping age +- spread within " +
                      year_range(StockSpec::kMinAge, StockSpec::kMaxAge));
    x.retirement_age.push_back(age);
    x.retirement_spread.push_back(years);
  }
  const auto other = by_specialty(st.at("other_exit_per_year"), /*require_all=*/true);
  for (std::size_t s = 0; s < specialties; ++s) x.other_exit_per_year.push_back(other[s]->probability());
  const JsonReader start = st.at("age_at_start");
  start.object({"min", "max"});
  x.age_at_start_min = start.at("min").integer(StockSpec::kMinAge, StockSpec::kMaxAge);
  const JsonReader max = start.at("max");
  x.age_at_start_max = max.integer(x.age_at_start_min, StockSpec::kMaxAge);
  return x;
}

ExtraordinarySpec ScenarioBuilder::read_extraordinary(const JsonReader& e) const {
  e.object(
      {"years", "per_region", "specialties", "weights", "round_share", "handover", "capacity", "anchors"});
  ExtraordinarySpec x;
  const JsonReader years = e.at("years");
  years.object({"first", "last"});
  // The trial lies within the plan: the post-trial rule has no extraordinary courses.
  const int plan_end = s_.calendar.plan_end_year();
  x.first_year = years.at("first").year(s_.calendar.start_year, plan_end);
  const JsonReader last = years.at("last");
  x.last_year = last.year(s_.calendar.start_year, plan_end);
  if (x.last_year < x.first_year)
    last.expected("a year in " + year_range(x.first_year, plan_end) + " (not before first)");

  const std::vector<JsonReader> per_region = e.at("per_region").regions();
  for (std::size_t r = 0; r < kRegionCount; ++r) x.per_region[r] = per_region[r].count();

  std::vector<std::string> trial_ids;
  for (const SpecialtySpec& sp : s_.specialties)
    if (sp.trial) trial_ids.push_back(sp.id);
  for (const JsonReader& item : e.at("specialties").array(1)) {
    const int s = specialty(item);
    if (!s_.specialties[static_cast<std::size_t>(s)].trial)
      item.fail("specialty '" + specialty_id(s) +
                "' is not a trial specialty (\"trial\": true); expected one of: " + join(trial_ids));
    if (std::find(x.specialties.begin(), x.specialties.end(), s) != x.specialties.end())
      item.fail("duplicate specialty '" + specialty_id(s) + "'");
    x.specialties.push_back(s);
  }

  const std::vector<JsonReader> weights = e.at("weights").regions();
  for (std::size_t r = 0; r < kRegionCount; ++r) {
    x.weights[r].assign(x.specialties.size(), 0.0);
    bool any_positive = false;
    for (const JsonReader& m : weights[r].members()) {
      const int s = specialty_key(m);
      const auto k = std::find(x.specialties.begin(), x.specialties.end(), s);
      if (k == x.specialties.end())
        m.fail("specialty '" + m.key() + "' is not in /extraordinary/specialties");
      const double w = m.non_negative_number();
      x.weights[r][static_cast<std::size_t>(k - x.specialties.begin())] = w;
      any_positive = any_positive || w > 0;
    }
    if (!any_positive) weights[r].fail("expected at least one positive weight");
  }

  const JsonReader round_share = e.at("round_share");
  std::vector<std::string> round_names;
  for (const RoundSpec& round : s_.calendar.rounds) round_names.push_back(round.name);
  round_share.object(round_names);
  double sum = 0;
  for (const std::string& name : round_names) {
    x.round_share.push_back(round_share.at(name).probability());
    sum += x.round_share.back();
  }
  if (std::fabs(sum - 1.0) > kSumTolerance)
    round_share.fail("expected round shares summing to 1, got " + format_number(sum));

  const JsonReader handover = e.at("handover");
  handover.object({"rule", "priority"});
  const std::string rule = handover.at("rule").choice({"known", "highest_fill", "priority", "none"});
  x.handover.kind = rule == "priority"       ? HandoverRule::Kind::Priority
                    : rule == "none"         ? HandoverRule::Kind::None
                    : rule == "highest_fill" ? HandoverRule::Kind::TrueFill
                                             : HandoverRule::Kind::Known;
  std::optional<JsonReader> priority = handover.find("priority");
  if (!priority && rule == "priority") handover.at("priority").fail("expected an object");  // missing or null
  if (priority) {
    const std::vector<JsonReader> lists = priority->regions();
    for (Region giver : kRegions) {
      auto& receivers = x.handover.priority[static_cast<std::size_t>(index(giver))];
      for (const JsonReader& item :
           lists[static_cast<std::size_t>(index(giver))].array(0, kRegionCount - 1)) {
        const Region receiver = item.region();
        if (receiver == giver)
          item.fail("a region cannot hand courses over to itself; expected another region");
        if (std::find(receivers.begin(), receivers.end(), receiver) != receivers.end())
          item.fail("duplicate region '" + std::string(region_name(receiver)) + "'");
        receivers.push_back(receiver);
      }
    }
  }
  if (auto capacity = e.find("capacity")) read_capacity(*capacity, x);
  read_anchors(e.at("anchors"), x);
  return x;
}

void ScenarioBuilder::read_capacity(const JsonReader& c, ExtraordinarySpec& x) const {
  c.object({"rule", "per_year"});
  if (auto rule = c.find("rule")) {
    const std::string name = rule->choice({"most_spare", "priority", "none"});
    x.capacity.kind = name == "priority" ? CapacityRule::Kind::Priority
                      : name == "none"   ? CapacityRule::Kind::None
                                         : CapacityRule::Kind::MostSpare;
  }
  auto per_year = c.find("per_year");
  if (!per_year) return;
  per_year->any_object();
  // Regions and specialties left out keep an unlimited capacity.
  x.capacity.per_year.assign(static_cast<std::size_t>(s_.specialty_count()) * kRegionCount,
                             CapacityRule::kUnlimited);
  for (const JsonReader& region : per_year->members()) {
    const Region r = region.region_key();
    region.any_object();
    for (const JsonReader& m : region.members()) {
      const int s = specialty_key(m);
      if (std::find(x.specialties.begin(), x.specialties.end(), s) == x.specialties.end())
        m.fail("specialty '" + m.key() + "' is not in /extraordinary/specialties");
      x.capacity.per_year[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(index(r))] =
          m.count();
    }
  }
}

void ScenarioBuilder::read_anchors(const JsonReader& a, ExtraordinarySpec& x) const {
  a.object({"hospitals", "municipalities"});
  for (const bool hospital : {true, false}) {
    const char* key = hospital ? "hospitals" : "municipalities";
    const char* noun = hospital ? "hospital" : "municipality";
    std::string needed_by;  // an extraordinary specialty anchored at this kind of place (R11, R12)
    for (int s : x.specialties)
      if (s_.specialties[static_cast<std::size_t>(s)].hospital_anchor == hospital && needed_by.empty())
        needed_by = specialty_id(s);
    const std::optional<JsonReader> lists = a.find(key);
    if (!lists) {
      if (!needed_by.empty())
        a.fail(std::string("missing key '") + key + "'; extraordinary specialty '" + needed_by +
               "' is anchored at a " + noun);
      continue;
    }
    const std::vector<JsonReader> regions = lists->regions();
    std::set<std::string> names;
    for (Region r : kRegions) {
      const JsonReader& list = regions[static_cast<std::size_t>(index(r))];
      const std::vector<JsonReader> items = list.array();
      if (items.empty() && !needed_by.empty())
        list.expected(std::string("at least one ") + noun + " (extraordinary specialty '" + needed_by +
                      "' is anchored at a " + noun + ")");
      for (const JsonReader& item : items) {
        const std::string name = item.non_empty_string();
        if (!names.insert(name).second) item.fail(std::string("duplicate ") + noun + " '" + name + "'");
        x.anchors.push_back({name, r, hospital});
      }
    }
  }
}

bool ScenarioBuilder::overridden(const std::string& pointer) const {
  return std::any_of(overridden_.begin(), overridden_.end(),
                     [&pointer](const std::string& o) { return pointer_at_or_under(pointer, o); });
}

void ScenarioBuilder::read_sources(const JsonReader& src) {
  std::vector<std::string> prefixes;
  for (const std::string& p : kSourcePrefixes) prefixes.push_back("'" + p + "'");
  for (const JsonReader& m : src.members()) {
    const std::string& pointer = m.key();
    if (pointer.empty() || pointer[0] != '/')
      m.fail("expected a JSON pointer such as /fill/mean as key, got '" + pointer + "'");
    try {
      Json::json_pointer check(pointer);
    } catch (const Json::exception& e) {
      m.fail("expected a JSON pointer as key: " + json_library_detail(e.what()));
    }
    if (pointer_at_or_under(pointer, "/sources")) m.fail("a source cannot point into /sources");
    if (!document_contains(doc_, pointer)) {
      if (overridden(pointer)) continue;  // a --set replaced or removed what it described
      m.fail("stale source: '" + pointer + "' points at nothing in the scenario; fix or remove it");
    }
    const std::string text = m.json().is_string() ? m.string() : std::string();
    const bool labelled =
        std::any_of(kSourcePrefixes.begin(), kSourcePrefixes.end(), [&text](const std::string& p) {
          return text.size() > p.size() && text.compare(0, p.size(), p) == 0;
        });
    if (!labelled) m.expected("a source text starting with one of " + join(prefixes));
    s_.sources[pointer] = text;
  }
}

// Every number must be covered by a source at its pointer or at a path-segment prefix of it.
void ScenarioBuilder::check_provenance(const Json& value, const std::string& pointer) const {
  if (pointer == "/sources") return;
  if (value.is_object()) {
    for (const auto& [k, v] : value.items()) check_provenance(v, pointer + "/" + escape_pointer_token(k));
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      check_provenance(value[i], pointer + "/" + std::to_string(i));
  } else if (value.is_number()) {
    if (overridden(pointer)) return;
    if (s_.source_covering(pointer)) return;
    throw InputError(one_line(namer_(pointer)), one_line(pointer),
                     "no source: add a /sources entry naming its source or 'assumption: ...'");
  }
}

int ScenarioBuilder::specialty_key(const JsonReader& member) const {
  for (int s = 0; s < s_.specialty_count(); ++s)
    if (specialty_id(s) == member.key()) return s;
  member.fail("unknown specialty '" + member.key() + "'; expected one of: " + specialty_list());
}

int ScenarioBuilder::specialty(const JsonReader& value) const {
  if (!value.json().is_string()) value.expected("a specialty id");
  const std::string id = value.string();
  for (int s = 0; s < s_.specialty_count(); ++s)
    if (specialty_id(s) == id) return s;
  value.fail("unknown specialty '" + id + "'; expected one of: " + specialty_list());
}

std::vector<std::optional<JsonReader>> ScenarioBuilder::by_specialty(const JsonReader& object,
                                                                     bool require_all) const {
  std::vector<std::optional<JsonReader>> out(static_cast<std::size_t>(s_.specialty_count()));
  for (const JsonReader& m : object.members()) out[static_cast<std::size_t>(specialty_key(m))] = m;
  if (require_all)
    for (int s = 0; s < s_.specialty_count(); ++s)
      if (!out[static_cast<std::size_t>(s)]) object.fail("missing specialty '" + specialty_id(s) + "'");
  return out;
}

std::string ScenarioBuilder::specialty_list() const {
  std::vector<std::string> ids;
  for (const SpecialtySpec& sp : s_.specialties) ids.push_back(sp.id);
  return join(ids);
}

}  // namespace

// /applicants: the applicant model's parameters (see ApplicantSpec).
ApplicantSpec ScenarioBuilder::read_applicants(const JsonReader& a) const {
  a.object({"level", "level_scale", "home", "level_sd", "year_sd", "trend", "trend_base_year", "mobility",
            "leave_per_round", "extraordinary_new_share", "attractiveness", "serving_order", "fitted"});
  if (auto f = a.find("fitted")) f->non_empty_string();  // read by scenario/FittedApplicantsLayer
  ApplicantSpec x;
  const auto specialties = static_cast<std::size_t>(s_.specialty_count());
  if (specialties > 255)
    a.fail("the applicant model serves at most 255 specialties (its serving keys hold 8 bits)");
  // Bounds come from the parameter registry (check_registered_bounds); here only the structure.
  const auto levels = by_specialty(a.at("level"), /*require_all=*/true);
  x.level.assign(specialties, 0);
  for (std::size_t s = 0; s < specialties; ++s) x.level[s] = levels[s]->non_negative_number();
  if (auto v = a.find("level_scale")) x.level_scale = v->non_negative_number();
  const auto homes = by_specialty(a.at("home"), /*require_all=*/true);
  x.home.assign(specialties, {0, 0, 0});
  for (std::size_t s = 0; s < specialties; ++s) {
    const std::vector<JsonReader> regions = homes[s]->regions();
    double sum = 0;
    for (std::size_t r = 0; r < kRegionCount; ++r) sum += x.home[s][r] = regions[r].probability();
    if (std::fabs(sum - 1.0) > kSumTolerance)
      homes[s]->fail("expected home-region shares summing to 1, got " + format_number(sum));
  }
  if (auto v = a.find("level_sd")) x.level_sd = v->non_negative_number();
  if (auto v = a.find("year_sd")) x.year_sd = v->non_negative_number();
  if (auto v = a.find("trend")) x.trend = v->number(-1, 1, "a relative change a year");
  if (auto v = a.find("trend_base_year"))
    x.trend_base_year = v->year(s_.calendar.warmup_start_year, s_.calendar.followup_end_year);
  x.mobility = a.at("mobility").probability();
  x.leave_per_round = a.at("leave_per_round").probability();
  x.extraordinary_new = a.at("extraordinary_new_share").probability();
  if (auto attract = a.find("attractiveness")) {
    attract->object({"ordinary", "carried_over", "flex", "extraordinary", "reposting"});
    const std::array<const char*, kPostingKindCount + 1> keys{"ordinary", "carried_over", "flex",
                                                              "extraordinary", "reposting"};
    for (std::size_t k = 0; k < keys.size(); ++k)
      if (auto v = attract->find(keys[k])) x.attractiveness[k] = v->non_negative_number();
  }
  if (auto order = a.find("serving_order"))
    x.serving_order = order->choice({"attractiveness", "random"}) == "random" ? ServingOrder::Random
                                                                              : ServingOrder::Attractiveness;
  return x;
}

// The fill model and the rules that depend on it.
void ScenarioBuilder::check_fill_model() const {
  if (s_.fill.model == FillModelKind::Applicants && !s_.applicants)
    root_.at("fill").at("model").fail("the applicant model needs an /applicants section");
  if (s_.fill.model == FillModelKind::Applicants && s_.extraordinary &&
      s_.extraordinary->handover.kind == HandoverRule::Kind::TrueFill)
    root_.at("extraordinary")
        .at("handover")
        .at("rule")
        .fail(
            "rule \"highest_fill\" reads the independent model's drawn fill rates; expected \"known\", "
            "\"priority\" or \"none\" under the applicant model");
}

nlohmann::json resolve_scenario_document(const std::filesystem::path& file,
                                         const std::vector<std::string>& set_args) {
  return read_scenario_document(file, set_args).merged;
}

Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& set_args) {
  const ScenarioDocument r = read_scenario_document(file, set_args);
  std::vector<std::string> overridden;
  for (const SetOverride& s : r.sets)
    if (!pointer_at_or_under(s.pointer, "/sources")) overridden.push_back(s.pointer);

  const FileNamer namer = [&r](const std::string& pointer) { return r.origin(pointer); };
  ScenarioBuilder builder(r.merged, namer, overridden);
  Scenario scenario = builder.build();
  check_scenario_bounds(r.merged, scenario, namer);
  scenario.file = file.string();
  require_own_sources(r, scenario.sources);
  require_sets_take_effect(r);

  Json resolved = r.merged;
  resolved["sources"] = Json(scenario.sources);  // without stale ones a --set made, with the overrides
  scenario.resolved_json = resolved.dump(-1, ' ', false, Json::error_handler_t::replace);
  return scenario;
}

}  // namespace forlob
