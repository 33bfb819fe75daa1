#include "evaluate/EvaluationPrior.hpp"

#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <filesystem>

#include "calibration/FittedApplicantsFile.hpp"
#include "core/Errors.hpp"
#include "scenario/ScenarioDocument.hpp"

namespace forlob {

EvaluationPrior::EvaluationPrior(const Scenario& scenario, const std::vector<double>& fitted_log_sd)
    : scenario_(&scenario) {
  if (!scenario.extraordinary)
    throw InputError(scenario.file, "/extraordinary",
                     "expected the extraordinary-course trial: the evaluation infers what its courses did");
  if (scenario.fill.model != FillModelKind::Applicants || !scenario.applicants)
    throw InputError(
        scenario.file, "/fill/model",
        "expected \"applicants\": the new-applicant share is a parameter of the applicant model");
  names_.push_back("extraordinary_new_share");
  for (int s : scenario.extraordinary->specialties) {
    const auto i = static_cast<std::size_t>(s);
    LevelPrior p{s, scenario.applicants->level[i], scenario.applicants->level_sd,
                 "/applicants/level_sd (the scenario's level uncertainty)"};
    if (i < fitted_log_sd.size() && fitted_log_sd[i] >= 0) {
      p.log_sd = fitted_log_sd[i];
      p.source = "level_log_sd of the fitted posterior (/applicants/fitted)";
    }
    trial_.push_back(p);
    names_.push_back("level/" + scenario.specialties[i].id);
  }
}

UnknownsDraw EvaluationPrior::draw(StreamKey key, double share) const {
  KeyedStream stream(key);
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  UnknownsDraw d;
  const double u = uniform01(stream);
  d.share = share >= 0 ? share : u;
  const ApplicantSpec& a = *scenario_->applicants;
  d.level.resize(a.level.size());
  // One normal per specialty in scenario order, so a draw's levels do not depend on which
  // specialties are unknowns.
  for (std::size_t s = 0; s < a.level.size(); ++s) {
    double sd = a.level_sd;
    for (const LevelPrior& p : trial_)
      if (static_cast<std::size_t>(p.specialty) == s) sd = p.log_sd;
    d.level[s] = a.level[s] * std::exp(sd * normal(stream));
  }
  return d;
}

std::vector<double> EvaluationPrior::values(const UnknownsDraw& d) const {
  std::vector<double> v{d.share};
  for (const LevelPrior& p : trial_) v.push_back(d.level[static_cast<std::size_t>(p.specialty)]);
  return v;
}

UnknownsDraw EvaluationPrior::with_values(const UnknownsDraw& d, const std::vector<double>& values) const {
  UnknownsDraw out = d;
  out.share = values[0];
  for (std::size_t k = 0; k < trial_.size(); ++k)
    out.level[static_cast<std::size_t>(trial_[k].specialty)] = values[k + 1];
  return out;
}

void EvaluationPrior::apply(const UnknownsDraw& d, Scenario& copy) const {
  ApplicantSpec& a = *copy.applicants;
  a.extraordinary_new = d.share;
  a.level = d.level;
  a.level_sd = 0;
}

std::vector<double> fitted_level_log_sd(const std::string& scenario_file,
                                        const std::vector<std::string>& set_args, const Scenario& scenario) {
  const ScenarioDocument doc = read_scenario_document(scenario_file, set_args);
  const nlohmann::json::json_pointer at("/applicants/fitted");
  if (!doc.merged.contains(at) || !doc.merged[at].is_string()) return {};
  std::filesystem::path path(doc.merged[at].get<std::string>());
  if (path.is_relative()) path = std::filesystem::path(doc.origin("/applicants/fitted")).parent_path() / path;
  const std::string name = path.lexically_normal().string();
  const FittedApplicants fit = read_fitted_applicants(path, name);
  std::vector<double> out(scenario.specialties.size(), -1.0);
  for (const FittedApplicantLevel& f : fit.specialties)
    for (std::size_t s = 0; s < scenario.specialties.size(); ++s)
      // Only where the scenario's level is the fitted one (a scenario may state its own).
      if (scenario.specialties[s].id == f.specialty && scenario.applicants &&
          std::abs(scenario.applicants->level[s] - f.level) < 1e-9)
        out[s] = f.level_log_sd;
  return out;
}

}  // namespace forlob
