#include "scenario/FittedFillLayer.hpp"

#include <algorithm>
#include <array>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <set>

#include "calibration/FittedFillFile.hpp"
#include "core/Errors.hpp"
#include "core/Region.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

// Only fits of first postings feed the simulator's base rate: "all" is what published series hold
// (they do not split first postings from re-postings), "ordinary" what complete records give.
bool feeds_base_rate(const std::string& kind) { return kind == "all" || kind == "ordinary"; }

// The one definition of a fill rate: filled ÷ courses offered, each course once per round. A fitted
// rate is therefore what a course offered in a round ends with, its re-postings (genopslag, R5)
// included; the simulator's /fill mean is its first posting's probability p, each of up to K
// re-postings filling with m p (m = /fill/repost_multiplier, K = /unfilled/max_reposts).
struct RepostRule {
  double multiplier = 0;
  int max_reposts = 0;
  double offered_rate(double p) const {
    return 1 - (1 - p) * std::pow(1 - std::min(1.0, multiplier * p), max_reposts);
  }
  bool converts() const { return max_reposts > 0 && multiplier > 0; }
  // p with offered_rate(p) = r (offered_rate increases in p), to 4 decimals as the fitted file.
  double first_posting(double r) const {
    if (r <= 0 || r >= 1 || !converts()) return r;
    boost::math::tools::eps_tolerance<double> tol(40);
    const auto [lo, hi] =
        boost::math::tools::bisect([&](double p) { return offered_rate(p) - r; }, 0.0, r, tol);
    return std::round(0.5 * (lo + hi) * 1e4) / 1e4;
  }
  // ν of a Beta for p whose sd is the fitted μ's sd carried through dp/dr (delta method).
  double first_posting_concentration(double r, double nu) const {
    if (!converts()) return nu;
    const double p = first_posting(r), h = 1e-6;
    const double slope = (offered_rate(std::min(1.0, p + h)) - offered_rate(std::max(0.0, p - h))) / (2 * h);
    if (!(slope > 0) || p <= 0 || p >= 1) return nu;
    const double var_p = r * (1 - r) / (nu + 1) / (slope * slope);
    const double v = std::max(1.0, p * (1 - p) / var_p - 1);
    const double scale = std::pow(10.0, 3 - std::floor(std::log10(v)));  // 4 significant digits
    return std::round(v * scale) / scale;
  }
};

RepostRule repost_rule(const Json& merged) {
  RepostRule rule;
  const Json::json_pointer m("/fill/repost_multiplier"), k("/unfilled/max_reposts");
  if (merged.contains(m) && merged[m].is_number()) rule.multiplier = merged[m].get<double>();
  if (merged.contains(k) && merged[k].is_number_integer())
    rule.max_reposts = std::max(0, merged[k].get<int>());
  return rule;
}

class FittedPatch {
 public:
  FittedPatch(const FittedFill& fit, const Json& merged)
      : fit_(fit), merged_(merged), rule_(repost_rule(merged)) {}

  Json build() {
    std::set<std::string> known;
    if (merged_.contains("specialties") && merged_["specialties"].is_array())
      for (const Json& s : merged_["specialties"])
        if (s.is_object() && s.contains("id") && s["id"].is_string())
          known.insert(s["id"].get<std::string>());
    for (std::size_t i = 0; i < fit_.cells.size(); ++i) {
      const FittedFillCell& c = fit_.cells[i];
      if (!known.contains(c.specialty))
        throw InputError(fit_.file, "/cells/" + std::to_string(i) + "/specialty",
                         "a specialty of the scenario that references this file, got '" + c.specialty + "'");
    }
    // Regional fits first: a national fit only fills in what they leave.
    for (const FittedFillCell& c : fit_.cells)
      if (c.region != "all" && feeds_base_rate(c.kind)) add_regional(c);
    for (const FittedFillCell& c : fit_.cells)
      if (c.region == "all" && feeds_base_rate(c.kind)) add_national(c);
    return patch_;
  }

 private:
  std::string cell_pointer(const std::string& specialty, std::string_view region) const {
    return "/fill/cells/" + escape_pointer_token(specialty) + "/" + escape_pointer_token(region);
  }

