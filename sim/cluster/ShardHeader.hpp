#pragma once
// The header of a shard's partial result (shard.json): what was run, by which forlob, from which
// input files (with content hashes) and options, and which share of the replication tasks this
// shard holds. Two shards merge only when their headers agree on everything but the share.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/TaskRange.hpp"

namespace forlob {

struct ShardInput {
  std::string path;  // as the command read it
  std::string hash;  // fnv1a64_text of its bytes
  bool operator==(const ShardInput&) const = default;
};

struct ShardHeader {
  // 3: each histogram cell carries its own bucket width (a shift, by its spread), its non-zero keys
  // and, when binned, its exact sums (2: log-linear buckets beyond an exact range).
  static constexpr const char* kFormat = "forlob-shard/3";
  std::string forlob_version;
  std::string command;                    // run, compare, forecast, sweep or sensitivity
  std::vector<std::string> command_line;  // as recorded, the program first (--shard and --out included)
  std::vector<std::string> options;       // result_options(command_line)
  std::vector<ShardInput> inputs;         // every file the results depend on
  std::uint64_t seed = 0;
  std::int64_t replications = 0;
  std::size_t tasks = 0;              // design points x replications
  std::size_t shard = 0, shards = 0;  // shard K of N (1-based)
  TaskRange range;                    // share_of(tasks, shard, shards)
};

nlohmann::json shard_header_json(const ShardHeader& header);
// Throws InputError naming `file` when `j` is not a shard header of this format.
ShardHeader shard_header_from_json(const nlohmann::json& j, const std::string& file);

// The arguments after the program that can change a result: the command line without --out, --threads,
// --force, --quiet and --shard (and their short forms), which change only where and how fast.
std::vector<std::string> result_options(const std::vector<std::string>& command_line);

// What makes `other` a shard of another run than `mine` (a different forlob version, command, seed,
// replication count, input file or option, or another count of shards), in a few words; "" if
// nothing does. Which share each holds is not compared.
std::string header_difference(const ShardHeader& mine, const ShardHeader& other);

}  // namespace forlob
