#include "app/ParamsCommand.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>

#include "core/Errors.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/ParameterRegistry.hpp"
#include "scenario/ParameterTable.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {

namespace {

std::string number_text(double value) {
  std::string text;
  append_shortest(text, value);
  return text;
}

void print_csv(std::ostream& out, const std::vector<Parameter>& table) {
  out << "pointer,value,tier,source,source_pointer,replaced_by\n";
  for (const Parameter& p : table) {
    std::string line = csv_field(p.pointer);
    line.append(",").append(number_text(p.value)).append(",");
    line.append(csv_field(p.tier)).append(",").append(csv_field(p.source)).append(",");
    line.append(csv_field(p.source_pointer)).append(",").append(csv_field(p.replaced_by));
    out << line << "\n";
  }
}

void print_table(std::ostream& out, const Scenario& s, const std::vector<Parameter>& table) {
  std::size_t pointer_width = 7, value_width = 5;
  for (const Parameter& p : table) {
    pointer_width = std::max(pointer_width, utf8_width(p.pointer));
    value_width = std::max(value_width, number_text(p.value).size());
  }
  const auto pad = [](const std::string& text, std::size_t width) {
    return text + std::string(width - std::min(width, utf8_width(text)), ' ');
  };
  out << "Parameters of scenario '" << s.name << "' (" << s.file << "): " << table.size() << " numbers\n";
  out << pad("pointer", pointer_width) << "  " << pad("value", value_width) << "  " << pad("tier", 10)
      << "  source\n";
  for (const Parameter& p : table) {
    const std::string value = number_text(p.value);
    out << pad(p.pointer, pointer_width) << "  " << std::string(value_width - value.size(), ' ') << value
        << "  " << pad(p.tier, 10) << "  ";
    if (!p.replaced_by.empty()) out << "(not used: replaced by " << p.replaced_by << ") ";
    out << p.source << "\n";
  }
  out << "In use by tier:";
  for (const auto& [tier, n] : count_tiers(table)) out << " " << tier << " " << n << ";";
  out << " sources are given per JSON pointer prefix in the scenario's /sources.\n";
}

}  // namespace

Command add_params_command(CLI::App& app) {
  struct Options {
    std::string file;
    std::vector<std::string> set;
    bool csv = false;
    bool registry = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd =
      app.add_subcommand("params", "List every parameter of a scenario with its value, tier and source");
  CLI::Option* file = cmd->add_option("SCENARIO", o->file, "Scenario JSON file");
  cmd->add_option("--set", o->set, "Patch the scenario: /json/pointer=value (repeatable)");
  cmd->add_flag("--csv", o->csv,
                "Write CSV (pointer,value,tier,source,source_pointer,replaced_by) to stdout");
  cmd->add_flag("--registry", o->registry,
                "Print every parameter a scenario may hold, with its unit, bounds and meaning (Markdown)")
      ->excludes(file);
  return {cmd, [o] {
            if (o->registry) {
              std::cout << registry_markdown();
              return kExitOk;
            }
            if (o->file.empty()) throw UsageError("params: expected a SCENARIO file (or --registry)");
            const Scenario s = load_scenario(o->file, o->set);
            const std::vector<Parameter> table = parameter_table(s);
            if (o->csv)
              print_csv(std::cout, table);
            else
              print_table(std::cout, s, table);
            return kExitOk;
          }};
}

}  // namespace forlob
