#pragma once
// Reads a whole input file as bytes. A file that cannot be read is bad input: an InputError that
// names the file as the user gave it.
#include <filesystem>
#include <string>

namespace forlob {

// `name` is how messages name the file (the path as the user gave it, or as reached from another).
std::string read_text_file(const std::filesystem::path& path, const std::string& name);

}  // namespace forlob
