#pragma once
// Reads a whole input file as bytes. A file that cannot be read is bad input: an InputError that
// names the file as the user gave it. Only regular files are read: a directory, FIFO, socket or
// device is refused at once (a FIFO without a writer would block for ever), as is a file larger
// than kMaxInputFileBytes.
#include <filesystem>
#include <string>

namespace forlob {

inline constexpr long long kMaxInputFileBytes = 256LL << 20;  // 256 MiB: far above any real input

// `name` is how messages name the file (the path as the user gave it, or as reached from another).
std::string read_text_file(const std::filesystem::path& path, const std::string& name);

}  // namespace forlob
