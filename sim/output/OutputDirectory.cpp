#include "output/OutputDirectory.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "core/Errors.hpp"
#include "core/SignalCleanup.hpp"

namespace forlob {

namespace fs = std::filesystem;

namespace {

// "output/run/" names the same directory as "output/run"; the staging name needs the last part.
fs::path without_trailing_separator(fs::path p) {
  p = p.lexically_normal();
  while (!p.has_filename() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
  return p;
}

fs::path sibling(const fs::path& target, const std::string& suffix) {
  return target.parent_path() / (target.filename().string() + suffix);
}

fs::file_type type_of(const fs::path& p) {
  std::error_code ec;
  const fs::file_type t = fs::symlink_status(p, ec).type();
  return ec ? fs::file_type::not_found : t;
}

bool exists_or_dangles(const fs::path& p) { return type_of(p) != fs::file_type::not_found; }

std::string process_id() { return std::to_string(static_cast<long long>(::getpid())); }

// A suffix that is not a process id is not ours to remove: treated as alive.
bool process_alive(const std::string& pid) {
  if (pid.empty() || pid.size() > 10 || pid.find_first_not_of("0123456789") != std::string::npos) return true;
  const long long id = std::stoll(pid);
  if (id <= 0 || id > 2147483647) return false;  // no process can have it
  return ::kill(static_cast<pid_t>(id), 0) == 0 || errno == EPERM;
}

// renameat2(2) through syscall(): glibc 2.36 declares it, but not every libc does.
int rename_with_flags(const fs::path& from, const fs::path& to, unsigned flags) {
#ifdef SYS_renameat2
  return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), flags));
#else
  (void)from;
  (void)to;
  (void)flags;
  errno = ENOSYS;
  return -1;
#endif
}
constexpr unsigned kRenameNoReplace = 1U << 0;  // RENAME_NOREPLACE
constexpr unsigned kRenameExchange = 1U << 1;   // RENAME_EXCHANGE

bool unsupported(int error) { return error == EINVAL || error == ENOSYS || error == ENOTSUP; }

[[noreturn]] void fail_on(const fs::path& path, const std::string& what, int error) {
  throw UsageError("cannot " + what + " " + path.string() + ": " + std::strerror(error));
}

}  // namespace

OutputDirectory::OutputDirectory(fs::path target, bool force)
    : target_(without_trailing_separator(std::move(target))), force_(force) {
  if (target_.empty()) throw UsageError("--out: expected a non-empty path for the output directory");
  check_replaceable();
  staging_ = sibling(target_, ".partial-" + process_id());
  std::error_code ec;
  if (target_.has_parent_path()) {
    fs::create_directories(target_.parent_path(), ec);
    if (ec)
      throw UsageError("cannot create the directory " + target_.parent_path().string() + " for " +
                       target_.string() + ": " + ec.message());
  }
  remove_abandoned();
  fs::remove_all(staging_, ec);  // left by an earlier process that had the same id
  // Whatever creates entries in the staging directory holds the clean-up lock, so that a signal's
  // clean-up, once it holds it, cannot be undone by a file created after it removed the directory.
  std::lock_guard<std::recursive_mutex> lock(signal_cleanup_mutex());
  register_cleanup_path(staging_);
  if (!fs::create_directory(staging_, ec) || ec) {
    unregister_cleanup_path(staging_);
    throw UsageError("cannot create the output directory " + target_.string() + " (staging " +
                     staging_.string() + "): " + (ec ? ec.message() : std::string("it exists")));
  }
  write(kMarkerFile, "This directory was written by forlob; `forlob ... --force` may replace it.\n");
}

// What may stand at the target: nothing, or with --force a directory this program wrote (it has
// the marker file). Never a regular file, a link, the current directory or one above it.
void OutputDirectory::check_replaceable() const {
  const fs::file_type type = type_of(target_);
  if (type == fs::file_type::not_found) return;
  if (type != fs::file_type::directory)
    throw UsageError("output directory " + target_.string() +
                     " exists and is not a directory; --force replaces only a directory forlob wrote");
  if (!force_)
    throw UsageError("output directory " + target_.string() + " exists; use --force to replace it");
  std::error_code ec;
  const fs::path here = fs::current_path(ec), there = fs::canonical(target_, ec);
  if (!ec) {
    const auto [t, h] = std::mismatch(there.begin(), there.end(), here.begin(), here.end());
    if (t == there.end())
      throw UsageError("output directory " + target_.string() +
                       " is the current directory or contains it; --force will not replace it");
  }
  if (type_of(target_ / kMarkerFile) != fs::file_type::regular)
    throw UsageError("output directory " + target_.string() + " exists and forlob did not write it (no " +
                     std::string(kMarkerFile) + " in it); --force replaces only a directory forlob wrote");
}

