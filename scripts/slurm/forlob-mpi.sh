#!/usr/bin/env bash
# forlob on a Slurm cluster with the MPI build (cmake -DFORLOB_MPI=ON): one job whose ranks share the
# replication tasks; rank 0 gathers their exact partial results and writes the same files as one
# process would. Each rank uses its task's cores through threads.
#
#   sbatch scripts/slurm/forlob-mpi.sh      # from the forlob directory
#
# Set the variables below; the #SBATCH lines size the job (ranks x cores per rank).
# Slurm reads the #SBATCH lines only before the first command, so they come first.
#SBATCH --job-name=forlob-mpi
#SBATCH --ntasks=16
#SBATCH --cpus-per-task=8
#SBATCH --mem-per-cpu=1G
#SBATCH --time=04:00:00
#SBATCH --output=forlob-mpi-%j.log
FORLOB=${FORLOB:-build/sim/forlob}  # built with -DFORLOB_MPI=ON
FORLOB_COMMAND=${FORLOB_COMMAND:-"sensitivity scenarios/flex_scheme.json --compare scenarios/extraordinary_trial.json --method sobol --param fill.overall=0.8:1.2 --param applicants.mobility=0.5:1 --base-samples 512 --replications 200"}
OUT=${OUT:-output/cluster_run}
LAUNCH=${LAUNCH:-"srun --mpi=pmix"}  # or "mpirun" where Slurm lacks PMIx

set -euo pipefail
eval "args=($FORLOB_COMMAND)"
eval "launch=($LAUNCH)"
exec "${launch[@]}" "$FORLOB" "${args[@]}" --threads "${SLURM_CPUS_PER_TASK:-0}" --out "$OUT" --quiet
