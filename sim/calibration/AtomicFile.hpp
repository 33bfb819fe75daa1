#pragma once
// Writes one file so that readers see either the old content or the new, never a half-written
// file: the text goes to a temporary file beside the target, which is then renamed over it.
#include <filesystem>
#include <string>

namespace forlob {

// Creates missing parent directories. Throws UsageError when writing fails (the target
// is then untouched and the temporary file removed).
void write_file_atomically(const std::filesystem::path& target, const std::string& content);

}  // namespace forlob
