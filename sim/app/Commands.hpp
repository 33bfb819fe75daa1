#pragma once
// The subcommands of the forlob executable.
namespace forlob {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;  // bad scenario, bad option, existing output directory
inline constexpr int kExitInternal = 3;  // a bug: please report it

// Parses argv and runs the chosen subcommand; returns the exit status. Throws InputError and
// UsageError for bad input (main maps them to kExitBadInput).
int run_command_line(int argc, char** argv);

}  // namespace forlob
