#include "output/OutputDirectory.hpp"

#include <unistd.h>
#include <cerrno>
#include <csignal>
#include <stdexcept>
#include <system_error>

#include "core/Errors.hpp"

namespace forlob {

namespace fs = std::filesystem;

namespace {

// "output/run/" names the same directory as "output/run"; the staging name needs the last part.
fs::path without_trailing_separator(fs::path p) {
  if (!p.has_filename() && p.has_parent_path()) p = p.parent_path();
  return p;
}

fs::path sibling(const fs::path& target, const std::string& suffix) {
  return target.parent_path() / (target.filename().string() + suffix);
}

bool exists_or_dangles(const fs::path& p) {
  std::error_code ec;
  return fs::symlink_status(p, ec).type() != fs::file_type::not_found && !ec;
}

std::string process_id() { return std::to_string(static_cast<long long>(::getpid())); }

}  // namespace

OutputDirectory::OutputDirectory(fs::path target, bool force)
    : target_(without_trailing_separator(std::move(target))), force_(force) {
  if (target_.empty()) throw UsageError("output directory must not be empty");
  if (!force_ && exists_or_dangles(target_))
    throw UsageError("output directory " + target_.string() + " exists; use --force to replace it");
  staging_ = sibling(target_, ".partial-" + process_id());
  if (target_.has_parent_path()) fs::create_directories(target_.parent_path());
  remove_abandoned_staging();
  fs::remove_all(staging_);  // left by an earlier process that had the same id
  fs::create_directory(staging_);
}

// A run killed before commit() (Ctrl-C, SIGKILL) leaves its staging directory; the target itself
// was never touched. The next run for the same target removes such leftovers of dead processes.
void OutputDirectory::remove_abandoned_staging() const {
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  const std::string prefix = target_.filename().string() + ".partial-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    const bool alive = ::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno == EPERM;
    if (!alive) fs::remove_all(entry.path(), ec);
  }
}

OutputDirectory::~OutputDirectory() {
  if (committed_) return;
  files_.clear();
  std::error_code ec;
  fs::remove_all(staging_, ec);  // nothing to report from a destructor; best effort
}

fs::path OutputDirectory::path_of(const std::string& name) const {
  const fs::path relative(name);
  if (name.empty() || relative.is_absolute() || relative.has_root_path())
    throw std::invalid_argument("OutputDirectory: bad file name '" + name + "'");
  for (const fs::path& part : relative)
    if (part == "..") throw std::invalid_argument("OutputDirectory: bad file name '" + name + "'");
  const fs::path p = staging_ / relative;
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  return p;
}

std::ofstream& OutputDirectory::file(const std::string& name) {
  if (committed_) throw std::logic_error("OutputDirectory::file after commit()");
  auto stream = std::make_unique<std::ofstream>(path_of(name), std::ios::binary | std::ios::trunc);
  if (!*stream) throw std::runtime_error("cannot create " + (staging_ / name).string());
  files_.emplace_back(name, std::move(stream));
  return *files_.back().second;
}

void OutputDirectory::write(const std::string& name, const std::string& content) {
  if (committed_) throw std::logic_error("OutputDirectory::write after commit()");
  const fs::path p = path_of(name);
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

void OutputDirectory::close_files() {
  for (auto& [name, stream] : files_) {
    stream->close();
    if (!*stream) throw std::runtime_error("cannot write " + (staging_ / name).string());
  }
  files_.clear();
}

void OutputDirectory::commit() {
  if (committed_) return;
  close_files();
  if (exists_or_dangles(target_)) {
    if (!force_)  // appeared while we ran
      throw UsageError("output directory " + target_.string() + " exists; use --force to replace it");
    const fs::path old = sibling(target_, ".old-" + process_id());
    fs::remove_all(old);
    fs::rename(target_, old);
    try {
      fs::rename(staging_, target_);
    } catch (...) {
      std::error_code ec;
      fs::rename(old, target_, ec);  // put the old output back
      throw;
    }
    committed_ = true;
    std::error_code ec;
    fs::remove_all(old, ec);
    if (ec)
      throw std::runtime_error("replaced " + target_.string() + " but could not remove " + old.string() +
                               ": " + ec.message());
    return;
  }
  fs::rename(staging_, target_);
  committed_ = true;
}

}  // namespace forlob
