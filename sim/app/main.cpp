// forlob: parse the command line, dispatch, and turn errors into exit codes. Nothing else.
#include <cstdio>
#include <exception>

#include "app/Commands.hpp"
#include "core/Errors.hpp"
#include "core/SignalCleanup.hpp"

int main(int argc, char** argv) {
  forlob::install_signal_cleanup();  // before any thread starts: SIGINT/SIGTERM remove staged output
  try {
    return forlob::run_command_line(argc, argv);
  } catch (const forlob::InputError& e) {
    std::fprintf(stderr, "forlob: error: %s\n", e.what());
    return forlob::kExitBadInput;
  } catch (const forlob::UsageError& e) {
    std::fprintf(stderr, "forlob: error: %s\n", e.what());
    return forlob::kExitBadInput;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "forlob: internal error: %s\n", e.what());
    return forlob::kExitInternal;
  }
}
