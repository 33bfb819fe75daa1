#include "core/AtomicFile.hpp"

#include <unistd.h>
#include <fstream>
#include <mutex>

#include "core/Errors.hpp"
#include "core/SignalCleanup.hpp"

namespace forlob {

void write_file_atomically(const std::filesystem::path& target, const std::string& content) {
  namespace fs = std::filesystem;
  std::error_code made;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), made);
  if (made)
    throw UsageError("cannot create the directory " + target.parent_path().string() + ": " + made.message());
  std::error_code kind;
  if (fs::is_directory(target, kind))
    throw UsageError("cannot write " + target.string() + ": it is a directory");
  fs::path temporary = target;
  temporary += ".partial-" + std::to_string(::getpid());
  register_cleanup_path(temporary);  // SIGINT, SIGTERM
  struct Unregister {
    const fs::path& path;
    ~Unregister() { unregister_cleanup_path(path); }
  } unregister{temporary};
  {
    // Held while the file is created and written: a signal's clean-up then removes it for good.
    std::lock_guard<std::recursive_mutex> lock(signal_cleanup_mutex());
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw UsageError("cannot write " + temporary.string());
    }
  }
  std::error_code ec;
  fs::rename(temporary, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw UsageError("cannot rename " + temporary.string() + " to " + target.string() + ": " + ec.message());
  }
}

}  // namespace forlob
