#include "output/SummaryJson.hpp"

#include <cmath>
#include <stdexcept>

#include "output/AssumptionFlags.hpp"
#include "scenario/ParameterTable.hpp"

#ifndef FORLOB_VERSION
#error "FORLOB_VERSION must be defined by the build (the project version)"
#endif

namespace forlob {

namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson years_json(const CalendarSpec& c) {
  OrderedJson j;
  j["warmup_start"] = c.warmup_start_year;
  j["start"] = c.start_year;
  j["end"] = c.plan_end_year();
  j["followup_end"] = c.followup_end_year;
  // Hiring years after the plan, under the post-trial rule (/calendar/post_trial), for the report to mark.
  j["hiring_end"] = c.end_year;
  OrderedJson post = OrderedJson::array();
  for (int y = c.plan_end_year() + 1; y <= c.end_year; ++y) post.push_back(y);
  j["post_trial_years"] = post;
  return j;
}

OrderedJson headlines_json(const std::vector<Headline>& headlines, const CellDistribution& dist) {
  if (dist.cells() != headlines.size())
    throw std::invalid_argument("summary_json: " + std::to_string(dist.cells()) + " headline cells for " +
                                std::to_string(headlines.size()) + " headlines");
  OrderedJson list = OrderedJson::array();
  for (std::size_t h = 0; h < headlines.size(); ++h)
    list.push_back(headline_json(headlines[h].name, dist, h));
  return list;
}

// The resolved document as JSON; kept as a string only if it does not parse (it always should).
OrderedJson resolved_json(const Scenario& s) {
  if (s.resolved_json.empty()) return nullptr;
  OrderedJson doc = OrderedJson::parse(s.resolved_json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return s.resolved_json;
  return doc;
}

}  // namespace

OrderedJson headline_json(const std::string& name, const CellDistribution& headline, std::size_t cell) {
  const CellSummary s = headline.summary(cell);
  OrderedJson j;
  j["name"] = name;
  j["mean"] = s.mean;
  j["sd"] = s.sd;
  j["mc_standard_error"] = s.n > 0 ? s.sd / std::sqrt(static_cast<double>(s.n)) : 0.0;
  j["p05"] = s.p05;
  j["p50"] = s.p50;
  j["p95"] = s.p95;
  return j;
}

OrderedJson summary_json(const RunResult& result, const std::string& command,
                         const std::vector<std::string>& files) {
  OrderedJson j;
  j["forlob_version"] = FORLOB_VERSION;
  j["command"] = command;
  j["seed"] = result.seed;
  j["replications"] = result.replications;
  j["threads"] = result.threads;
  j["wall_seconds"] = result.wall_seconds;
  if (!result.scenarios.empty() && result.scenarios.front().scenario != nullptr)
    j["years"] = years_json(result.scenarios.front().scenario->calendar);
  OrderedJson scenarios = OrderedJson::array();
  for (const ScenarioResult& sr : result.scenarios) {
    if (sr.scenario == nullptr) throw std::invalid_argument("summary_json: result without its scenario");
    OrderedJson s;
    s["name"] = sr.scenario->name;
    s["file"] = sr.scenario->file;
    s["description"] = sr.scenario->description;
    s["years"] = years_json(sr.scenario->calendar);
    s["source_tiers"] = sr.scenario->source_tiers();  // how much rests on assumptions
    const std::vector<Parameter> parameters = parameter_table(*sr.scenario);
    s["parameter_tiers"] = count_tiers(parameters);
    s["headlines"] = headlines_json(sr.headlines, sr.headline);
    OrderedJson flags = OrderedJson::array();
    for (const AssumptionFlag& f :
         assumption_flags(*sr.scenario, sr.yearly_layout, sr.headlines, parameters)) {
      OrderedJson flag;
      flag["headline"] = f.headline;
      flag["rests_on_assumptions"] = f.parameters > 0;
      flag["assumption_parameters"] = f.parameters;
      flag["assumption_sources"] = f.source_pointers;
      flags.push_back(std::move(flag));
    }
    s["assumption_dependence"] = std::move(flags);
    OrderedJson table = OrderedJson::array();
    for (const Parameter& p : parameters) {
      OrderedJson row;
      row["pointer"] = p.pointer;
      row["value"] = p.value;
      row["tier"] = p.tier;
      row["source"] = p.source;
      if (!p.replaced_by.empty()) row["replaced_by"] = p.replaced_by;
      table.push_back(std::move(row));
    }
    s["parameters"] = std::move(table);
    scenarios.push_back(std::move(s));
  }
  j["scenarios"] = std::move(scenarios);
  if (result.difference) {
    if (result.scenarios.empty()) throw std::invalid_argument("summary_json: a difference without scenarios");
    OrderedJson d;
    d["label"] = result.difference->label;
    d["headlines"] = headlines_json(result.scenarios.front().headlines, result.difference->headline);
    j["difference"] = std::move(d);
  }
  if (!result.differences.empty()) {
    OrderedJson list = OrderedJson::array();
    for (const DifferenceResult& difference : result.differences) {
      OrderedJson d;
      d["label"] = difference.label;
      d["headlines"] = headlines_json(result.scenarios.front().headlines, difference.headline);
      list.push_back(std::move(d));
    }
    j["differences"] = std::move(list);
  }
  j["files"] = files;
  OrderedJson resolved = OrderedJson::array();
  for (const ScenarioResult& sr : result.scenarios) resolved.push_back(resolved_json(*sr.scenario));
  j["resolved_scenarios"] = std::move(resolved);
  return j;
}

OrderedJson summary_json(const RunResult& result, const RunRecord& record,
                         const std::vector<std::string>& files) {
  OrderedJson j = summary_json(result, record.command, files);
  OrderedJson out;
  bool what_if = false;
  for (const ScenarioRecord& s : record.scenarios) what_if = what_if || s.what_if();
  for (auto it = j.begin(); it != j.end(); ++it) {
    out[it.key()] = it.value();
    if (it.key() != "command") continue;
    out["command_line"] = shell_command_line(record.command_line);
    out["arguments"] = record.command_line;
    out["what_if"] = what_if;
  }
  for (std::size_t k = 0; k < record.scenarios.size() && k < out["scenarios"].size(); ++k) {
    const ScenarioRecord& s = record.scenarios[k];
    OrderedJson& scenario = out["scenarios"][k];
    OrderedJson inputs = OrderedJson::array();
    for (const InputFileRecord& f : s.files)
      inputs.push_back({{"path", f.path}, {"hash", f.hash}, {"shipped", f.shipped}});
    scenario["input_files"] = std::move(inputs);
    scenario["set"] = s.sets;
    OrderedJson changes = OrderedJson::array();
    for (const ValueChangeRecord& c : s.changes)
      changes.push_back({{"pointer", c.pointer}, {"from", c.from}, {"to", c.to}, {"by", c.by}});
    scenario["changes_from_shipped"] = std::move(changes);
  }
  return out;
}

std::string shell_command_line(const std::vector<std::string>& arguments) {
  std::string line;
  for (const std::string& a : arguments) {
    if (!line.empty()) line.push_back(' ');
    const bool plain = !a.empty() && a.find_first_not_of(
                                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                         "0123456789/._-=:,+") == std::string::npos;
    if (plain) {
      line += a;
      continue;
    }
    line.push_back('\'');
    for (char c : a) {
      if (c == '\'')
        line += "'\\''";
      else
        line.push_back(c);
    }
    line.push_back('\'');
  }
  return line;
}

}  // namespace forlob
