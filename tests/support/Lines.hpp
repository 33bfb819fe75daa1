#pragma once
// The lines of a text, without their line ends.
#include <sstream>
#include <string>
#include <vector>

namespace forlob::testing {

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace forlob::testing
