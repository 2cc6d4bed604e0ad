#!/usr/bin/env python3
"""Ratio table (markdown) and a log-log plot (SVG) of training time vs network size: Backprop vs TorchSharp.

usage: ratios.py <torchsharp.jsonl[,torchsharp-adam.jsonl]> <BenchmarkDotNet full-compressed json> <plot.svg>
(several TorchSharp files, comma-separated: the anchors' four workloads and benchmarks/peers/torchsharp-adam's "adam";
our case "train:adam/1", NetworkTrainer.Train, is compared with TorchSharp's "adam")
"""
import json
import math
import statistics
import sys

PARAMS = {"xor": 13, "iris": 131, "adam": 3267, "mnist": 101770, "wide": 399370}
# Issue 14's targets for the user's API (NetworkTrainer.Train and ML.NET Fit) on one GEMM thread, ratio to TorchSharp.
TARGETS = {"xor": 300, "iris": 40, "adam": 10, "mnist": 2.2, "wide": 2.0}  # adam: with Adam on both sides
PATHS = {"train": "NetworkTrainer.Train", "fit": "ML.NET Fit (cached view)", "loop": "kernel loop (SgdRun)"}


def torchsharp(paths):
    runs = {}
    for path in paths.split(","):
        for line in open(path):
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            runs.setdefault((r["workload"], r["threads"]), []).append(r["seconds"])
    return {k: statistics.median(v) for k, v in runs.items()}


def ours(path):
    """{(path, workload, threads, job): median seconds}; path is train, fit or loop, job is cpus or 1cpu."""
    result = {}
    for b in json.load(open(path))["Benchmarks"]:
        case = b["Parameters"].split("=")[1]
        job = b["DisplayInfo"].split(": ", 1)[1].split("(")[0].split(" ")[0]
        kind, _, rest = case.rpartition(":")
        workload, threads = rest.split("/")
        result[(kind or "loop", workload, int(threads), job)] = b["Statistics"]["Median"] / 1e9
    return result


def plot(theirs, mine, path):
    width, height, margin = 640, 420, 60
    xs = [math.log10(p) for p in PARAMS.values()]
    ys = [math.log10(t) for t in list(theirs.values()) + list(mine.values())]
    x0, x1, y0, y1 = min(xs) - 0.3, max(xs) + 0.3, min(ys) - 0.3, max(ys) + 0.3
    sx = lambda v: margin + (v - x0) / (x1 - x0) * (width - 2 * margin)
    sy = lambda v: height - margin - (v - y0) / (y1 - y0) * (height - 2 * margin)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">Training time vs network size (1 thread; log-log)</text>',
           f'<line x1="{margin}" y1="{height - margin}" x2="{width - margin}" y2="{height - margin}" stroke="black"/>',
           f'<line x1="{margin}" y1="{margin}" x2="{margin}" y2="{height - margin}" stroke="black"/>',
           f'<text x="{width / 2}" y="{height - 15}" text-anchor="middle">parameters</text>',
           f'<text x="15" y="{height / 2}" transform="rotate(-90 15 {height / 2})" text-anchor="middle">seconds per training run</text>']
    for e in range(math.ceil(y0), math.floor(y1) + 1):
        out.append(f'<text x="{margin - 5}" y="{sy(e) + 4}" text-anchor="end">1e{e}</text>')
        out.append(f'<line x1="{margin}" y1="{sy(e)}" x2="{width - margin}" y2="{sy(e)}" stroke="#ddd"/>')
    for name, p in PARAMS.items():
        out.append(f'<text x="{sx(math.log10(p))}" y="{height - margin + 16}" text-anchor="middle">{name} ({p:,})</text>')
    for series, colour, label in ((theirs, "#d62728", "TorchSharp 0.107.0"), (mine, "#1f77b4", "Backprop")):
        points = [(sx(math.log10(PARAMS[w])), sy(math.log10(series[(w, 1)]))) for w in PARAMS if (w, 1) in series]
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}"/>')
        out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>' for x, y in points]
        ly = margin + (20 if colour == "#1f77b4" else 0)
        out.append(f'<rect x="{width - margin - 150}" y="{ly - 9}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{width - margin - 132}" y="{ly + 2}">{label}</text>')
    out.append("</svg>")
    open(path, "w").write("\n".join(out))


def main():
    theirs, mine = torchsharp(sys.argv[1]), ours(sys.argv[2])
    print("| workload | path | threads | TorchSharp s (median) | Backprop s (median) | speed-up | target | one CPU s | one CPU vs all |")
    print("|---|---|---|---|---|---|---|---|---|")
    for (kind, workload, threads, job), seconds in sorted(mine.items(), key=lambda kv: (list(PARAMS).index(kv[0][1]), list(PATHS).index(kv[0][0]), kv[0][2])):
        if job != "cpus":
            continue
        peer = theirs.get((workload, threads))
        ratio = f"{peer / seconds:.2f}×" if peer else ""
        target = TARGETS.get(workload) if kind != "loop" and threads == 1 else None
        verdict = "" if target is None or not peer else f"≥ {target}× {'met' if peer / seconds >= target else 'NOT met'}"
        one = mine.get((kind, workload, threads, "1cpu"))
        one_text = f"{one:.5f}" if one else ""
        slower = f"{one / seconds - 1:+.0%}" if one else ""
        print(f"| {workload} | {PATHS[kind]} | {threads} | {peer or float('nan'):.4f} | {seconds:.5f} | {ratio} | {verdict} | {one_text} | {slower} |")
    for kind in ("train", "loop"):
        one, two = mine.get((kind, "wide", 1, "cpus")), mine.get((kind, "wide", 2, "cpus"))
        if one and two:
            print(f"\nW4 two GEMM threads vs one, {PATHS[kind]}: {one / two:.2f}× (target ≥ 1.8× for the user's API)")
    if len(sys.argv) > 3:
        plot(theirs, {(w, t): v for (k, w, t, j), v in mine.items() if k == "train" and j == "cpus"}, sys.argv[3])


main()
