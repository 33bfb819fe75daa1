#include "core/TextFile.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/Errors.hpp"

namespace forlob {

std::string read_text_file(const std::filesystem::path& path, const std::string& name) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(name, "", "cannot open: it is a directory");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw InputError(name, "", std::string("cannot open: ") + std::strerror(errno));
  std::string text;
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) text.append(buffer, n);
  if (std::ferror(f.get())) throw InputError(name, "", "cannot open: read error");
  return text;
}

}  // namespace forlob
