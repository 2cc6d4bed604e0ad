#!/usr/bin/env bash
# Side by side on this machine: TorchSharp (../shared/anchors) and Backprop on the four anchor workloads,
# then the final-loss check and the ratio table + plot (benchmarks/ratios.py).
# usage: benchmarks/run.sh            (RUNS=3 TorchSharp runs per workload; RESULTS=/tmp/backprop-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-$(cd .. && pwd)/shared}"
RESULTS="${RESULTS:-/tmp/backprop-bench}"
mkdir -p "$RESULTS"

# 1. TorchSharp 0.107.0, 1 and 2 threads (also generates the anchors' data in $ANCHORS_DATA if missing);
#    then its "adam" workload, 1 thread (benchmarks/peers/torchsharp-adam; writes $ADAM_DATA if missing).
(cd "$SHARED/anchors" && RESULTS="$RESULTS" ./run_torchsharp.sh "${RUNS:-3}")
SHARED="$SHARED" RESULTS="$RESULTS" benchmarks/peers/torchsharp-adam/run.sh "${RUNS:-3}" 1

# 2. Ours: the final training loss against TorchSharp's, then BenchmarkDotNet.
# A 4th-digit difference (mnist against AVX-512 TorchSharp) is reported, not fatal: --reference settles who is right.
dotnet run -c Release --project benchmarks/Backprop.Benchmarks -- --check "$RESULTS/torchsharp.jsonl" "$RESULTS/torchsharp-adam.jsonl" \
    || echo "final-loss check: a workload differs from TorchSharp in the 4th digit (see above; compare with --reference)"
# TrainingBenchmarks carries its two jobs (the machine's processors, and DOTNET_PROCESSOR_COUNT=1): no --job here.
dotnet run -c Release --project benchmarks/Backprop.Benchmarks -- --filter '*TrainingBenchmarks*' \
    --exporters json --artifacts "$RESULTS/bdn"

# 3. Ratios and the plot.
python3 benchmarks/ratios.py "$RESULTS/torchsharp.jsonl,$RESULTS/torchsharp-adam.jsonl" "$RESULTS"/bdn/results/*TrainingBenchmarks*-report-full-compressed.json \
    benchmarks/time-vs-size.svg
