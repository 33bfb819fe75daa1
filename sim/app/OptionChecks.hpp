#pragma once
// Checks that every command's options get, whatever the command: declared once here, applied to
// every option after the commands have declared theirs (Commands.cpp), so a new command cannot
// forget them. Option errors are one line, "forlob: error: ...", exit status 2.
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace forlob {

struct Scenario;

inline constexpr std::size_t kMaxArgumentBytes = 65536;

// Every option that takes a value: not empty, at most kMaxArgumentBytes. Every --seed: a decimal
// integer in 0..2^64-1 (CLI11 would wrap -1 and saturate 2^64 silently).
void add_option_checks(CLI::App& app);

// CLI11's failure message as one line: "forlob: error: <what>; see forlob <command> --help".
void use_one_line_errors(CLI::App& app);

// Scenarios run side by side must have distinct names: the output rows carry only the name.
void require_distinct_names(const std::vector<const Scenario*>& scenarios);

}  // namespace forlob
