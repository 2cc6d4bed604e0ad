#!/usr/bin/env bash
# The user's API side by side with TorchSharp, in one run: TorchSharp 0.107.0 (../shared/anchors, 1 and 2 threads),
# then ours through NetworkTrainer.Train (train:W), ML.NET Fit on a cached view (fit:W) and the hand-written loop (W),
# each on the machine's processors and with DOTNET_PROCESSOR_COUNT=1 (one CPU), in fresh processes.
# usage: benchmarks/api.sh [before.dll]   (RUNS=3 TorchSharp runs; REPEATS=5 of ours after a first, untimed-for-the-median run)
# A before.dll (a copy of an earlier build's bin/Release/net10.0) is timed the same way, interleaved, for before/after.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$(cd .. && pwd)/shared}"
RESULTS="${RESULTS:-/tmp/backprop-api}"
mkdir -p "$RESULTS"
(cd "$SHARED/anchors" && QUIET_MAX="${QUIET_MAX:-20}" RESULTS="$RESULTS" ./run_torchsharp.sh "${RUNS:-3}") > "$RESULTS/torchsharp.log" 2>&1
dotnet build -c Release -v q -nologo benchmarks/Backprop.Benchmarks >&2
AFTER=benchmarks/Backprop.Benchmarks/bin/Release/net10.0/Backprop.Benchmarks.dll
BEFORE="${1:-}"
REPEATS="${REPEATS:-5}"
{
  echo "# $(date -u +%FT%TZ) loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
  for w in xor iris mnist wide; do
    for path in "train:$w" "fit:$w" "$w"; do
      for dll in $BEFORE $AFTER; do
        tag=$([ "$dll" = "$AFTER" ] && echo after || echo before)
        echo "$tag $(dotnet "$dll" --time "$path" "$REPEATS" 1)"
        echo "$tag $(DOTNET_PROCESSOR_COUNT=1 dotnet "$dll" --time "$path" "$REPEATS" 1)"
      done
    done
    [ "$w" = wide ] || [ "$w" = mnist ] && for dll in $BEFORE $AFTER; do
      tag=$([ "$dll" = "$AFTER" ] && echo after || echo before)
      echo "$tag $(dotnet "$dll" --time "train:$w" "$REPEATS" 2)"
    done
  done
  echo "# $(date -u +%FT%TZ) loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/ours.txt"
python3 - "$RESULTS/torchsharp.jsonl" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    r = json.loads(line); runs.setdefault((r["workload"], r["threads"]), []).append(r["seconds"])
for k, v in sorted(runs.items()): print(f"torchsharp {k[0]} threads {k[1]}: median {statistics.median(v)*1000:.1f} ms of {len(v)} (load1 at start of the last: see torchsharp.jsonl)")
PY
