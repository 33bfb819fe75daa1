#pragma once
// Stages a run's output so that an interrupted run leaves no half-written directory: files go to
// `<target>.partial-<pid>` beside the target, and commit() renames the finished set into place.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace forlob {

class OutputDirectory {
 public:
  // Throws UsageError, before anything is written, when target exists and force is false.
  // Creates the target's parent directories and the staging directory.
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
  // target is moved aside first and removed only after the new one is in place.
  void commit();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& staging() const { return staging_; }

 private:
  void remove_abandoned_staging() const;
  std::filesystem::path path_of(const std::string& name) const;
  void close_files();

  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool force_ = false;
  bool committed_ = false;
  std::vector<std::pair<std::string, std::unique_ptr<std::ofstream>>> files_;
};

}  // namespace forlob
