#!/usr/bin/env bash
# CTest entry of the preset proofs: check.sh CHECK BUILD_DIR OURS_BINARY
#   CHECK is differential, schema, models, xref or golden (tests/presets/run.py).
# Scratch files go to BUILD_DIR/presets/CHECK; the differential check first
# builds the Go reference into BUILD_DIR/reference-presets, sharing the Go build
# cache of the differential suite (Go's cache is safe for concurrent builds).
set -euo pipefail
check="${1:?usage: check.sh CHECK BUILD_DIR OURS_BINARY}"
build="${2:?usage: check.sh CHECK BUILD_DIR OURS_BINARY}"
ours="${3:?usage: check.sh CHECK BUILD_DIR OURS_BINARY}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "$build" && pwd)"
extra=()
case "$check" in
  differential)
    export GOCACHE="${GOCACHE:-$build/reference/gocache}"
    bash "$here/../reference/build.sh" "$build/reference-presets"
    extra=(--ref "$build/reference-presets/helm-ref")
    ;;
  models)
    extra=(--node-prefix "$build/node")
    ;;
esac
# No __pycache__ in the source tree.
export PYTHONDONTWRITEBYTECODE=1
exec python3 "$here/run.py" "$check" --ours "$ours" --work "$build/presets/$check" "${extra[@]}"
