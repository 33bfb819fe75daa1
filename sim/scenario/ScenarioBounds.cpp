#include "scenario/ScenarioBounds.hpp"

#include <boost/math/distributions/gamma.hpp>
#include <cmath>
#include <cstdio>
#include <utility>
#include <vector>

#include "core/Errors.hpp"
#include "model/TraineeModel.hpp"
#include "scenario/ParameterRegistry.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

[[noreturn]] void fail_at(const FileNamer& namer, const std::string& pointer, const std::string& message) {
  throw InputError(one_line(namer(pointer)), one_line(pointer), one_line(message));
}

void check_number(const Json& value, const std::string& pointer, const FileNamer& namer) {
  const ParameterInfo* info = find_parameter(pointer);
  if (info == nullptr) return;  // not a parameter: the structural checks decide
  const double v = value.get<double>();
  const bool integer = info->kind != ParameterInfo::Kind::Integer || v == std::floor(v);
  const bool in_range = v >= info->min && v <= info->max && !(v > 0 && v < info->min_positive);
  if (!integer || !in_range || !std::isfinite(v))
    fail_at(namer, pointer, "expected " + bounds_text(*info) + ", got " + describe_value(value));
}

void check_text(const Json& value, const std::string& pointer, const FileNamer& namer) {
  const std::size_t limit = pointer == "/name" ? kMaxNameBytes : kMaxTextBytes;
  const std::size_t size = value.get_ref<const std::string&>().size();
  if (size > limit)
    fail_at(namer, pointer,
            "expected a text of at most " + std::to_string(limit) + " bytes, got " + std::to_string(size));
}

// Iterative: the document's depth is bounded (JsonLimits) but a walk need not rely on it.
void check_values(const Json& document, const FileNamer& namer) {
  std::vector<std::pair<const Json*, std::string>> pending{{&document, ""}};
  while (!pending.empty()) {
    auto [value, pointer] = std::move(pending.back());
    pending.pop_back();
    if (value->is_structured() && value->size() > kMaxListItems)
      fail_at(namer, pointer,
              "expected at most " + std::to_string(kMaxListItems) + " items, got " +
                  std::to_string(value->size()));
    if (value->is_object()) {
      for (const auto& [key, child] : value->items())
        pending.emplace_back(&child, pointer + "/" + escape_pointer_token(key));
    } else if (value->is_array()) {
      for (std::size_t i = 0; i < value->size(); ++i)
        pending.emplace_back(&(*value)[i], pointer + "/" + std::to_string(i));
    } else if (value->is_number()) {
      if (pointer.rfind("/sources/", 0) != 0) check_number(*value, pointer, namer);
    } else if (value->is_string()) {
      check_text(*value, pointer, namer);
    }
  }
}

std::string months_text(double months) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", months);
  return buf;
}

// Extensions longer than TraineeModel::kMaxExtensionMonths are cut to it; a distribution that puts
// more than kDelayTailProbability there would be changed silently.
void check_delay_tails(const Scenario& scenario, const FileNamer& namer) {
  for (std::size_t i = 0; i < scenario.specialties.size(); ++i) {
    const SpecialtySpec& s = scenario.specialties[i];
    if (s.delay_probability <= 0 || s.delay_mean_months <= 0) continue;
    const boost::math::gamma_distribution<> g(s.delay_shape, s.delay_mean_months / s.delay_shape);
    const double tail = boost::math::quantile(g, 1 - kDelayTailProbability);
    if (tail > TraineeModel::kMaxExtensionMonths) {
      const std::string pointer = "/specialties/" + std::to_string(i) + "/delay/mean_months";
      fail_at(namer, pointer,
              "expected a delay whose 99.9th percentile is within " +
                  std::to_string(TraineeModel::kMaxExtensionMonths) +
                  " months (longer extensions are cut), got " + months_text(tail) + " months (mean " +
                  describe_value(Json(s.delay_mean_months)) + ", shape " +
                  describe_value(Json(s.delay_shape)) + ")");
    }
  }
}

}  // namespace

void check_scenario_bounds(const nlohmann::json& document, const Scenario& scenario, const FileNamer& namer) {
  check_values(document, namer);
  check_delay_tails(scenario, namer);
}

}  // namespace forlob
