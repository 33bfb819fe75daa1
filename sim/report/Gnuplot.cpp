#include "report/Gnuplot.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/Errors.hpp"

extern char** environ;

namespace forlob {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

// The first line of gnuplot's error output that says something.
std::string first_error_line(const std::string& err) {
  std::istringstream lines(err);
  std::string line, last;
  while (std::getline(lines, line)) {
    if (line.find_first_not_of(" \t^") == std::string::npos) continue;
    last = line;
    if (line.find("line ") != std::string::npos || line.find("rror") != std::string::npos) return line;
  }
  return last.empty() ? "no message" : last;
}

// A name without directories that gnuplot can be given unquoted: "fan0.tsv".
bool plain_name(const std::string& name) {
  if (name.empty() || name.front() == '.') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '_' || c == '-'))
      return false;
  return true;
}

// The environment gnuplot runs in: PATH to find its helpers, HOME pointing at the work directory
// so that no ~/.gnuplot start-up file changes the charts, and a UTF-8 locale for the text.
std::vector<std::string> gnuplot_environment(const fs::path& work) {
  std::vector<std::string> env;
  const char* path = std::getenv("PATH");
  env.push_back(std::string("PATH=") + (path ? path : "/usr/local/bin:/usr/bin:/bin"));
  env.push_back("HOME=" + work.string());
  env.push_back("LC_ALL=C.UTF-8");
  env.push_back("TMPDIR=" + work.string());
  return env;
}

}  // namespace

TemporaryDirectory::TemporaryDirectory(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a temporary directory " + pattern + ": " + std::strerror(errno));
  path_ = pattern;
}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ec;
  fs::remove_all(path_, ec);  // best effort in a destructor
}

std::string gnuplot_script(const Chart& chart) {
  const std::string stem = file_stem(chart.name);
  std::string s;
  s += "# " + std::string("forlob report: ") + stem + "\n";
  s += "set encoding utf8\nset datafile separator '\\t'\nset datafile missing 'NaN'\n";
  s += "set terminal svg size " + std::to_string(chart.width) + "," + std::to_string(chart.height) +
       " noenhanced font 'DejaVu Sans,11' linewidth 1 background '#ffffff'\n";
  s += "set output " + gp_string(stem + ".svg") + "\n";
  s += chart.commands;
  s += "unset output\n";
  s += "set terminal pngcairo size " + std::to_string(chart.width * 3 / 2) + "," +
       std::to_string(chart.height * 3 / 2) +
       " noenhanced font 'DejaVu Sans,11' fontscale 1.5 linewidth 1.5 background '#ffffff'\n";
  s += "set output " + gp_string(stem + ".png") + "\n";
  s += chart.commands;
  s += "unset output\n";
  return s;
}

namespace {

// Writes the chart's files into `work` and starts gnuplot there; returns its process id.
pid_t start_gnuplot(const Chart& chart, const fs::path& work) {
  for (const ChartData& d : chart.data) {
    if (!plain_name(d.file))
      throw std::invalid_argument("render_chart: data file name '" + d.file + "' is not a plain name");
    spit(work / d.file, d.text);
  }
  spit(work / "chart.gp", gnuplot_script(chart));

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string err_path = (work / "gnuplot.err").string();
  posix_spawn_file_actions_addchdir_np(&actions, work.c_str());
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);

  std::vector<std::string> env_text = gnuplot_environment(work);
  std::vector<char*> envp;
  for (std::string& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string program = "gnuplot", script = "chart.gp";
  char* argv[] = {program.data(), script.data(), nullptr};

  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "gnuplot", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT)
    throw UsageError(
        "gnuplot is not installed (or not on PATH): install the Debian package gnuplot-nox "
        "(make deps does)");
  if (spawned != 0) throw std::runtime_error(std::string("cannot start gnuplot: ") + std::strerror(spawned));
  return pid;
}

// Waits for the gnuplot of start_gnuplot() and reads what it drew.
RenderedChart finish_gnuplot(pid_t pid, const Chart& chart, const fs::path& work) {
  const std::string stem = file_stem(chart.name);
  const fs::path err_path = work / "gnuplot.err";
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error(std::string("waiting for gnuplot: ") + std::strerror(errno));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                              : "signal " + std::to_string(WTERMSIG(status));
    throw std::runtime_error("gnuplot failed on chart " + stem + " (" + how +
                             "): " + first_error_line(slurp(err_path)));
  }
  RenderedChart out{stem, slurp(work / (stem + ".svg")), slurp(work / (stem + ".png"))};
  if (out.svg.empty() || out.png.empty())
    throw std::runtime_error("gnuplot wrote no " + std::string(out.svg.empty() ? "SVG" : "PNG") +
                             " for chart " + stem + ": " + first_error_line(slurp(err_path)));
  return out;
}

}  // namespace

RenderedChart render_chart(const Chart& chart, const fs::path& work) {
  return finish_gnuplot(start_gnuplot(chart, work), chart, work);
}

std::vector<RenderedChart> render_charts(const std::vector<Chart>& charts) {
  // gnuplot spends much of its time starting up and waiting, so several run at once, more than
  // there are cores; every one is waited for, even after a failure, before the first error is
  // reported.
  constexpr std::size_t kAtOnce = 8;
  TemporaryDirectory work("forlob-report-");
  std::vector<RenderedChart> out(charts.size());
  for (std::size_t first = 0; first < charts.size(); first += kAtOnce) {
    const std::size_t last = std::min(charts.size(), first + kAtOnce);
    std::vector<pid_t> running;
    std::exception_ptr error;
    for (std::size_t i = first; i < last && !error; ++i) {
      const fs::path dir = work.path() / std::to_string(i);
      try {
        fs::create_directory(dir);
        running.push_back(start_gnuplot(charts[i], dir));
      } catch (...) {
        error = std::current_exception();
      }
    }
    for (std::size_t k = 0; k < running.size(); ++k) {
      const std::size_t i = first + k;
      try {
        out[i] = finish_gnuplot(running[k], charts[i], work.path() / std::to_string(i));
      } catch (...) {
        if (!error) error = std::current_exception();
      }
    }
    if (error) std::rethrow_exception(error);
  }
  return out;
}

}  // namespace forlob
