#pragma once
// The exact state of a CellDistribution as JSON, for the partial results of shards and MPI ranks:
// {"n": replications, "buckets": B, "cells": [[k0, c0, d1, c1, ...], ...], "binned": [[cell, shift, sum, hi,
// lo], ...]}: each cell its non-zero buckets seen (their keys, CellDistribution::key_of; the values
// themselves in a cell that is not binned) in increasing order (the first as it is, each later one as its
// step from the one before, mostly 1) and their counts, its zeros being the rest of the n; then, for each
// binned cell, its shift and the exact sum and sum of squares (its high and low 64 bits) of its values. At
// most B buckets a cell, whatever the replication count.
#include <nlohmann/json.hpp>
#include <string>

#include "stats/CellDistribution.hpp"

namespace forlob {

nlohmann::json distribution_json(const CellDistribution& distribution);

// Throws InputError(file, place, ...) when `j` is not such a state of `cells` cells, at this
// process's resolution (CellDistribution::default_resolution()).
CellDistribution distribution_from_json(const nlohmann::json& j, std::size_t cells, const std::string& file,
                                        const std::string& place);

}  // namespace forlob
