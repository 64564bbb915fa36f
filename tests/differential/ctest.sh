#!/usr/bin/env bash
# CTest entry: builds the Go reference into $1, then compares $2 against it.
set -euo pipefail
ref_dir="${1:?usage: ctest.sh REFERENCE_DIR OURS_BINARY}"
ours="${2:?usage: ctest.sh REFERENCE_DIR OURS_BINARY}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/../reference/build.sh" "$ref_dir"
exec python3 "$here/run.py" --ours "$ours" --ref "$ref_dir/helm-ref"
