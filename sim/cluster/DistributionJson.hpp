#pragma once
// The exact state of a CellDistribution as JSON, for the partial results of shards and MPI ranks:
// {"n": replications, "resolution": [exact bits, bucket bits], "cells": [[v0, c0, d1, c1, ...], ...],
// "beyond": [[cell, sum, hi, lo], ...]}, each cell its buckets seen (CellDistribution::bucket_of: the values
// themselves in the exact range) in increasing order (the first as it is, each later one as its step from the
// one before, mostly 1) and their counts; then, for each cell with values beyond the exact range, their exact
// sum and sum of squares (its high and low 64 bits). Bounded by the buckets' range, never by the replication
// count.
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
