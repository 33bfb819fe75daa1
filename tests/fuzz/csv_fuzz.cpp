// libFuzzer entry point for FuzzTargets.hpp's csv_input.
#include "fuzz/FuzzTargets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  forlob::fuzz::csv_input(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
