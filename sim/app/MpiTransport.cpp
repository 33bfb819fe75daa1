#include "app/MpiTransport.hpp"

#include <cstdlib>
#include <string_view>

#include "core/Errors.hpp"

#ifdef FORLOB_HAVE_MPI
#include <mpi.h>

#include <climits>
#endif

namespace forlob {

namespace {

// The world size a launcher announces (Open MPI's mpirun; PMI and PMIx as srun and MPICH set), or 0.
int launched_size() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_SIZE"})
    if (const char* v = std::getenv(name); v != nullptr && *v != '\0') return std::atoi(v);
  if (std::getenv("PMIX_RANK") != nullptr) return 1;  // srun --mpi=pmix: the size comes from MPI itself
  return 0;
}

}  // namespace

#ifdef FORLOB_HAVE_MPI

std::unique_ptr<MpiWorld> MpiWorld::from_environment() {
  if (launched_size() == 0) return nullptr;
  int provided = 0;
  // Only the main thread calls MPI; oneTBB's workers never do.
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return std::unique_ptr<MpiWorld>(new MpiWorld(rank, size));
}

MpiWorld::~MpiWorld() { MPI_Finalize(); }

std::vector<std::string> MpiWorld::gather(const std::string& bytes) const {
  // Sizes first, then the bytes in one MPI_Gatherv (a partial state is far below 2 GiB).
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw std::runtime_error("MpiWorld::gather: a partial state over 2 GiB");
  const int mine = static_cast<int>(bytes.size());
  std::vector<int> sizes(rank_ == 0 ? static_cast<std::size_t>(size_) : 0);
  MPI_Gather(&mine, 1, MPI_INT, sizes.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<int> offsets(sizes.size());
  long long total = 0;
  for (std::size_t r = 0; r < sizes.size(); ++r) {
    offsets[r] = static_cast<int>(total);
    total += sizes[r];
    if (total > INT_MAX) throw std::runtime_error("MpiWorld::gather: partial states over 2 GiB together");
  }
  std::string all(static_cast<std::size_t>(total), '\0');
  MPI_Gatherv(bytes.data(), mine, MPI_CHAR, all.data(), sizes.data(), offsets.data(), MPI_CHAR, 0,
              MPI_COMM_WORLD);
  std::vector<std::string> out;
  for (std::size_t r = 0; r < sizes.size(); ++r)
    out.push_back(all.substr(static_cast<std::size_t>(offsets[r]), static_cast<std::size_t>(sizes[r])));
  return out;
}

void MpiWorld::abort(int status) const {
  MPI_Abort(MPI_COMM_WORLD, status);
  std::_Exit(status);  // MPI_Abort does not return; this keeps [[noreturn]] honest
}

#else  // built without FORLOB_MPI: a launcher's single process is a plain run

std::unique_ptr<MpiWorld> MpiWorld::from_environment() {
  if (const int size = launched_size(); size > 1)
    throw UsageError("started as " + std::to_string(size) +
                     " MPI processes, but this forlob was built without MPI (configure with "
                     "-DFORLOB_MPI=ON), so each would run everything; use --shard K/N instead");
  return nullptr;
}

MpiWorld::~MpiWorld() = default;

std::vector<std::string> MpiWorld::gather(const std::string& bytes) const { return {bytes}; }

void MpiWorld::abort(int status) const { std::_Exit(status); }

#endif

}  // namespace forlob
