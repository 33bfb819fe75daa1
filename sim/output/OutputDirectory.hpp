#pragma once
// Stages a run's output so that an interrupted run leaves no half-written directory: files go to
// `<target>.partial-<pid>` beside the target, and commit() renames the finished set into place.
// --force replaces only a directory forlob wrote (it holds kMarkerFile), never a regular file, a
// link or the current directory, and does so in one atomic step (renameat2 RENAME_EXCHANGE), so a
// kill at any instant leaves the old output or the new one complete. Where the file system cannot
// exchange, the old output is first moved to `<target>.old-<pid>` (complete); a later run puts it
// back if the process died before the new one was in place. SIGINT and SIGTERM remove the staging
// directory (core/SignalCleanup).
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace forlob {

class OutputDirectory {
 public:
  // Throws UsageError, before anything is written, when target exists and force is false, or it is
  // something --force may not replace, or it cannot be created. Creates the target's parent
  // directories and the staging directory, with the marker file in it, and removes the leftovers
  // of dead processes for the same target.
  OutputDirectory(std::filesystem::path target, bool force);
  // Removes the staging directory unless commit() succeeded.
  ~OutputDirectory();

  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;

  // A stream onto staging/name, open until commit(). Text goes out byte for byte ('\n' stays '\n').
  std::ofstream& file(const std::string& name);
  // Writes staging/name in one go; throws std::runtime_error if the write fails.
  void write(const std::string& name, const std::string& content);

  // Closes every file and moves the staging directory to the target. With force, an existing
  // target (checked again) is exchanged with it atomically and then removed.
  void commit();

  static constexpr const char* kMarkerFile = ".forlob-output";

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& staging() const { return staging_; }

 private:
  void check_replaceable() const;
  void remove_abandoned() const;
  void replace_by_two_renames();
  void finish_commit();
  std::filesystem::path path_of(const std::string& name) const;
  void close_files();

  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool force_ = false;
  bool committed_ = false;
  std::vector<std::pair<std::string, std::unique_ptr<std::ofstream>>> files_;
};

}  // namespace forlob