// A run killed before commit() leaves its staging directory, and one killed inside the fallback
// swap its ".old-PID" (the old output, complete). The next run for the same target removes the
// staging directories of dead processes and puts an old output back where there is no target.
void OutputDirectory::remove_abandoned() const {
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  const std::string partial = target_.filename().string() + ".partial-";
  const std::string old = target_.filename().string() + ".old-";
  std::error_code ec;
  std::vector<fs::path> staged, aside;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(partial, 0) == 0 && !process_alive(name.substr(partial.size())))
      staged.push_back(entry.path());
    if (name.rfind(old, 0) == 0 && !process_alive(name.substr(old.size()))) aside.push_back(entry.path());
  }
  for (const fs::path& p : staged) fs::remove_all(p, ec);
  for (const fs::path& p : aside) {
    if (!exists_or_dangles(target_)) fs::rename(p, target_, ec);
    if (exists_or_dangles(p)) fs::remove_all(p, ec);
  }
}

OutputDirectory::~OutputDirectory() {
  if (committed_) return;
  files_.clear();
  std::lock_guard<std::recursive_mutex> lock(signal_cleanup_mutex());
  std::error_code ec;
  fs::remove_all(staging_, ec);  // nothing to report from a destructor; best effort
  unregister_cleanup_path(staging_);
}

fs::path OutputDirectory::path_of(const std::string& name) const {
  const fs::path relative(name);
  if (name.empty() || relative.is_absolute() || relative.has_root_path())
    throw std::invalid_argument("OutputDirectory: bad file name '" + name + "'");
  for (const fs::path& part : relative)
    if (part == "..") throw std::invalid_argument("OutputDirectory: bad file name '" + name + "'");
  const fs::path p = staging_ / relative;
  std::error_code ec;
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  if (ec) throw UsageError("cannot create " + p.parent_path().string() + ": " + ec.message());
  return p;
}

std::ofstream& OutputDirectory::file(const std::string& name) {
  if (committed_) throw std::logic_error("OutputDirectory::file after commit()");
  std::lock_guard<std::recursive_mutex> lock(signal_cleanup_mutex());  // creates an entry
  auto stream = std::make_unique<std::ofstream>(path_of(name), std::ios::binary | std::ios::trunc);
  if (!*stream) throw UsageError("cannot create " + (staging_ / name).string());
  files_.emplace_back(name, std::move(stream));
  return *files_.back().second;
}

void OutputDirectory::write(const std::string& name, const std::string& content) {
  if (committed_) throw std::logic_error("OutputDirectory::write after commit()");
  std::lock_guard<std::recursive_mutex> lock(signal_cleanup_mutex());  // creates an entry
  const fs::path p = path_of(name);
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw UsageError("cannot write " + p.string() + " (disk full?)");
}

void OutputDirectory::close_files() {
  for (auto& [name, stream] : files_) {
    stream->close();
    if (!*stream) throw UsageError("cannot write " + (staging_ / name).string() + " (disk full?)");
  }
  files_.clear();
}

void OutputDirectory::commit() {
  if (committed_) return;
  close_files();
  std::lock_guard<std::recursive_mutex> lock(signal_cleanup_mutex());  // a signal waits for the swap
  // Into an empty place: never over something that appeared while we ran.
  if (rename_with_flags(staging_, target_, kRenameNoReplace) == 0) return finish_commit();
  if (unsupported(errno) && !exists_or_dangles(target_)) {
    std::error_code ec;
    fs::rename(staging_, target_, ec);
    if (ec) fail_on(target_, "create", ec.value());
    return finish_commit();
  }
  if (errno != EEXIST && errno != ENOTEMPTY && !unsupported(errno)) fail_on(target_, "create", errno);
  check_replaceable();  // what appeared, or what was there from the start (with --force)
  // One atomic step: the new output in place, the old one at the staging path.
  if (rename_with_flags(staging_, target_, kRenameExchange) == 0) {
    committed_ = true;
    std::error_code ec;
    fs::remove_all(staging_, ec);
    unregister_cleanup_path(staging_);
    if (ec)
      throw UsageError("replaced " + target_.string() + " but could not remove the old output at " +
                       staging_.string() + ": " + ec.message());
    return;
  }
  if (!unsupported(errno)) fail_on(target_, "replace", errno);
  replace_by_two_renames();
}

// The fallback where the file system cannot exchange (RENAME_EXCHANGE unsupported): the old output
// moves to ".old-PID", complete, then the new one into place. A kill in between leaves both
// complete beside the target, and the next run for the target puts the old one back.
void OutputDirectory::replace_by_two_renames() {
  const fs::path old = sibling(target_, ".old-" + process_id());
  std::error_code ec;
  fs::remove_all(old, ec);
  fs::rename(target_, old, ec);
  if (ec) fail_on(target_, "move aside", ec.value());
  fs::rename(staging_, target_, ec);
  if (ec) {
    std::error_code ignored;
    fs::rename(old, target_, ignored);  // put the old output back
    fail_on(target_, "replace", ec.value());
  }
  finish_commit();
  fs::remove_all(old, ec);
  if (ec)
    throw UsageError("replaced " + target_.string() + " but could not remove " + old.string() + ": " +
                     ec.message());
}

void OutputDirectory::finish_commit() {
  committed_ = true;
  unregister_cleanup_path(staging_);
}

}  // namespace forlob
