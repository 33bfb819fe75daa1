#include "evaluate/EvaluationFiles.hpp"

#include "output/CsvFormat.hpp"

namespace forlob {

namespace {

constexpr const char* kPosteriorSchemaVersion = "1.0.0";
constexpr const char* kPowerSchemaVersion = "1.0.0";

void append_quantities(std::string& out, const QuantitySummary& q) {
  for (double v : {q.mean, q.p05, q.p25, q.p50, q.p75, q.p95}) {
    out += ',';
    append_trimmed(out, v, 6);
  }
}

void append_prior(std::string& out, const QuantitySummary* q) {
  if (!q) {
    out += ",,,,";
    return;
  }
  for (double v : {q->mean, q->p05, q->p50, q->p95}) {
    out += ',';
    append_trimmed(out, v, 6);
  }
}

nlohmann::json quantity_json(const QuantitySummary& q) {
  return {{"mean", q.mean}, {"p05", q.p05}, {"p25", q.p25}, {"p50", q.p50}, {"p75", q.p75}, {"p95", q.p95}};
}

nlohmann::json scenario_json(const Scenario& s) {
  return {{"name", s.name}, {"file", s.file}, {"description", s.description}};
}

nlohmann::json prior_json(const EvaluationPrior& prior) {
  nlohmann::json out = nlohmann::json::array();
  out.push_back({{"unknown", prior.names()[0]},
                 {"distribution", "uniform on [0, 1]"},
                 {"source", "assumption: nothing is known about the share before the trial (issue 9)"}});
  for (std::size_t k = 0; k < prior.trial_levels().size(); ++k) {
    const LevelPrior& p = prior.trial_levels()[k];
    out.push_back({{"unknown", prior.names()[k + 1]},
                   {"distribution", "lognormal: median " + format_trimmed(p.median, 3) + ", log sd " +
                                        format_trimmed(p.log_sd, 4)},
                   {"source", p.source}});
  }
  return out;
}

}  // namespace

std::string posterior_csv(const PosteriorReport& r) {
  std::string out = "quantity,mean,p05,p25,p50,p75,p95,prior_mean,prior_p05,prior_p50,prior_p95\n";
  for (std::size_t p = 0; p < r.prior->size(); ++p) {
    append_csv_field(out, r.prior->names()[p]);
    append_quantities(out, r.posterior->summaries[p]);
    append_prior(out, &r.inference->prior()[p]);
    out += '\n';
  }
  const std::pair<const char*, const QuantitySummary*> rows[] = {
      {"_trial", &r.headline.trial},
      {"_counterfactual", &r.headline.counterfactual},
      {"_difference", &r.headline.difference}};
  const QuantitySummary* priors[] = {&r.headline_prior.trial, &r.headline_prior.counterfactual,
                                     &r.headline_prior.difference};
  for (std::size_t i = 0; i < 3; ++i) {
    append_csv_field(out, r.headline.name + rows[i].first);
    append_quantities(out, *rows[i].second);
    append_prior(out, priors[i]);
    out += '\n';
  }
  return out;
}

nlohmann::json posterior_json(const PosteriorReport& r) {
  nlohmann::json unknowns = nlohmann::json::array();
  for (std::size_t p = 0; p < r.prior->size(); ++p)
    unknowns.push_back({{"unknown", r.prior->names()[p]},
                        {"posterior", quantity_json(r.posterior->summaries[p])},
                        {"prior", quantity_json(r.inference->prior()[p])}});
  nlohmann::json summaries = nlohmann::json::array();
  const ReportingDesign& design = r.inference->design();
  for (std::size_t j = 0; j < design.summaries.size(); ++j)
    summaries.push_back({{"name", design.summaries[j].name},
                         {"cells", design.summaries[j].columns.size()},
                         {"observed", r.observed_summaries[j]}});
  const Scenario& s = *r.trial;
  nlohmann::json cells = nlohmann::json::array();
  for (const ObservedCell& c : r.observed->cells)
    cells.push_back({{"line", c.line},
                     {"year", c.year},
                     {"round", s.calendar.rounds[static_cast<std::size_t>(c.round)].name},
                     {"region", region_name(c.region)},
                     {"specialty", s.specialties[static_cast<std::size_t>(c.specialty)].id},
                     {"kind", course_kind_name(c.kind)},
                     {"posted", c.posted},
                     {"filled", c.filled},
                     {"source", c.source}});
  auto headline = [](const HeadlinePrediction& h) {
    return nlohmann::json{{"trial", quantity_json(h.trial)},
                          {"counterfactual", quantity_json(h.counterfactual)},
                          {"difference", quantity_json(h.difference)},
                          {"paired_replications", h.replications}};
  };
  return {
      {"schema", "forlob/evaluation_posterior"},
      {"schema_version", kPosteriorSchemaVersion},
      {"forlob_version", FORLOB_VERSION},
      {"scenario", scenario_json(*r.trial)},
      {"counterfactual", scenario_json(*r.counterfactual)},
      {"seed", r.run.seed},
      {"method", kAbcMethod},
      {"reference_draws", r.run.draws},
      {"accept", r.run.accept},
      {"accepted", r.posterior->rows.size()},
      {"tolerance", r.posterior->tolerance},
      {"intervals", {{"50%", {"p25", "p75"}}, {"90%", {"p05", "p95"}}}},
      {"prior", prior_json(*r.prior)},
      {"observed", {{"file", r.observed->file}, {"cells", cells}, {"unused_lines", r.unused_lines}}},
      {"summaries", summaries},
      {"unknowns", unknowns},
      {"headline",
       {{"name", r.headline.name},
        {"definition",
         "new specialists (completed courses) in the four trial specialties from the trial's first year "
         "through "
         "the follow-up horizon, trial minus counterfactual, paired replication by replication; the trial "
         "with "
         "the observed rounds held to their figures"},
        {"posterior", headline(r.headline)},
        {"prior", headline(r.headline_prior)}}},
      {"threads", r.run.threads},
      {"seconds", {{"reference_table", r.run.table_seconds}, {"total", r.run.total_seconds}}},
  };
}

std::string design_description(const std::string& design) {
  if (design == "counts")
    return "what forecast --observed reads: per round, region and trial specialty the extraordinary and the "
           "ordinary courses filled";
  if (design == "counts_and_new")
    return "the same, and per round, region and trial specialty how many extraordinary trainees had not also "
           "applied to an ordinary course of the specialty (new applicants, extraordinary_filled_new)";
  return design;
}

std::string power_csv(const PowerReport& r) {
  std::string out =
      "design,true_share,evaluations,excludes_0,excludes_1,covers_truth,mean_width,mean_posterior_mean\n";
  for (const PowerRow& row : r.result->rows) {
    append_csv_field(out, row.design);
    out += ',';
    append_trimmed(out, row.true_share, 4);
    out += ',' + std::to_string(row.evaluations) + ',' + std::to_string(row.excludes_zero) + ',' +
           std::to_string(row.excludes_one) + ',' + std::to_string(row.covers) + ',';
    append_trimmed(out, row.mean_width, 6);
    out += ',';
    append_trimmed(out, row.mean_posterior_mean, 6);
    out += '\n';
  }
  return out;
}

nlohmann::json power_json(const PowerReport& r) {
  nlohmann::json designs = nlohmann::json::array();
  for (const AbcInference* inference : r.inferences) {
    nlohmann::json summaries = nlohmann::json::array();
    for (const Summary& s : inference->design().summaries) summaries.push_back(s.name);
    designs.push_back({{"design", inference->design().name},
                       {"description", design_description(inference->design().name)},
                       {"summaries", summaries},
                       {"summaries_varying", inference->used_summaries()}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const PowerRow& row : r.result->rows)
    rows.push_back({{"design", row.design},
                    {"true_share", row.true_share},
                    {"evaluations", row.evaluations},
                    {"excludes_0", row.excludes_zero},
                    {"excludes_1", row.excludes_one},
                    {"covers_truth", row.covers},
                    {"mean_width", row.mean_width},
                    {"mean_posterior_mean", row.mean_posterior_mean}});
  const PowerSettings& s = *r.settings;
  return {
      {"schema", "forlob/evaluation_power"},
      {"schema_version", kPowerSchemaVersion},
      {"forlob_version", FORLOB_VERSION},
      {"scenario", scenario_json(*r.scenario)},
      {"seed", r.run.seed},
      {"method", kAbcMethod},
      {"reference_draws", r.run.draws},
      {"accept", r.run.accept},
      {"prior", prior_json(*r.prior)},
      {"true_shares", s.shares},
      {"evaluations", s.evaluations},
      {"reported_years", {r.scenario->extraordinary->first_year, s.through_year}},
      {"margin", s.margin},
      {"definitions",
       {{"excludes_0", "evaluations whose 90% interval of the share has its lower end (p05) above margin"},
        {"excludes_1",
         "evaluations whose 90% interval of the share has its upper end (p95) below 1 - margin"},
        {"covers_truth", "evaluations whose 90% interval contains the true share"},
        {"mean_width", "mean of p95 - p05 of the share"},
        {"mean_posterior_mean", "mean of the share's posterior mean"}}},
      {"designs", designs},
      {"rows", rows},
      {"threads", r.run.threads},
      {"seconds",
       {{"reference_table", r.run.table_seconds},
        {"synthetic_reports", r.result->simulation_seconds},
        {"inference", r.result->inference_seconds},
        {"total", r.run.total_seconds}}},
  };
}

}  // namespace forlob
