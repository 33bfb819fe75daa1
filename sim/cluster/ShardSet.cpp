#include "cluster/ShardSet.hpp"

#include <optional>

#include "core/Errors.hpp"
#include "core/TextFile.hpp"

namespace forlob {

namespace {

std::string shard_name(std::size_t k, std::size_t n) { return std::to_string(k) + "/" + std::to_string(n); }

ShardHeader read_header(const std::filesystem::path& dir) {
  const std::string name = (dir / kShardHeaderFile).string();
  if (!std::filesystem::is_regular_file(dir / kShardHeaderFile))
    throw InputError(
        dir.string(), "",
        std::string("expected a shard's directory (written by --shard K/N) with ") + kShardHeaderFile);
  const nlohmann::json j =
      nlohmann::json::parse(read_text_file(dir / kShardHeaderFile, name), nullptr, false);
  if (j.is_discarded()) throw InputError(name, "", "expected a JSON shard header");
  return shard_header_from_json(j, name);
}

}  // namespace

ShardSet read_shards(const std::vector<std::filesystem::path>& directories) {
  if (directories.empty()) throw InputError("forlob merge", "", "expected at least one shard directory");
  ShardSet set;
  std::vector<std::optional<std::filesystem::path>> by_index;
  for (const std::filesystem::path& dir : directories) {
    const ShardHeader h = read_header(dir);
    if (by_index.empty()) {
      set.header = h;
      by_index.resize(h.shards);
    } else if (const std::string d = header_difference(set.header, h); !d.empty()) {
      throw InputError(dir.string(), "",
                       "a shard of another run than " + directories.front().string() + ": " + d);
    }
    std::optional<std::filesystem::path>& slot = by_index[h.shard - 1];
    if (slot)
      throw InputError(dir.string(), "",
                       "shard " + shard_name(h.shard, h.shards) + " again (also " + slot->string() +
                           "); expected each shard once");
    slot = dir;
  }
  for (std::size_t k = 0; k < by_index.size(); ++k)
    if (!by_index[k])
      throw InputError(directories.front().string(), "",
                       "shard " + shard_name(k + 1, by_index.size()) + " is missing; expected all " +
                           std::to_string(by_index.size()) + " shards of the run, each once");
  for (const std::optional<std::filesystem::path>& dir : by_index) {
    const std::string name = (*dir / kPartialStateFile).string();
    const std::string bytes = read_text_file(*dir / kPartialStateFile, name);
    nlohmann::json state = nlohmann::json::from_cbor(bytes, true, false);
    if (state.is_discarded()) throw InputError(name, "", "expected a shard's partial state (CBOR)");
    set.directories.push_back(*dir);
    set.states.push_back(std::move(state));
    set.state_files.push_back(name);
  }
  return set;
}

}  // namespace forlob
