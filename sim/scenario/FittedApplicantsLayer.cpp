#include "scenario/FittedApplicantsLayer.hpp"

#include <set>

#include "calibration/CsvTable.hpp"
#include "calibration/FittedApplicantsFile.hpp"
#include "core/Errors.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

void apply_fitted_applicants(ScenarioDocument& doc) {
  const nlohmann::json::json_pointer at("/applicants/fitted");
  if (!doc.merged.contains(at)) return;
  const std::string origin = doc.origin("/applicants/fitted");
  const std::string relative =
      JsonReader(doc.merged, origin).at("applicants").at("fitted").non_empty_string();
  std::filesystem::path path(relative);
  if (path.is_relative()) path = std::filesystem::path(origin).parent_path() / path;
  const std::string name = path.lexically_normal().string();
  const FittedApplicants fit = read_fitted_applicants(path, name);
  std::set<std::string> known;
  if (doc.merged.contains("specialties") && doc.merged["specialties"].is_array())
    for (const nlohmann::json& s : doc.merged["specialties"])
      if (s.is_object() && s.contains("id") && s["id"].is_string()) known.insert(s["id"].get<std::string>());
  nlohmann::json patch = nlohmann::json::object();
  for (std::size_t i = 0; i < fit.specialties.size(); ++i) {
    const FittedApplicantLevel& f = fit.specialties[i];
    if (!known.contains(f.specialty))
      throw InputError(name, "/specialties/" + std::to_string(i) + "/specialty",
                       "a specialty of the scenario that references this file, got '" + f.specialty + "'");
    const std::string pointer = "/applicants/level/" + escape_pointer_token(f.specialty);
    if (doc.merged.contains(nlohmann::json::json_pointer(pointer)))
      continue;  // the scenario states it itself
    patch[nlohmann::json::json_pointer(pointer)] = f.level;
    const nlohmann::json::json_pointer source("/sources/" + escape_pointer_token(pointer));
    if (!doc.merged.contains(source))
      patch[source] = f.source + "; level of the record years " + number_ranges(f.years) +
                      ", 90% interval [" + format_trimmed(f.level_interval90[0], 1) + ", " +
                      format_trimmed(f.level_interval90[1], 1) +
                      "], carried to later years by /applicants/trend (assumption)";
  }
  doc.merged.merge_patch(patch);
  doc.layers.push_back({name, std::move(patch)});
}

}  // namespace forlob
