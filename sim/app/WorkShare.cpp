#include "app/WorkShare.hpp"

#include <charconv>

#include "app/CommandLine.hpp"
#include "app/MpiTransport.hpp"
#include "core/ContentHash.hpp"
#include "core/Errors.hpp"
#include "core/TextFile.hpp"
#include "output/OutputDirectory.hpp"

namespace forlob {

namespace {

bool parse_count(std::string_view text, std::size_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

WorkShare::WorkShare(const WorkContext& context, const std::string& shard) : context_(context) {
  if (shard.empty()) return;
  const std::size_t slash = shard.find('/');
  std::size_t k = 0, n = 0;
  if (slash == std::string::npos || !parse_count(std::string_view(shard).substr(0, slash), k) ||
      !parse_count(std::string_view(shard).substr(slash + 1), n) || k < 1 || k > n || n > 100'000)
    throw UsageError("--shard " + shard + ": expected K/N with 1 <= K <= N <= 100000 (shard K of N)");
  if (context.world != nullptr)
    throw UsageError("--shard " + shard +
                     ": expected either --shard or mpirun, not both (each MPI rank is a shard)");
  shard_ = k;
  shards_ = n;
}

TaskRange WorkShare::tasks(std::size_t total) const {
  if (context_.merging != nullptr) return {0, 0};
  if (shards_ > 0) return share_of(total, shard_, shards_);
  if (context_.world != nullptr)
    return share_of(total, static_cast<std::size_t>(context_.world->rank()) + 1,
                    static_cast<std::size_t>(context_.world->size()));
  return {0, total};
}

bool WorkShare::writes_output() const { return context_.world == nullptr || context_.world->rank() == 0; }

bool WorkShare::finish(OutputDirectory* out, ShardHeader header, const std::function<nlohmann::json()>& state,
                       const std::function<void(const nlohmann::json&, const std::string&)>& absorb) const {
  if (const ShardSet* set = context_.merging) {
    header.shards = set->header.shards;
    if (const std::string d = header_difference(set->header, header); !d.empty())
      throw InputError(set->directories.front().string(), "",
                       "the shards are of another run than this command line would make now: " + d);
    for (std::size_t k = 0; k < set->states.size(); ++k) absorb(set->states[k], set->state_files[k]);
    return true;
  }
  if (shards_ > 0) {
    header.shard = shard_;
    header.shards = shards_;
    header.range = share_of(header.tasks, shard_, shards_);
    out->write(kShardHeaderFile, shard_header_json(header).dump(2) + "\n");
    const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(state());
    out->write(kPartialStateFile, std::string(bytes.begin(), bytes.end()));
    out->commit();
    return false;
  }
  if (const MpiWorld* world = context_.world) {
    std::string mine;
    if (world->rank() != 0) {
      const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(state());
      mine.assign(bytes.begin(), bytes.end());
    }
    const std::vector<std::string> all = world->gather(mine);
    for (std::size_t r = 1; r < all.size(); ++r) {
      const std::string from = "MPI rank " + std::to_string(r);
      const nlohmann::json j = nlohmann::json::from_cbor(all[r], true, false);
      if (j.is_discarded()) throw std::runtime_error(from + " sent a partial state that is not CBOR");
      absorb(j, from);
    }
    return world->rank() == 0;
  }
  return true;
}

std::vector<ShardInput> scenario_inputs(const std::vector<ScenarioRecord>& scenarios) {
  std::vector<ShardInput> out;
  for (const ScenarioRecord& s : scenarios)
    for (const InputFileRecord& f : s.files) out.push_back({f.path, f.hash});
  return out;
}

ShardInput file_input(const std::string& path) { return {path, fnv1a64_text(read_text_file(path, path))}; }

const nlohmann::json& state_member(const nlohmann::json& state, const std::string& key,
                                   const std::string& file) {
  if (!state.is_object() || !state.contains(key))
    throw InputError(file, "/" + key, "expected the partial state's '" + key + "'");
  return state[key];
}

ShardHeader command_header(const std::string& command, std::vector<ShardInput> inputs, std::uint64_t seed,
                           std::int64_t replications, std::size_t tasks) {
  ShardHeader h;
  h.forlob_version = FORLOB_VERSION;
  h.command = command;
  h.command_line = recorded_command_line();
  h.options = result_options(h.command_line);
  h.inputs = std::move(inputs);
  h.seed = seed;
  h.replications = replications;
  h.tasks = tasks;
  return h;
}

}  // namespace forlob
