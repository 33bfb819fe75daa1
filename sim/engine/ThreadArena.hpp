#pragma once
// Where the replication loops run: a oneTBB arena with the number of threads the user asked for.
// Results never depend on that number (draws are keyed, reductions exact), so asking for more
// threads than cores is allowed.
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstddef>
#include <utility>

namespace forlob {

// The number of threads a request means: 0 is every hardware thread.
inline int resolved_threads(int requested) {
  return requested > 0 ? requested : tbb::info::default_concurrency();
}

// Runs `work` (which starts the parallel loops) in an arena of resolved_threads(threads) threads.
template <typename Work>
void run_in_arena(int threads, Work&& work) {
  const int n = resolved_threads(threads);
  tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(std::max(n, tbb::info::default_concurrency())));
  tbb::task_arena arena(n);
  arena.execute(std::forward<Work>(work));
}

}  // namespace forlob
