#include "app/ProgressBar.hpp"

#include <unistd.h>
#include <cstdio>

namespace forlob {

namespace {
constexpr std::int64_t kRedrawNs = 100'000'000;  // redraw at most ten times a second
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(std::int64_t total, bool enabled)
    : total_(total), enabled_(enabled && total > 0), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::advance() {
  const std::int64_t done = done_.fetch_add(1, std::memory_order_relaxed) + 1;
  if (!enabled_) return;
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_).count();
  std::int64_t due = next_draw_ns_.load(std::memory_order_relaxed);
  if (now < due || !next_draw_ns_.compare_exchange_strong(due, now + kRedrawNs)) return;
  std::unique_lock lock(draw_mutex_, std::try_to_lock);
  if (lock.owns_lock()) draw(done, false);
}

void ProgressBar::finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  std::lock_guard lock(draw_mutex_);
  draw(done_.load(), true);
}

void ProgressBar::draw(std::int64_t done, bool final_line) {
  constexpr int kWidth = 30;
  const double fraction = static_cast<double>(done) / static_cast<double>(total_);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const int filled = static_cast<int>(fraction * kWidth);
  char bar[kWidth + 1];
  for (int i = 0; i < kWidth; ++i) bar[i] = i < filled ? '#' : '.';
  bar[kWidth] = '\0';
  if (final_line) {
    std::fprintf(stderr, "\r[%s] %lld/%lld replications in %.1f s          \n", bar,
                 static_cast<long long>(done), static_cast<long long>(total_), elapsed);
  } else {
    const double left =
        done > 0 ? elapsed * static_cast<double>(total_ - done) / static_cast<double>(done) : 0;
    std::fprintf(stderr, "\r[%s] %3.0f%%  %lld/%lld  about %.0f s left   ", bar, 100 * fraction,
                 static_cast<long long>(done), static_cast<long long>(total_), left);
  }
  std::fflush(stderr);
}

}  // namespace forlob
