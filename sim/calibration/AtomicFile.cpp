#include "calibration/AtomicFile.hpp"

#include <unistd.h>
#include <fstream>

#include "core/Errors.hpp"

namespace forlob {

void write_file_atomically(const std::filesystem::path& target, const std::string& content) {
  namespace fs = std::filesystem;
  std::error_code made;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), made);
  if (made)
    throw UsageError("cannot create the directory " + target.parent_path().string() + ": " + made.message());
  fs::path temporary = target;
  temporary += ".partial-" + std::to_string(::getpid());
  {
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
