#include "app/MergeCommand.hpp"

#include <CLI/CLI.hpp>
#include <memory>

namespace forlob {

namespace {

// `arg` is `name VALUE` (true, the value follows) or `name=VALUE` / a short option with its value
// attached (true, consumed), or neither (false).
bool takes(const std::string& arg, const std::vector<std::string>& names, bool& value_follows) {
  for (const std::string& n : names) {
    if (arg == n) {
      value_follows = true;
      return true;
    }
    const bool attached =
        n.starts_with("--") ? arg.starts_with(n + "=") : arg.starts_with(n) && arg.size() > n.size();
    if (attached) {
      value_follows = false;
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> merged_command_line(const std::vector<std::string>& shard_line,
                                             const std::string& out, bool force, bool quiet, int threads) {
  // Options stay where the shards' command line has them, so the merged summary.json records the
  // command line the unsharded run would have.
  std::vector<std::string> line;
  bool out_placed = false, threads_placed = false, force_placed = false, quiet_placed = false;
  for (std::size_t i = 0; i < shard_line.size(); ++i) {
    const std::string& arg = shard_line[i];
    bool value_follows = false;
    if (i == 0) {
      line.push_back(arg);
    } else if (takes(arg, {"--shard"}, value_follows)) {
      i += value_follows ? 1 : 0;
    } else if (takes(arg, {"--out", "-o"}, value_follows)) {
      i += value_follows ? 1 : 0;
      if (!out_placed) line.insert(line.end(), {"--out", out});
      out_placed = true;
    } else if (threads >= 0 && takes(arg, {"--threads", "-t"}, value_follows)) {
      i += value_follows ? 1 : 0;
      if (!threads_placed) line.insert(line.end(), {"--threads", std::to_string(threads)});
      threads_placed = true;
    } else if (arg == "--force") {
      if (force && !force_placed) line.push_back(arg);
      force_placed = force_placed || force;
    } else {
      quiet_placed = quiet_placed || arg == "--quiet" || arg == "-q";
      line.push_back(arg);
    }
  }
  if (!out_placed) line.insert(line.end(), {"--out", out});
  if (threads >= 0 && !threads_placed) line.insert(line.end(), {"--threads", std::to_string(threads)});
  if (force && !force_placed) line.emplace_back("--force");
  if (quiet && !quiet_placed) line.emplace_back("--quiet");
  return line;
}

Command add_merge_command(CLI::App& app, MergeDispatch dispatch) {
  struct Options {
    std::string out;
    std::vector<std::string> shards;
    bool force = false;
    bool quiet = false;
    int threads = -1;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("merge",
                                     "Combine the shards of one run (run, compare, forecast, sweep or "
                                     "sensitivity with --shard K/N) into the "
                                     "files the unsharded run writes");
  cmd->add_option("OUT", o->out, "Output directory of the merged result")->required();
  cmd->add_option("SHARDS", o->shards, "The shards' output directories, every one of the N once")->required();
  cmd->add_flag("--force", o->force, "Replace the output directory if it exists");
  cmd->add_flag("--quiet,-q", o->quiet, "No table");
  cmd->add_option("--threads,-t", o->threads,
                  "Worker threads for the merge (default: as the shards' command)")
      ->check(CLI::Range(0, 1024));
  return {cmd, [o, dispatch] {
            const ShardSet set = read_shards({o->shards.begin(), o->shards.end()});
            return dispatch(
                merged_command_line(set.header.command_line, o->out, o->force, o->quiet, o->threads), set);
          }};
}

}  // namespace forlob
