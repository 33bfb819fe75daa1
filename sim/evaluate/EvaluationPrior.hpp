#pragma once
// The unknowns the 2029 evaluation's reports bear on, and their prior: the applicant model's share
// of extraordinary courses taken by new applicants (/applicants/extraordinary_new_share) and the
// applicant level of each trial specialty (/applicants/level). forlob evaluate draws them from this
// prior, simulates the reports with forlob itself and keeps the draws whose reports resemble the
// observed ones (sim/evaluate/AbcPosterior).
//  - share: uniform on [0, 1] (assumption: nothing is known about it before the trial).
//  - level of a trial specialty: lognormal around the scenario's level, log sd the fitted posterior's
//    (calibration/fitted/applicants.json, level_log_sd) where the level comes from that fit, else the
//    scenario's /applicants/level_sd (geriatri has no records).
//  - the other specialties' levels are nuisance unknowns drawn from the scenario's own lognormal
//    (/applicants/level_sd), so a draw's simulation has the scenario's uncertainty everywhere else.
// A draw is applied to a copy of the scenario with /applicants/level_sd set to 0: the drawn level is
// the replication's level.
#include <cstdint>
#include <string>
#include <vector>

#include "random/KeyedStream.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

struct UnknownsDraw {
  double share = 0.5;
  std::vector<double> level;  // [s] every specialty of the scenario (the trial's are the unknowns)
};

struct LevelPrior {
  int specialty = 0;   // index into Scenario::specialties
  double median = 0;   // the scenario's level
  double log_sd = 0;   // sd of log level
  std::string source;  // where log_sd comes from
};

class EvaluationPrior {
 public:
  // Throws InputError when the scenario has no trial or does not use the applicant model.
  // `fitted_log_sd[s]` (may be empty): the fitted log sd of specialty s, or a negative value.
  EvaluationPrior(const Scenario& scenario, const std::vector<double>& fitted_log_sd);

  // The unknowns' names in output order: "extraordinary_new_share", then "level/<specialty id>".
  const std::vector<std::string>& names() const { return names_; }
  std::size_t size() const { return names_.size(); }
  const std::vector<LevelPrior>& trial_levels() const { return trial_; }

  // A draw from the prior, from its own keyed stream; `share` overrides the share when >= 0.
  UnknownsDraw draw(StreamKey key, double share = -1) const;
  // The unknowns of a draw in names() order.
  std::vector<double> values(const UnknownsDraw& d) const;
  // Replaces the unknowns of `d` by `values` (names() order), keeping the nuisance levels.
  UnknownsDraw with_values(const UnknownsDraw& d, const std::vector<double>& values) const;
  // `base` with the draw applied (see the header comment).
  void apply(const UnknownsDraw& d, Scenario& copy) const;

 private:
  const Scenario* scenario_;
  std::vector<std::string> names_;
  std::vector<LevelPrior> trial_;
};

// The fitted log sd per specialty of the scenario's /applicants/fitted layer (negative where the
// scenario's level does not come from it); empty when the scenario names no fitted file.
std::vector<double> fitted_level_log_sd(const std::string& scenario_file,
                                        const std::vector<std::string>& set_args, const Scenario& scenario);

}  // namespace forlob
