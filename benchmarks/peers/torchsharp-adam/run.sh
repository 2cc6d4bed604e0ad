#!/usr/bin/env bash
# TorchSharp-cpu 0.107.0 on the "adam" workload (BENCHMARKS.md), 1 libtorch thread by default.
# usage: benchmarks/peers/torchsharp-adam/run.sh [runs=5] [threads=1]   -> $RESULTS/torchsharp-adam.jsonl (RESULTS=/tmp/backprop-adam)
# Builds to /tmp/backprop-peers-build (not part of Backprop.sln). The data ($ADAM_DATA, default /tmp/backprop-adam-data) is
# written by AdamData.cs on first use, by whichever side runs first; both read the same files.
# Needs ../shared/anchors/torchsharp/weaken_glibcxx.py (SHARED=...): libLibTorchSharp.so 0.107.0 wants GLIBCXX_3.4.32, Debian 12 has 3.4.30.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
SHARED="${SHARED:-$(cd "$REPO/.." && pwd)/shared}"
RUNS="${1:-5}"; THREADS="${2:-1}"
RESULTS="${RESULTS:-/tmp/backprop-adam}"; mkdir -p "$RESULTS"
B=/tmp/backprop-peers-build/torchsharp_adam/bin/Release/net10.0
dotnet build -c Release -v q -nologo "$HERE/torchsharp_adam.csproj" >&2 || exit 1
/usr/bin/python3 "$SHARED/anchors/torchsharp/weaken_glibcxx.py" "$B/runtimes/linux-x64/native/libLibTorchSharp.so" >&2 || exit 1
rm -rf "$B/cpu"  # TorchSharp's fallback copies unpatched natives here; never let it be used
OUT="$RESULTS/torchsharp-adam.jsonl"; : > "$OUT"
echo "# $(date -u +%FT%TZ) torchsharp adam threads=$THREADS runs=$RUNS loadavg=$(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet "$B/torchsharp_adam.dll" --threads "$THREADS" --runs "$RUNS" | tee -a "$OUT"
/usr/bin/python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
s = sorted(r["seconds"] for r in rows)
print(f"# torchsharp adam: median {statistics.median(s)*1000:.1f} ms of {len(s)} (min {s[0]*1000:.1f}, max {s[-1]*1000:.1f}), "
      f"load1 {min(r['load1'] for r in rows)}-{max(r['load1'] for r in rows)}, final_loss {sorted(set(r['final_loss'] for r in rows))}", file=sys.stderr)
PY
