#pragma once
// The shards of one run, as `forlob merge` reads them: each directory's header (shard.json) and
// partial state (partial.cbor), checked to be the N shards of one run, each once.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cluster/ShardHeader.hpp"

namespace forlob {

inline constexpr const char* kShardHeaderFile = "shard.json";
inline constexpr const char* kPartialStateFile = "partial.cbor";

struct ShardSet {
  ShardHeader header;                              // shard 1's
  std::vector<std::filesystem::path> directories;  // in shard order, 1 to N
  std::vector<nlohmann::json> states;              // partial states, in shard order
  std::vector<std::string> state_files;            // how messages name each state's file
};

// Throws InputError naming the directory when it is not a shard, when it is a shard of another run
// than the first directory's (saying what differs), when it repeats a shard, or, naming the first
// directory, when a shard is missing. Reads the partial states only once the headers agree.
ShardSet read_shards(const std::vector<std::filesystem::path>& directories);

}  // namespace forlob
