#!/usr/bin/env bash
# The README shows `validate` on examples/broken-chart and what it prints. This test runs the
# command the README shows and fails when the output differs, so the README cannot go stale
# (regenerate the block by running the command and pasting its output). It also checks the
# number of rules the README states.
set -euo pipefail
bin="${1:?usage: readme_example.sh SPARK_CONSTRUCTOR}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
block="$(sed -n '/<!-- validate-example:begin/,/<!-- validate-example:end -->/p' README.md)"
cmd="$(printf '%s\n' "$block" | sed -n 's/^\$ spark-constructor //p')"
[ -n "$cmd" ] || { echo "README.md has no validate example block"; exit 1; }
want="$(printf '%s\n' "$block" | sed '1,3d;$d' | sed '$d')"
# shellcheck disable=SC2086  # the README's arguments are words
got="$("$bin" $cmd 2>&1 || true)"
if [ "$got" != "$want" ]; then
  diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$got") || true
  echo "README.md's validate example is stale: run 'spark-constructor $cmd' and paste the output"
  exit 1
fi
rules=$("$bin" validate --list-rules | wc -l)
if ! grep -q "runs $rules rules" README.md; then
  echo "README.md does not say \"runs $rules rules\""
  exit 1
fi
echo "README validate example: current ($rules rules)"
