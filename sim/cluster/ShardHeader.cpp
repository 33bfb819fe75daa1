#include "cluster/ShardHeader.hpp"

#include <array>
#include <string_view>

#include "core/Errors.hpp"

namespace forlob {

namespace {

// Options that take a value and change only where or how fast a command runs.
constexpr std::array<std::string_view, 5> kPlacementValued{"--out", "-o", "--threads", "-t", "--shard"};
constexpr std::array<std::string_view, 3> kPlacementFlags{"--force", "--quiet", "-q"};

bool is_one_of(std::string_view arg, const auto& names) {
  for (std::string_view n : names)
    if (arg == n) return true;
  return false;
}

// --out=DIR, or -oDIR / -t4 (CLI11 accepts a short option's value attached).
bool is_attached_placement(std::string_view arg) {
  for (std::string_view n : kPlacementValued) {
    if (n.starts_with("--") && arg.starts_with(n) && arg.size() > n.size() && arg[n.size()] == '=')
      return true;
    if (!n.starts_with("--") && arg.starts_with(n) && arg.size() > n.size()) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out.empty() ? "(none)" : out;
}

}  // namespace

std::vector<std::string> result_options(const std::vector<std::string>& command_line) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i < command_line.size(); ++i) {
    const std::string& arg = command_line[i];
    if (is_one_of(arg, kPlacementValued)) {
      ++i;  // and its value
      continue;
    }
    if (is_one_of(arg, kPlacementFlags) || is_attached_placement(arg)) continue;
    out.push_back(arg);
  }
  return out;
}

nlohmann::json shard_header_json(const ShardHeader& h) {
  nlohmann::json inputs = nlohmann::json::array();
  for (const ShardInput& in : h.inputs) inputs.push_back({{"path", in.path}, {"hash", in.hash}});
  nlohmann::json j;
  j["format"] = ShardHeader::kFormat;
  j["forlob_version"] = h.forlob_version;
  j["command"] = h.command;
  j["command_line"] = h.command_line;
  j["options"] = h.options;
  j["inputs"] = inputs;
  j["seed"] = h.seed;
  j["replications"] = h.replications;
  j["tasks"] = h.tasks;
  j["shard"] = {
      {"index", h.shard}, {"count", h.shards}, {"first_task", h.range.begin}, {"end_task", h.range.end}};
  return j;
}

ShardHeader shard_header_from_json(const nlohmann::json& j, const std::string& file) {
  const auto expect = [&](bool ok, const std::string& place, const std::string& what) {
    if (!ok) throw InputError(file, place, "expected " + what);
  };
  expect(j.is_object() && j.value("format", "") == ShardHeader::kFormat, "/format",
         std::string("\"") + ShardHeader::kFormat + "\" (a shard header written by forlob --shard)");
  ShardHeader h;
  try {
    h.forlob_version = j.at("forlob_version").get<std::string>();
    h.command = j.at("command").get<std::string>();
    h.command_line = j.at("command_line").get<std::vector<std::string>>();
    h.options = j.at("options").get<std::vector<std::string>>();
    for (const nlohmann::json& in : j.at("inputs"))
      h.inputs.push_back({in.at("path").get<std::string>(), in.at("hash").get<std::string>()});
    h.seed = j.at("seed").get<std::uint64_t>();
    h.replications = j.at("replications").get<std::int64_t>();
    h.tasks = j.at("tasks").get<std::size_t>();
    const nlohmann::json& s = j.at("shard");
    h.shard = s.at("index").get<std::size_t>();
    h.shards = s.at("count").get<std::size_t>();
    h.range = {s.at("first_task").get<std::size_t>(), s.at("end_task").get<std::size_t>()};
  } catch (const nlohmann::json::exception& e) {
    throw InputError(file, "", std::string("expected a complete shard header (") + e.what() + ")");
  }
  expect(h.shards >= 1 && h.shard >= 1 && h.shard <= h.shards, "/shard",
         "a shard index from 1 to the count of shards");
  expect(h.range == share_of(h.tasks, h.shard, h.shards), "/shard",
         "the tasks of shard " + std::to_string(h.shard) + "/" + std::to_string(h.shards));
  return h;
}

std::string header_difference(const ShardHeader& mine, const ShardHeader& other) {
  const auto differs = [](const std::string& what, const std::string& a, const std::string& b) {
    return "another " + what + " (" + b + ", expected " + a + ")";
  };
  if (mine.forlob_version != other.forlob_version)
    return differs("forlob version", mine.forlob_version, other.forlob_version);
  if (mine.command != other.command) return differs("command", mine.command, other.command);
  if (mine.seed != other.seed) return differs("seed", std::to_string(mine.seed), std::to_string(other.seed));
  if (mine.replications != other.replications)
    return differs("replication count", std::to_string(mine.replications),
                   std::to_string(other.replications));
  if (mine.shards != other.shards)
    return differs("count of shards", std::to_string(mine.shards), std::to_string(other.shards));
  for (std::size_t i = 0; i < std::max(mine.inputs.size(), other.inputs.size()); ++i) {
    if (i >= mine.inputs.size()) return "an input file more (" + other.inputs[i].path + ")";
    if (i >= other.inputs.size()) return "an input file fewer (" + mine.inputs[i].path + ")";
    const ShardInput &a = mine.inputs[i], &b = other.inputs[i];
    if (a.path != b.path) return differs("input file", a.path, b.path);
    if (a.hash != b.hash)
      return "another version of " + a.path + " (" + b.hash + ", expected " + a.hash + ")";
  }
  if (mine.options != other.options)
    return differs("set of options (--set, --param, ...)", joined(mine.options), joined(other.options));
  if (mine.tasks != other.tasks)
    return differs("count of tasks", std::to_string(mine.tasks), std::to_string(other.tasks));
  return "";
}

}  // namespace forlob