  std::string conversion() const {
    return "; the fitted rate is filled / offered (each course once per round) and is set as the first "
           "posting's probability p with 1 - (1 - p)(1 - " +
           format_trimmed(rule_.multiplier, 3) + " p)^" + std::to_string(rule_.max_reposts) +
           " = that rate (/fill/repost_multiplier, /unfilled/max_reposts)";
  }

  void add_regional(const FittedFillCell& c) {
    const std::string at = cell_pointer(c.specialty, c.region);
    set(at + "/mean", rule_.first_posting(c.mean));
    set(at + "/concentration", rule_.first_posting_concentration(c.mean, c.mean_concentration));
    set(at + "/year_concentration", c.year_concentration);
    source(at, c.source + conversion());
    fitted_.insert(c.specialty + "/" + c.region);
    fitted_specialties_.insert(c.specialty);
  }

  // The national series says how much a year's rate swings; regions without their own fit take
  // that between-year concentration. Where no region of the specialty has its own fit, the national
  // level also moves the regions' means: each region keeps the scenario's pattern (its offered rate
  // relative to the regions' average, an assumption) around the fitted national rate.
  void add_national(const FittedFillCell& c) {
    const bool level_too = !fitted_specialties_.contains(c.specialty);
    std::array<double, kRegionCount> assumed{};
    double average = 0;
    bool have_means = level_too;
    for (Region r : kRegions) {
      const Json::json_pointer mean("/fill/mean/" + escape_pointer_token(c.specialty) + "/" +
                                    escape_pointer_token(region_name(r)));
      if (!merged_.contains(mean) || !merged_[mean].is_number()) {
        have_means = false;
        continue;
      }
      assumed[static_cast<std::size_t>(index(r))] = rule_.offered_rate(merged_[mean].get<double>());
      average += assumed[static_cast<std::size_t>(index(r))] / kRegionCount;
    }
    for (Region r : kRegions) {
      const std::string region(region_name(r));
      if (fitted_.contains(c.specialty + "/" + region)) continue;
      const std::string at = cell_pointer(c.specialty, region);
      set(at + "/year_concentration", c.year_concentration);
      if (have_means && average > 0) {
        const double rate = std::min(0.99, assumed[static_cast<std::size_t>(index(r))] * c.mean / average);
        set(at + "/mean", rule_.first_posting(rate));
        set(at + "/concentration", rule_.first_posting_concentration(rate, c.mean_concentration));
        source(at, "calibrated: the national " + c.specialty + " fill rate " + format_trimmed(c.mean, 4) +
                       " (" + fit_.file +
                       ") with the region's rate relative to the others as in /fill/mean/" + c.specialty +
                       " (assumption); no region of the specialty has its own fit" + conversion() + ". " +
                       source_citation(c.source));
        continue;
      }
      source(at + "/year_concentration",
             "calibrated: between-year concentration of the national " + c.specialty + " series (" +
                 fit_.file + "), for a region without its own fit; its mean stays /fill/mean/" + c.specialty +
                 "/" + region + ". " + source_citation(c.source));
    }
  }

  void set(const std::string& pointer, double value) {
    const Json::json_pointer p(pointer);
    if (merged_.contains(p)) return;  // the scenario states this value itself
    patch_[p] = value;
  }
  void source(const std::string& pointer, const std::string& text) {
    const Json::json_pointer p("/sources/" + escape_pointer_token(pointer));
    if (!merged_.contains(p)) patch_[p] = text;
  }

  const FittedFill& fit_;
  const Json& merged_;
  Json patch_ = Json::object();
  RepostRule rule_;
  std::set<std::string> fitted_;              // "specialty/region" with a regional fit
  std::set<std::string> fitted_specialties_;  // specialties with at least one regional fit
};

}  // namespace

void apply_fitted_fill(ScenarioDocument& doc, const std::string& origin, const std::string& reference) {
  std::filesystem::path path(reference);
  // A scenario file names it relative to itself; a --set relative to the current directory.
  const bool from_command_line = origin.rfind("--set ", 0) == 0;
  if (path.is_relative() && !from_command_line) path = std::filesystem::path(origin).parent_path() / path;
  const std::string name = path.lexically_normal().string();
  const FittedFill fit = read_fitted_fill(path, name);
  Json patch = FittedPatch(fit, doc.merged).build();
  doc.merged.merge_patch(patch);
  doc.layers.push_back({name, std::move(patch)});
}

}  // namespace forlob
