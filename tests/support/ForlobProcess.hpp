#pragma once
// Runs programs as a user would, from the source directory (where scenarios/ is), capturing exit
// status, stdout and stderr; for tests that drive the real forlob executable.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace forlob::testing {

struct ProcessResult {
  int status = -1;
  std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `program args...` in the source directory; `work` holds the captured streams.
inline ProcessResult run_program(const std::string& program, const std::vector<std::string>& args,
                                 const std::filesystem::path& work) {
  std::string cmd = "cd " + shell_quote(FORLOB_SOURCE_DIR) + " && " + shell_quote(program);
  for (const std::string& a : args) cmd += " " + shell_quote(a);
  cmd += " >" + shell_quote((work / "stdout.txt").string()) + " 2>" +
         shell_quote((work / "stderr.txt").string());
  const int raw = std::system(cmd.c_str());
  ProcessResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = slurp(work / "stdout.txt");
  r.err = slurp(work / "stderr.txt");
  return r;
}

inline ProcessResult run_forlob(const std::vector<std::string>& args, const std::filesystem::path& work) {
  return run_program(FORLOB_EXE, args, work);
}

}  // namespace forlob::testing
