#include "report/RunSummary.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/Errors.hpp"
#include "core/TextFile.hpp"
#include "output/ConsoleTable.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/JsonText.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

std::optional<std::string> optional_string(const JsonReader& r, std::string_view key) {
  if (auto v = r.find(key)) return v->string();
  return std::nullopt;
}

std::vector<SpecialtyInfo> specialties_of(const JsonReader& resolved) {
  std::vector<SpecialtyInfo> out;
  const auto list = resolved.find("specialties");
  if (!list) return out;
  for (const JsonReader& s : list->array()) {
    s.any_object();
    SpecialtyInfo info;
    info.id = s.at("id").non_empty_string();
    info.name = s.find("name") ? s.at("name").string() : info.id;
    if (auto trial = s.find("trial")) info.trial = trial->boolean();
    if (auto months = s.find("course_months")) info.course_months = months->integer(1, 1200);
    out.push_back(std::move(info));
  }
  return out;
}

std::optional<std::pair<int, int>> trial_years_of(const JsonReader& resolved) {
  const auto extraordinary = resolved.find("extraordinary");
  if (!extraordinary) return std::nullopt;
  const auto years = extraordinary->find("years");
  if (!years) return std::nullopt;
  return std::pair{years->at("first").integer(1900, 2200), years->at("last").integer(1900, 2200)};
}

std::vector<ParameterSource> parameters_of(const JsonReader& list) {
  std::vector<ParameterSource> out;
  for (const JsonReader& p : list.array()) {
    p.any_object();
    ParameterSource ps;
    ps.pointer = p.at("pointer").string();
    const Json& value = p.at("value").json();
    if (value.is_number()) {
      append_shortest(ps.value, value.get<double>());  // 1240, not 1240.0
    } else {
      ps.value = value.dump();
    }
    ps.tier = p.at("tier").string();
    ps.source = p.at("source").string();
    if (auto r = p.find("replaced_by")) ps.replaced_by = r->string();
    out.push_back(std::move(ps));
  }
  return out;
}

// A headline name for people, with specialty ids replaced by their names (as the console does).
std::string readable_label(const std::string& headline, const std::vector<SpecialtyInfo>& specialties) {
  std::string label = console_label(headline);
  for (const SpecialtyInfo& s : specialties) {
    const std::string spaced = console_label(s.id);
    const auto at = label.find(" " + spaced + " ");
    if (at != std::string::npos) label.replace(at + 1, spaced.size(), s.name);
  }
  return label;
}

void read_headlines(const JsonReader& list, const std::string& scenario,
                    const std::vector<SpecialtyInfo>& specialties, std::vector<HeadlineRow>& out) {
  constexpr double kBig = std::numeric_limits<double>::max();
  for (const JsonReader& h : list.array()) {
    h.any_object();
    HeadlineRow row;
    row.scenario = scenario;
    row.headline = h.at("name").non_empty_string();
    const auto years = headline_years(row.headline);
    if (!years) h.at("name").expected("a headline name ending in its years (_2026 or _2026_2030)");
    row.first_year = years->first;
    row.last_year = years->second;
    row.label = readable_label(row.headline, specialties);
    row.mean = h.at("mean").number(-kBig, kBig, "a number");
    row.sd = h.at("sd").number(0, kBig, "a non-negative number");
    if (auto se = h.find("mc_standard_error")) row.mc_se = se->number(0, kBig, "a non-negative number");
    row.q.p05 = h.at("p05").number(-kBig, kBig, "a number");
    row.q.p50 = h.at("p50").number(-kBig, kBig, "a number");
    row.q.p95 = h.at("p95").number(-kBig, kBig, "a number");
    out.push_back(std::move(row));
  }
}

}  // namespace

std::optional<std::pair<int, int>> headline_years(const std::string& name) {
  auto year_at = [&](std::size_t end) -> std::optional<int> {  // four digits before `end`, after '_'
    if (end < 5 || name[end - 5] != '_') return std::nullopt;
    int y = 0;
    for (std::size_t i = end - 4; i < end; ++i) {
      if (name[i] < '0' || name[i] > '9') return std::nullopt;
      y = y * 10 + (name[i] - '0');
    }
    return y;
  };
  const auto last = year_at(name.size());
  if (!last) return std::nullopt;
  if (const auto first = year_at(name.size() - 5)) return std::pair{*first, *last};
  return std::pair{*last, *last};
}

const SpecialtyInfo* RunSummary::specialty(const std::string& id) const {
  if (scenarios.empty()) return nullptr;
  for (const SpecialtyInfo& s : scenarios.front().specialties)
    if (s.id == id) return &s;
  return nullptr;
}

