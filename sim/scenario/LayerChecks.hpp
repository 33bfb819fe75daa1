#pragma once
// Two checks on a scenario's layers that keep a what-if honest: a --set must change something the
// simulator reads, and a value a file changes from its parent must carry that file's own source.
#include <map>
#include <string>
#include <vector>

#include "scenario/ScenarioDocument.hpp"

namespace forlob {

// A number a layer sets that its parents give differently or not at all (`from` is null then).
struct LayerChange {
  std::string pointer;
  nlohmann::json from, to;
};

// The numbers layers[layer] changes from what the layers below it (its parents) give merged.
std::vector<LayerChange> changed_numbers(const ScenarioDocument& document, std::size_t layer);

// The pointer of the value the simulator reads instead of the one at `pointer`, or "" when it
// reads that one: a calibrated cell /fill/cells/ID/REGION/mean replaces /fill/mean/ID/REGION.
std::string replaced_by(const nlohmann::json& document, const std::string& pointer);

// Under `/fill/model` "applicants" (the shipped default), what to set instead of a number that
// only the independent fill model reads (/fill/mean, /fill/cells, /fill/concentration,
// /fill/year_concentration, /fill/kind_multiplier, /fill/repost_multiplier); "" when the scenario's
// fill model reads `pointer`. /fill/scale is read by both models.
std::string unread_by_fill_model(const nlohmann::json& document, const std::string& pointer);

// Throws InputError naming the --set argument when a number it sets (or one under it) is replaced
// by another value or not read by the scenario's fill model, so that the --set would change nothing.
void require_sets_take_effect(const ScenarioDocument& document);

// Throws InputError naming the file and pointer when a file sets a number that differs from what
// its parents give (or that they lack) and the source covering it in `sources` (the resolved
// /sources) was written by a parent: the changed value would otherwise inherit the parent's citation.
void require_own_sources(const ScenarioDocument& document, const std::map<std::string, std::string>& sources);

}  // namespace forlob
