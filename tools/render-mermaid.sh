#!/usr/bin/env bash
# Renders Mermaid graphs with the real renderer (mermaid-cli + a headless Chromium) to check that they parse and look
# right: every ```mermaid block of README.md, plus any .mmd files given as arguments (for example a network's
# ComputationGraph constant, or ComputationGraphValues.Fill's output, written to a file). Not used by CI.
#
# One-time setup (outside the repository; do not commit node_modules):
#   apt-get install chromium
#   mkdir -p ~/mmdc && cd ~/mmdc && PUPPETEER_SKIP_DOWNLOAD=1 npm i @mermaid-js/mermaid-cli
# Then: MMDC=~/mmdc/node_modules/.bin/mmdc tools/render-mermaid.sh [graph.mmd ...]
# Writes PNGs to ${OUT:-/tmp/mermaid-render} and fails if the renderer rejects a graph.
set -euo pipefail
cd "$(dirname "$0")/.."
MMDC=${MMDC:-mmdc}
OUT=${OUT:-/tmp/mermaid-render}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
mkdir -p "$OUT"
config="$OUT/puppeteer.json"
printf '{ "executablePath": "%s", "args": ["--no-sandbox", "--disable-gpu"] }\n' "$CHROMIUM" > "$config"

# README.md's ```mermaid blocks, one file each.
awk -v out="$OUT" '/^```mermaid/ { n++; f = sprintf("%s/readme-%d.mmd", out, n); inblock = 1; next }
                  /^```/ && inblock { inblock = 0; close(f); next }
                  inblock { print > f }' README.md

status=0
for graph in "$OUT"/readme-*.mmd "$@"; do
  [ -e "$graph" ] || continue
  name=$(basename "${graph%.mmd}")
  # The SVG says "Syntax error" when the parser rejects the text; the PNG is for looking at.
  if ! "$MMDC" -q -p "$config" -i "$graph" -o "$OUT/$name.svg" || grep -q 'Syntax error' "$OUT/$name.svg"; then
    echo "REJECTED: $graph"; status=1; continue
  fi
  "$MMDC" -q -p "$config" -i "$graph" -o "$OUT/$name.png" -b white -w 4000
  echo "rendered: $graph -> $OUT/$name.png"
done
exit $status
