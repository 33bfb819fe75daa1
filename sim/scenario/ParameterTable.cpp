#include "scenario/ParameterTable.hpp"

#include <nlohmann/json.hpp>

#include "scenario/JsonReader.hpp"
#include "scenario/LayerChecks.hpp"

namespace forlob {

namespace {

using OrderedJson = nlohmann::ordered_json;

class TableBuilder {
 public:
  TableBuilder(const Scenario& scenario, const nlohmann::json& doc) : scenario_(scenario), doc_(doc) {}

  void walk(const OrderedJson& value, const std::string& pointer) {
    if (pointer == "/sources") return;
    if (value.is_object()) {
      for (const auto& [key, child] : value.items()) walk(child, pointer + "/" + escape_pointer_token(key));
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) walk(value[i], pointer + "/" + std::to_string(i));
    } else if (value.is_number()) {
      add(pointer, value.get<double>());
    }
  }

  std::vector<Parameter> table;

 private:
  void add(const std::string& pointer, double value) {
    Parameter p;
    p.pointer = pointer;
    p.value = value;
    if (const auto* covering = scenario_.source_covering(pointer)) {  // the loader guarantees one
      p.source_pointer = covering->first;
      p.tier = source_tier(covering->second);
      p.source = source_citation(covering->second);
    }
    p.replaced_by = replaced_by(doc_, pointer);
    table.push_back(std::move(p));
  }

  const Scenario& scenario_;
  const nlohmann::json& doc_;
};

}  // namespace

std::vector<Parameter> parameter_table(const Scenario& scenario) {
  if (scenario.resolved_json.empty()) return {};
  const OrderedJson doc = OrderedJson::parse(scenario.resolved_json);
  const nlohmann::json lookup = nlohmann::json::parse(scenario.resolved_json);
  TableBuilder builder(scenario, lookup);
  builder.walk(doc, "");
  return std::move(builder.table);
}

std::map<std::string, int> count_tiers(const std::vector<Parameter>& parameters) {
  std::map<std::string, int> tiers;
  for (const Parameter& p : parameters)
    if (p.replaced_by.empty()) tiers[p.tier] += 1;
  return tiers;
}

}  // namespace forlob
