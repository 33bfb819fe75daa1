#pragma once
// Runs a program the way a user would, from a shell command built with every argument quoted, and
// captures its exit status, stdout and stderr (through files in a work directory).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace forlob::testing {

struct ProgramResult {
  int status = -1;  // exit status; -1 when killed by a signal
  std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs argv[0] with the other arguments in directory `cwd`; the output files go to `work`.
inline ProgramResult run_program(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                                 const std::filesystem::path& work) {
  std::string cmd = "cd " + shell_quote(cwd.string()) + " &&";
  for (const std::string& a : argv) cmd += " " + shell_quote(a);
  const auto out = work / "stdout.txt", err = work / "stderr.txt";
  cmd += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  const int raw = std::system(cmd.c_str());
  ProgramResult r;
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

// The full path of an executable found on PATH, or "" if there is none.
inline std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const std::filesystem::path candidate = std::filesystem::path(dir) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0)
      return candidate.string();
  }
  return "";
}

}  // namespace forlob::testing
