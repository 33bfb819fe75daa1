#pragma once
// A progress bar with an estimate of the time left, on stderr, only when stderr is a terminal.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

#include "engine/Runner.hpp"

namespace forlob {

class ProgressBar final : public ProgressSink {
 public:
  ProgressBar(std::int64_t total, bool enabled);
  ~ProgressBar() override;
  void advance() override;
  void finish();

 private:
  void draw(std::int64_t done, bool final_line);
  std::int64_t total_;
  bool enabled_;
  std::atomic<std::int64_t> done_{0};
  std::atomic<std::int64_t> next_draw_ns_{0};
  std::mutex draw_mutex_;
  std::chrono::steady_clock::time_point start_;
  bool finished_ = false;
};

// True when stderr is an interactive terminal.
bool stderr_is_terminal();

}  // namespace forlob
