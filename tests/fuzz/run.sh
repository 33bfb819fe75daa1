#!/usr/bin/env bash
# make fuzz: runs the three libFuzzer targets side by side for SECONDS each, from a seed corpus of
# the shipped files and every saved finding, and fails if any target finds a crash, a leak, a
# timeout or an exception other than forlob's input errors. Findings land in BUILD/fuzz-findings;
# each one fixed belongs in tests/fuzz_regressions/<target>/, which the normal suite replays.
set -euo pipefail
build=$1
seconds=$2
source=$(cd "$(dirname "$0")/../.." && pwd)
seeds=$build/fuzz-seeds
corpus=$build/fuzz-corpus
findings=$build/fuzz-findings
rm -rf "$seeds" "$findings"
mkdir -p "$findings"
for target in json scenario csv; do mkdir -p "$seeds/$target" "$corpus/$target"; done

# JSON: every shipped JSON file.
cp "$source"/scenarios/*.json "$source"/calibration/fitted/fill.json "$seeds/json/"
# Scenarios: as shipped, and with --set lines (the text after a line "--set").
cp "$source"/scenarios/*.json "$seeds/scenario/"
{ cat "$source/scenarios/flex_scheme.json"
  printf '\n--set\n/fill/concentration=3\n/calendar/rounds/-={"name":"x","month":11,"share":0}\n/fill/fitted=null'
} > "$seeds/scenario/flex_with_sets"
# CSV: each shipped data file behind the byte that selects its reader (FuzzTargets.hpp csv_input).
i=0
for f in posting_records trainee_records flex_caps dimensioning_totals dimensioning_by_specialty \
         course_lengths plan_totals fill_figures; do
  if [ -f "$source/calibration/data/$f.csv" ]; then
    { printf "\\x$(printf %02x $i)"; cat "$source/calibration/data/$f.csv"; } > "$seeds/csv/$f"
  fi
  i=$((i + 1))
done
{ printf '\x08'; cat "$source/calibration/fitted/fill.json"; } > "$seeds/csv/fitted_fill"
for target in json scenario csv; do
  if [ -d "$source/tests/fuzz_regressions/$target" ]; then cp "$source/tests/fuzz_regressions/$target"/* "$seeds/$target/" 2>/dev/null || true; fi
done

pids=()
for target in json scenario csv; do
  dict=()
  if [ "$target" != csv ]; then dict=(-dict="$source/tests/fuzz/scenario.dict"); fi
  "$build/tests/fuzz/fuzz_$target" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$findings/$target-" "$corpus/$target" "$seeds/$target" \
    > "$build/fuzz-$target.log" 2>&1 &
  pids+=($!)
done
status=0
for k in 0 1 2; do
  target=$(echo json scenario csv | cut -d' ' -f$((k + 1)))
  if ! wait "${pids[$k]}"; then status=1; fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz-$target.log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz_$target: $runs executions in ${seconds} s"
done
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$findings")" ]; then
  echo "fuzzing found inputs that crash (in $findings):" >&2
  ls "$findings" >&2
  for target in json scenario csv; do grep -m3 -E "ERROR|SUMMARY|terminate" "$build/fuzz-$target.log" >&2 || true; done
  exit 1
fi
