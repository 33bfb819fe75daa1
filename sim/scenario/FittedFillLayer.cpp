#include "scenario/FittedFillLayer.hpp"

#include <algorithm>
#include <set>

#include "calibration/FittedFillFile.hpp"
#include "core/Errors.hpp"
#include "core/Region.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

// Only fits of first postings feed the simulator's base rate: "all" is what published series hold
// (they do not split first postings from re-postings), "ordinary" what complete records give.
bool feeds_base_rate(const std::string& kind) { return kind == "all" || kind == "ordinary"; }

class FittedPatch {
 public:
  FittedPatch(const FittedFill& fit, const Json& merged) : fit_(fit), merged_(merged) {}

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

  void add_regional(const FittedFillCell& c) {
    const std::string at = cell_pointer(c.specialty, c.region);
    set(at + "/mean", c.mean);
    set(at + "/concentration", c.mean_concentration);
    set(at + "/year_concentration", c.year_concentration);
    source(at, c.source);
    fitted_.insert(c.specialty + "/" + c.region);
  }

  // The national series says how much a year's rate swings; regions without their own fit take
  // that between-year concentration, while their mean stays the scenario's.
  void add_national(const FittedFillCell& c) {
    for (Region r : kRegions) {
      const std::string region(region_name(r));
      if (fitted_.contains(c.specialty + "/" + region)) continue;
      const std::string at = cell_pointer(c.specialty, region);
      set(at + "/year_concentration", c.year_concentration);
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
  std::set<std::string> fitted_;  // "specialty/region" with a regional fit
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
