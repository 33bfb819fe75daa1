#pragma once
// The MPI world, when mpirun or srun started forlob: each rank runs its share of the replication
// tasks, exactly as a shard would, and rank 0 gathers the partial states, merges and writes. A
// plain start never calls MPI_Init (the environment tells the two apart), so the one executable
// serves both. The only file that includes <mpi.h>.
#include <memory>
#include <string>
#include <vector>

namespace forlob {

class MpiWorld {
 public:
  // The world this process belongs to, or null when no MPI launcher started it. Throws UsageError
  // when a launcher started several processes but this forlob was built without FORLOB_MPI.
  static std::unique_ptr<MpiWorld> from_environment();
  ~MpiWorld();
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  // Every rank's bytes, in rank order, on rank 0; an empty list on the others.
  std::vector<std::string> gather(const std::string& bytes) const;
  // Ends every rank of the job with this exit status (after an error on one of them).
  [[noreturn]] void abort(int status) const;

 private:
  MpiWorld(int rank, int size) : rank_(rank), size_(size) {}
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace forlob
