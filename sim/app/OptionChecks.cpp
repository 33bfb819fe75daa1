#include "app/OptionChecks.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdlib>

#include "core/Errors.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

namespace {

std::string check_value(const std::string& value) {
  if (value.empty()) return "expected a non-empty value";
  if (value.size() > kMaxArgumentBytes)
    return "expected at most " + std::to_string(kMaxArgumentBytes) + " bytes, got " +
           std::to_string(value.size());
  return {};
}

std::string check_seed(const std::string& value) {
  const std::string expected =
      "expected a seed, an integer in 0..18446744073709551615, got '" + one_line(shortened(value, 40)) + "'";
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return expected;
  errno = 0;
  (void)std::strtoull(value.c_str(), nullptr, 10);
  if (errno == ERANGE) return expected;
  return {};
}

void check_options_of(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_expected_min() == 0) continue;  // a flag
    option->check(CLI::Validator(check_value, "", "value"));
    if (option->check_lname("seed")) option->check(CLI::Validator(check_seed, "", "seed"));
  }
  for (CLI::App* sub : app.get_subcommands({})) check_options_of(*sub);
}

}  // namespace

void add_option_checks(CLI::App& app) { check_options_of(app); }

void use_one_line_errors(CLI::App& app) {
  app.failure_message([](const CLI::App* top, const CLI::Error& e) {
    std::string command = "forlob";
    for (const CLI::App* sub : top->get_subcommands()) command += " " + sub->get_name();  // those parsed
    return "forlob: error: " + one_line(e.what()) + "; see " + command + " --help\n";
  });
}

void require_distinct_names(const std::vector<const Scenario*>& scenarios) {
  for (std::size_t i = 0; i < scenarios.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (scenarios[i]->name == scenarios[j]->name)
        throw InputError(scenarios[i]->file, "/name",
                         "the name '" + scenarios[i]->name + "' is also the name of " + scenarios[j]->file +
                             "; expected distinct names (the output rows are told apart by name)");
}

}  // namespace forlob
