// libFuzzer entry point for FuzzTargets.hpp's json_input.
#include "fuzz/FuzzTargets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  forlob::fuzz::json_input(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
