#pragma once
// Error taxonomy: InputError is the user's fault (exit status 2), everything else is ours.
#include <stdexcept>
#include <string>

namespace forlob {

// Bad input: names the file, the place in it (a JSON pointer, or "line N") and what was expected.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string place, std::string expected)
      : std::runtime_error(file + ": " + (place.empty() ? "" : place + ": ") + expected),
        file_(std::move(file)),
        place_(std::move(place)),
        expected_(std::move(expected)) {}
  const std::string& file() const { return file_; }
  const std::string& place() const { return place_; }
  const std::string& expected() const { return expected_; }

 private:
  std::string file_, place_, expected_;
};

// A command-line usage problem that CLI11 cannot see (e.g. an output directory that exists).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace forlob
