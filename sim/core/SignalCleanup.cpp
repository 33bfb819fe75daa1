#include "core/SignalCleanup.hpp"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <thread>
#include <vector>

namespace forlob {

namespace {

struct CleanupState {
  std::recursive_mutex mutex;
  std::vector<std::filesystem::path> paths;
  bool installed = false;
};

CleanupState& state() {
  static CleanupState s;  // never destroyed before the watcher, which ends the process itself
  return s;
}

sigset_t cleanup_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

[[noreturn]] void watch_signals() {
  const sigset_t set = cleanup_signals();
  int signal = 0;
  while (sigwait(&set, &signal) != 0) {
  }
  {
    std::lock_guard<std::recursive_mutex> lock(state().mutex);  // waits for a commit in progress
    for (const std::filesystem::path& p : state().paths) {
      std::error_code ignored;
      std::filesystem::remove_all(p, ignored);
    }
  }
  ::_exit(128 + signal);  // no destructors: the other threads are still running
}

}  // namespace

void install_signal_cleanup() {
  CleanupState& s = state();
  if (s.installed) return;
  const sigset_t set = cleanup_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread(watch_signals).detach();
  s.installed = true;
}

void register_cleanup_path(const std::filesystem::path& path) {
  std::lock_guard<std::recursive_mutex> lock(state().mutex);
  state().paths.push_back(path);
}

void unregister_cleanup_path(const std::filesystem::path& path) {
  std::lock_guard<std::recursive_mutex> lock(state().mutex);
  CleanupState& s = state();
  const auto it = std::find(s.paths.begin(), s.paths.end(), path);
  if (it != s.paths.end()) s.paths.erase(it);
}

std::recursive_mutex& signal_cleanup_mutex() { return state().mutex; }

}  // namespace forlob
