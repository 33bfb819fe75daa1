#pragma once
// The exact state of a CellDistribution as JSON, for the partial results of shards and MPI ranks:
// {"n": replications, "cells": [[v0, c0, d1, c1, ...], ...]}, each cell its values seen in
// increasing order (the first as it is, each later one as its step from the one before, mostly 1)
// and their counts. Bounded by the values' range, never by the replication count.
#include <nlohmann/json.hpp>
#include <string>

#include "stats/CellDistribution.hpp"

namespace forlob {

nlohmann::json distribution_json(const CellDistribution& distribution);

// Throws InputError(file, place, ...) when `j` is not such a state of `cells` cells.
CellDistribution distribution_from_json(const nlohmann::json& j, std::size_t cells, const std::string& file,
                                        const std::string& place);

}  // namespace forlob
