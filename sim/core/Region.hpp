#pragma once
// The three training regions (videreuddannelsesregioner). Fixed by law, so an enum, not data.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forlob {

enum class Region : std::uint8_t { Nord = 0, Syd = 1, Ost = 2 };  // one byte: postings are many

inline constexpr int kRegionCount = 3;
inline constexpr std::array<Region, kRegionCount> kRegions{Region::Nord, Region::Syd, Region::Ost};

constexpr int index(Region r) { return static_cast<int>(r); }

constexpr std::string_view region_name(Region r) {
  constexpr std::array<std::string_view, kRegionCount> names{"Nord", "Syd", "Øst"};
  return names[static_cast<std::size_t>(index(r))];
}

inline std::optional<Region> parse_region(std::string_view name) {
  for (Region r : kRegions)
    if (region_name(r) == name) return r;
  return std::nullopt;
}

// "Nord", "Syd", "Øst", for messages that list what is accepted.
inline std::vector<std::string> region_names() {
  std::vector<std::string> names;
  for (Region r : kRegions) names.emplace_back(region_name(r));
  return names;
}

}  // namespace forlob
