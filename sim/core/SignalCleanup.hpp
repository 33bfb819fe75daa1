#pragma once
// What SIGINT and SIGTERM do: remove the paths registered here (staging directories and temporary
// files of output not yet committed), then exit with 128 + the signal (130, 143). The signals are
// blocked in every thread and taken by one watcher thread with sigwait(), so the clean-up runs as
// ordinary code, not in a signal handler, and never while a commit is renaming (both hold
// signal_cleanup_mutex()).
#include <filesystem>
#include <mutex>

namespace forlob {

// Blocks SIGINT and SIGTERM and starts the watcher. Call first thing in main, before any other
// thread exists (threads inherit the signal mask). Without it the functions below do nothing.
void install_signal_cleanup();

// Registers `path` for removal on a signal; unregister when it has been committed or removed.
void register_cleanup_path(const std::filesystem::path& path);
void unregister_cleanup_path(const std::filesystem::path& path);

// Held by the watcher while it cleans up; a commit holds it across its renames and unregistering.
std::recursive_mutex& signal_cleanup_mutex();

}  // namespace forlob
