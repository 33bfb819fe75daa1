#pragma once
// The forlob executable's command line: every subcommand, dispatch and exit statuses.
#include "app/Command.hpp"

namespace forlob {

// Parses argv and runs the chosen subcommand; returns the exit status. Throws InputError and
// UsageError for bad input (main maps them to kExitBadInput).
int run_command_line(int argc, char** argv);

}  // namespace forlob
