#pragma once
// Reads a scenario file, follows its "extends" chain (each child is a JSON Merge Patch, RFC 7396,
// on its parent), applies --set overrides, validates everything and converts it into a Scenario.
// Every problem is an InputError naming the file (or --set argument) and the JSON pointer.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace forlob {

// Loads and validates `file`; `set_args` are "/json/pointer=value" overrides applied in order
// (the value is parsed as JSON, or taken as a string when it is not JSON).
Scenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& set_args = {});

// The merged document after extends and --set, not yet validated, without the "extends" key.
nlohmann::json resolve_scenario_document(const std::filesystem::path& file,
                                         const std::vector<std::string>& set_args = {});

}  // namespace forlob
