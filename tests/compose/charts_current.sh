#!/usr/bin/env bash
# charts/ holds the generated chart of every preset. This test regenerates them into a
# temporary directory and fails on any difference, so a change to a block, a preset or the
# composer cannot land without its effect on the charts being committed (`make charts`).
set -euo pipefail
bin="${1:?usage: charts_current.sh SPARK_CONSTRUCTOR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
SPARKC_DATA_DIR="$root" "$bin" render --all -o "$tmp/charts" >/dev/null
if ! diff -r -u "$root/charts" "$tmp/charts" >"$tmp/diff"; then
  head -n 200 "$tmp/diff"
  echo "charts/ is stale: run 'make charts' and commit the result"
  echo "charts: 0 passed, 1 failed"
  exit 1
fi
n=$(find "$tmp/charts" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "charts: $n presets regenerated identically"
