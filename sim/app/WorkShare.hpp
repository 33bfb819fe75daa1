#pragma once
// How this process takes part in a simulating command (run, compare, forecast, sweep, sensitivity):
// all of it; one shard of it (--shard K/N), writing the exact partial state to its --out; one MPI
// rank of it, handing its partial state to rank 0; or, for `forlob merge`, none of the simulation,
// taking every shard's partial state instead. The share is always a contiguous range of the
// flattened (design point x replication) tasks, so a point's replications stay in order.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "cluster/ShardHeader.hpp"
#include "cluster/ShardSet.hpp"
#include "engine/TaskRange.hpp"
#include "scenario/ScenarioRecord.hpp"

namespace forlob {

class MpiWorld;
class OutputDirectory;

// What the command line's dispatch knows beyond the options: the MPI world (when a launcher started
// this process) and the shards being merged (when `forlob merge` runs the command).
struct WorkContext {
  const MpiWorld* world = nullptr;
  const ShardSet* merging = nullptr;
};

class WorkShare {
 public:
  // `shard`: the --shard value ("" when not given). Throws UsageError when it is not K/N with
  // 1 <= K <= N, or when it is given under mpirun.
  WorkShare(const WorkContext& context, const std::string& shard);

  // The tasks of [0, total) to run in this process (none when merging).
  TaskRange tasks(std::size_t total) const;
  // False on MPI ranks other than 0: they write nothing and print nothing.
  bool writes_output() const;

  // After the command ran tasks(header.tasks) into its result: a shard writes `header` (completed
  // with its share, forlob version and command line) and state() into `out` and commits; an MPI rank
  // other than 0 sends state() to rank 0. Rank 0, and a merge, then take in every other share's
  // state with absorb(state, file). Returns true when this process holds the complete result and
  // writes it as one unsharded run would. When merging, throws InputError when `header` (the
  // command as it would run now) differs from the shards' (e.g. an input file changed since).
  bool finish(OutputDirectory* out, ShardHeader header, const std::function<nlohmann::json()>& state,
              const std::function<void(const nlohmann::json&, const std::string&)>& absorb) const;

 private:
  WorkContext context_;
  std::size_t shard_ = 0, shards_ = 0;  // --shard K/N; 0: not a shard
};

// Every file a scenario's record lists, with its hash; and one more file, hashed here.
std::vector<ShardInput> scenario_inputs(const std::vector<ScenarioRecord>& scenarios);
ShardInput file_input(const std::string& path);

// The member `key` of a partial state; throws InputError naming `file` when it is absent.
const nlohmann::json& state_member(const nlohmann::json& state, const std::string& key,
                                   const std::string& file);

// A header for this command line: the version, the recorded command line and its result options.
ShardHeader command_header(const std::string& command, std::vector<ShardInput> inputs, std::uint64_t seed,
                           std::int64_t replications, std::size_t tasks);

}  // namespace forlob
