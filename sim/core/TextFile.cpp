#include "core/TextFile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/Errors.hpp"

namespace forlob {

namespace {

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// Closes the descriptor on every path out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string read_text_file(const std::filesystem::path& path, const std::string& name) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever.
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0) throw InputError(name, "", std::string("cannot open: ") + std::strerror(errno));
  struct stat info {};
  if (::fstat(file.fd, &info) != 0)
    throw InputError(name, "", std::string("cannot open: ") + std::strerror(errno));
  if (!S_ISREG(info.st_mode))
    throw InputError(name, "", "cannot open: it is " + kind_of(info.st_mode) + "; expected a regular file");
  if (info.st_size > kMaxInputFileBytes)
    throw InputError(name, "",
                     "cannot open: " + std::to_string(info.st_size) + " bytes; expected at most " +
                         std::to_string(kMaxInputFileBytes) + " (an input file, not a data dump)");
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(name, "", std::string("cannot read: ") + std::strerror(errno));
    }
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > static_cast<std::size_t>(kMaxInputFileBytes))
      throw InputError(name, "", "cannot read: grew past " + std::to_string(kMaxInputFileBytes) + " bytes");
  }
  return text;
}

}  // namespace forlob
