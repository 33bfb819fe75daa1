#pragma once
// The short table printed to stdout after a run: headline sums with their 90 % intervals. Plain
// text, numbers right-aligned with one decimal, widths counted in code points (UTF-8).
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/RunResult.hpp"

namespace forlob {

struct ConsoleRow {
  std::string label;
  std::size_t headline = 0;  // index into ScenarioResult::headlines
};

// Every headline whose name starts with prefix (all of them for ""), labelled by console_label().
std::vector<ConsoleRow> console_rows(const std::vector<Headline>& headlines, std::string_view prefix = "");

// A headline name for people: "completed_trial_specialties_2031_2036" becomes
// "completed trial specialties 2031–36".
std::string console_label(std::string_view headline_name);

// console_label() with specialty ids replaced by their names ("completed Børne- og
// ungdomspsykiatri 2026–36").
std::string headline_label(std::string_view headline_name, const Scenario& scenario);

// One scenario: label, mean, 90 % interval [p05, p95].
void print_run_table(std::ostream& out, const ScenarioResult& scenario, const std::vector<ConsoleRow>& rows);

// Two scenarios and their paired difference: label, A mean, B mean, B − A mean, B − A 90 % interval.
void print_compare_table(std::ostream& out, const ScenarioResult& a, const ScenarioResult& b,
                         const DifferenceResult& difference, const std::vector<ConsoleRow>& rows);

// print_compare_table when the result has a difference, else print_run_table for its first
// scenario; every headline is a row.
void print_console_table(std::ostream& out, const RunResult& result);

}  // namespace forlob