RunSummary parse_run_summary(const std::string& text, const std::string& shown) {
  const Json doc = parse_json_text(text, shown);
  const JsonReader root(doc, shown);
  root.any_object();
  RunSummary s;
  s.command = root.at("command").non_empty_string();
  s.version = optional_string(root, "forlob_version").value_or("");
  if (auto seed = root.find("seed")) {
    if (!seed->json().is_number_unsigned()) seed->expected("a non-negative integer");
    s.seed = seed->json().get<std::uint64_t>();
  }
  if (auto n = root.find("replications")) s.replications = n->integer(1, std::numeric_limits<int>::max());
  if (auto t = root.find("threads")) s.threads = t->integer(0, std::numeric_limits<int>::max());
  if (auto y = root.find("years")) {
    y->any_object();
    s.years = YearSpan{y->at("warmup_start").integer(1900, 2200), y->at("start").integer(1900, 2200),
                       y->at("end").integer(1900, 2200), y->at("followup_end").integer(1900, 2200)};
    s.years->hiring_end = s.years->end;
    if (auto h = y->find("hiring_end")) s.years->hiring_end = h->integer(s.years->end, s.years->followup_end);
  }
  std::vector<JsonReader> resolved;
  if (auto r = root.find("resolved_scenarios")) resolved = r->array();
  if (auto list = root.find("scenarios")) {
    const std::vector<JsonReader> items = list->array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const JsonReader& item = items[i];
      item.any_object();
      ScenarioInfo info;
      info.name = item.at("name").non_empty_string();
      info.file = optional_string(item, "file").value_or("");
      info.description = optional_string(item, "description").value_or("");
      if (auto tiers = item.find("source_tiers"))
        for (const JsonReader& t : tiers->members()) info.source_tiers.emplace_back(t.key(), t.count());
      if (auto params = item.find("parameters")) info.parameters = parameters_of(*params);
      if (auto flags = item.find("assumption_dependence"))
        for (const JsonReader& f : flags->array()) {
          f.any_object();
          info.assumption_parameters[f.at("headline").string()] = f.at("assumption_parameters").count();
          if (auto sources = f.find("assumption_sources"))
            for (const JsonReader& source : sources->array()) ++info.assumption_source_uses[source.string()];
        }
      if (auto files = item.find("input_files"))
        for (const JsonReader& f : files->array()) {
          f.any_object();
          info.input_files.push_back(
              {f.at("path").string(), f.at("hash").string(), f.at("shipped").boolean()});
        }
      if (auto sets = item.find("set"))
        for (const JsonReader& set : sets->array()) info.sets.push_back(set.string());
      if (auto changes = item.find("changes_from_shipped"))
        for (const JsonReader& c : changes->array()) {
          c.any_object();
          info.changes.push_back(
              {c.at("pointer").string(), c.at("from").string(), c.at("to").string(), c.at("by").string()});
        }
      if (i < resolved.size() && resolved[i].json().is_object()) {
        info.specialties = specialties_of(resolved[i]);
        info.trial_years = trial_years_of(resolved[i]);
      }
      if (auto headlines = item.find("headlines"))
        read_headlines(*headlines, info.name, info.specialties, s.headlines);
      s.scenarios.push_back(std::move(info));
    }
  }
  s.command_line = optional_string(root, "command_line").value_or("");
  if (auto w = root.find("what_if")) s.what_if = w->boolean();
  const std::vector<SpecialtyInfo> specialties =
      s.scenarios.empty() ? std::vector<SpecialtyInfo>{} : s.scenarios.front().specialties;
  if (auto d = root.find("difference")) {
    d->any_object();
    s.difference_label = d->at("label").non_empty_string();
    if (auto headlines = d->find("headlines"))
      read_headlines(*headlines, s.difference_label, specialties, s.headlines);
  }
  if (auto list = root.find("differences")) {
    for (const JsonReader& d : list->array()) {
      d.any_object();
      s.difference_labels.push_back(d.at("label").non_empty_string());
      // The two-scenario summary also has "difference": its headlines are read once.
      if (s.difference_labels.back() == s.difference_label) continue;
      if (auto headlines = d.find("headlines"))
        read_headlines(*headlines, s.difference_labels.back(), specialties, s.headlines);
    }
  } else if (!s.difference_label.empty()) {
    s.difference_labels.push_back(s.difference_label);
  }
  if (s.is_simulation() && s.scenarios.empty())
    root.at("scenarios").expected("a non-empty array of scenarios");
  return s;
}

RunSummary read_run_summary(const std::filesystem::path& file, const std::string& shown) {
  return parse_run_summary(read_text_file(file, shown), shown);
}

std::optional<int> incomplete_tail_from(const RunSummary& s) {
  if (!s.years || s.scenarios.empty() || s.scenarios.front().specialties.empty()) return std::nullopt;
  int shortest = s.scenarios.front().specialties.front().course_months;
  for (const SpecialtyInfo& sp : s.scenarios.front().specialties)
    shortest = std::min(shortest, sp.course_months);
  const int from = s.years->hiring_end + 1 + shortest / 12;
  if (from > s.years->followup_end) return std::nullopt;
  return from;
}

}  // namespace forlob
