#!/usr/bin/env bash
# forlob on a Slurm cluster with any build: the run as a job array of shards (forlob ... --shard K/N),
# then `forlob merge` in a job that starts only when every shard has succeeded (afterok). The merged
# directory holds exactly the files one unsharded run writes.
#
#   bash scripts/slurm/forlob-shards.sh     # from the forlob directory, on a login node: submits both jobs
#
# Set the variables below (or export them before running); the #SBATCH lines size one shard's job.
# Slurm reads the #SBATCH lines only before the first command, so they come first.
#SBATCH --job-name=forlob-shard
#SBATCH --cpus-per-task=8
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=forlob-%A_%a.log
FORLOB=${FORLOB:-forlob}                  # the forlob executable (make install, or build/sim/forlob)
FORLOB_COMMAND=${FORLOB_COMMAND:-"sensitivity scenarios/flex_scheme.json --compare scenarios/extraordinary_trial.json --method sobol --param fill.overall=0.8:1.2 --param applicants.mobility=0.5:1 --base-samples 512 --replications 200"}
SHARDS=${SHARDS:-32}                      # shards: array tasks 1 to SHARDS
WORK=${WORK:-shards}                      # where the shards' partial results go (WORK/shard-K)
OUT=${OUT:-output/cluster_run}            # the merged output directory

set -euo pipefail
eval "args=($FORLOB_COMMAND)"  # FORLOB_COMMAND may quote arguments as a shell would
threads=${SLURM_CPUS_PER_TASK:-0}  # 0: every core forlob sees

if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
  # One array task: shard SLURM_ARRAY_TASK_ID of SHARDS (--force: a requeued task starts over).
  mkdir -p "$WORK"
  exec "$FORLOB" "${args[@]}" --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --threads "$threads" \
    --out "$WORK/shard-$SLURM_ARRAY_TASK_ID" --force --quiet
elif [ "${FORLOB_STEP:-}" = merge ]; then
  # The dependent job: every shard, each once; merge refuses a missing, repeated or foreign shard.
  shards=()
  for ((k = 1; k <= SHARDS; k++)); do shards+=("$WORK/shard-$k"); done
  exec "$FORLOB" merge "$OUT" "${shards[@]}" --threads "$threads"
else
  # On the login node: the array, then the merge once all of it has succeeded.
  array=$(sbatch --parsable --array="1-$SHARDS" "$0")
  array=${array%%;*}  # --parsable prints "jobid" or "jobid;cluster"
  merge=$(sbatch --parsable --job-name=forlob-merge --cpus-per-task=2 --output=forlob-merge-%j.log \
    --dependency="afterok:$array" --export=ALL,FORLOB_STEP=merge "$0")
  echo "Submitted shards as job array $array (1-$SHARDS) and the merge as job ${merge%%;*} (after all succeed)."
fi
