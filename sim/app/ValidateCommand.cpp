#include "app/ValidateCommand.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "scenario/ParameterTable.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {

namespace {

// What `validate` prints for a good scenario.
std::string validation_report(const Scenario& s) {
  const std::map<std::string, int> tiers = s.source_tiers();
  std::ostringstream out;
  out << "ok: " << s.file << " (scenario '" << s.name << "'): " << s.specialty_count()
      << " specialties, hiring rounds " << s.calendar.warmup_start_year << "-" << s.calendar.end_year
      << " (warm-up before " << s.calendar.start_year << "), completions followed to "
      << s.calendar.followup_end_year << ".\n";
  out << "  flex scheme: ";
  if (s.flex && !s.flex->caps.empty())
    out << "caps " << s.flex->caps.begin()->first << "-" << s.flex->caps.rbegin()->first << "\n";
  else
    out << "off\n";
  out << "  extraordinary trial: ";
  if (s.extraordinary)
    out << s.extraordinary->first_year << "-" << s.extraordinary->last_year << ", "
        << s.extraordinary->anchors.size() << " anchors\n";
  else
    out << "off\n";
  out << "  sources:";
  for (const auto& [tier, n] : tiers) out << " " << tier << " " << n;
  out << "\n  parameters in use:";
  for (const auto& [tier, n] : count_tiers(parameter_table(s))) out << " " << tier << " " << n;
  out << " (forlob params lists them)\n";
  return out.str();
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  struct Options {
    std::string file;
    std::vector<std::string> set;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("validate", "Check a scenario and say what is wrong");
  cmd->add_option("SCENARIO", o->file, "Scenario JSON file")->required();
  cmd->add_option("--set", o->set, "Patch the scenario: /json/pointer=value (repeatable)");
  return {cmd, [o] {
            std::cout << validation_report(load_scenario(o->file, o->set));
            return kExitOk;
          }};
}

}  // namespace forlob
