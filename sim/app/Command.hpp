#pragma once
// A subcommand of the forlob executable. Each command lives in its own file and offers one
// function `Command add_<name>_command(CLI::App& app)` that declares its options on `app` and returns
// what to do when the user chose it; Commands.cpp lists them. Adding a command is adding a file.
#include <functional>

namespace CLI {
class App;
}

namespace forlob {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;  // bad scenario, data or option; existing output directory
inline constexpr int kExitInternal = 3;  // a bug: please report it

struct Command {
  CLI::App* cli = nullptr;   // the CLI11 subcommand; chosen when *cli is true after parsing
  std::function<int()> run;  // runs the command and returns the exit status
};

}  // namespace forlob
