#pragma once
// `forlob merge OUT DIR...`: combines the shards of one run (--shard 1/N ... N/N) into exactly the
// files the unsharded run writes. It checks the shards, then runs the shards' own command line
// (without --shard, with --out OUT) taking the shards' partial states instead of simulating, so the
// same writers write the same bytes.
#include <functional>
#include <string>
#include <vector>

#include "app/Command.hpp"
#include "cluster/ShardSet.hpp"

namespace forlob {

// Runs a command line (the program first) with `shards` as the source of its results.
using MergeDispatch = std::function<int(const std::vector<std::string>&, const ShardSet&)>;

Command add_merge_command(CLI::App& app, MergeDispatch dispatch);

// The shards' command line as the merge runs it: --shard dropped, --out OUT in place of the shards'
// --out, --force only if the merge has it, --quiet if either has it, --threads T if the merge gives one.
std::vector<std::string> merged_command_line(const std::vector<std::string>& shard_line,
                                             const std::string& out, bool force, bool quiet, int threads);

}  // namespace forlob
