#include "sensitivity/ParameterSpec.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "core/Errors.hpp"
#include "core/TextFile.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/JsonText.hpp"

namespace forlob {

namespace {

bool read_number(const std::string& text, double& out) {
  if (text.empty()) return false;
  const char* first = text.data();
  const char* last = first + text.size();
  if (*first == '+') ++first;  // from_chars does not take a leading '+'
  const auto [end, ec] = std::from_chars(first, last, out);
  return ec == std::errc() && end == last && std::isfinite(out);
}

std::string bounds_expected(double lower, double upper) {
  return "expected LOW < HIGH, got " + describe_value(lower) + " and " + describe_value(upper);
}

}  // namespace

ParameterSpec parse_parameter_arg(const std::string& text) {
  ParameterSpec spec;
  spec.origin = "--param " + one_line(text);
  const auto eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError(spec.origin, "",
                     "expected NAME=LOW:HIGH, e.g. fill.overall=0.8:1.2 or /fill/concentration=50:200");
  spec.label = text.substr(0, eq);
  const std::string range = text.substr(eq + 1);
  const auto colon = range.find(':');
  if (colon == std::string::npos || !read_number(range.substr(0, colon), spec.lower) ||
      !read_number(range.substr(colon + 1), spec.upper))
    throw InputError(spec.origin, "",
                     "expected LOW:HIGH after '=' as two finite numbers, got '" + one_line(range) + "'");
  if (!(spec.lower < spec.upper)) throw InputError(spec.origin, "", bounds_expected(spec.lower, spec.upper));
  return spec;
}

std::vector<ParameterSpec> read_parameter_file(const std::filesystem::path& file) {
  const std::string name = file.string();
  // Line and column of malformed JSON, and duplicate keys rejected, as for scenarios.
  const nlohmann::json doc = parse_json_text(read_text_file(file, name), name);
  const JsonReader root(doc, name);
  root.object({"parameters"});
  std::vector<ParameterSpec> specs;
  for (const JsonReader& p : root.at("parameters").array(1)) {
    p.object({"name", "lower", "upper"});
    ParameterSpec spec;
    spec.origin = name + ": " + p.pointer();
    spec.label = p.at("name").non_empty_string();
    const double limit = std::numeric_limits<double>::max();
    spec.lower = p.at("lower").number(-limit, limit, "a finite number");
    spec.upper = p.at("upper").number(-limit, limit, "a finite number");
    if (!(spec.lower < spec.upper))
      throw InputError(name, p.pointer(), bounds_expected(spec.lower, spec.upper));
    specs.push_back(spec);
  }
  return specs;
}

std::vector<ParameterSpec> collect_parameters(const std::vector<std::string>& args, const std::string& file) {
  std::vector<ParameterSpec> specs;
  for (const std::string& a : args) specs.push_back(parse_parameter_arg(a));
  if (!file.empty())
    for (ParameterSpec& s : read_parameter_file(file)) specs.push_back(std::move(s));
  if (specs.empty())
    throw InputError("--param", "", "expected at least one parameter, e.g. --param fill.overall=0.8:1.2");
  std::set<std::string> seen;
  for (const ParameterSpec& s : specs)
    if (!seen.insert(s.label).second)
      throw InputError(s.origin, "",
                       "expected each parameter once; '" + one_line(s.label) + "' is given twice");
  return specs;
}

}  // namespace forlob
