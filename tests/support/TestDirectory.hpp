#pragma once
// A fresh directory per test, named after the test and the process, so tests that ctest runs in
// parallel never share files and a test never sees what an earlier run left behind.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace forlob::testing {

// Creates the empty directory <tmp>/<prefix><suite>-<test>-<pid> and returns its path.
inline std::filesystem::path fresh_test_directory(const std::string& prefix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = prefix + info->test_suite_name() + "-" + info->name() + "-" + std::to_string(::getpid());
  for (char& c : name)
    if (c == '/') c = '_';  // parameterised tests have '/' in their names
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// A fresh test directory that is removed when it goes out of scope.
class TestDirectory {
 public:
  explicit TestDirectory(const std::string& prefix = "forlob-") : path_(fresh_test_directory(prefix)) {}
  ~TestDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TestDirectory(const TestDirectory&) = delete;
  TestDirectory& operator=(const TestDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace forlob::testing
