#!/usr/bin/env bash
# Renders the same inputs with spark-constructor and with the Go reference (helm-ref) as
# whole processes and prints, per workload, the median CPU time (user+sys) and wall time per
# run, the median peak memory (max RSS), and the ratios ref/ours.
# Target (issue 2): ours at least 5x faster, with lower peak memory.
#
# CPU time is the headline figure because it does not depend on what else the machine is
# running; runs are batched (BATCH processes per sample) because a small chart renders in
# about a millisecond, below the 10 ms resolution of rusage timings.
#
# usage: bench/run.sh [BUILD_DIR] [SAMPLES] [BATCH]
set -euo pipefail
build="$(cd "${1:-build}" && pwd)"
samples="${2:-7}"
batch="${3:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ours="$build/spark-constructor"
ref_dir="$build/reference"
bash "$root/tests/reference/build.sh" "$ref_dir" >/dev/null
ref="$ref_dir/helm-ref"
[ -x "$ours" ] || { echo "bench: $ours not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (Debian package 'time')" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Workloads: name|directory|arguments file (one argument per line).
workloads=()
add() {  # name dir args...
  local name="$1" dir="$2"; shift 2
  printf '%s\n' "$@" >"$work/$name.args"
  workloads+=("$name|$dir")
}
for chart in "$root"/tests/charts/*/; do
  [ -f "$chart/Chart.yaml" ] || continue
  add "chart-$(basename "$chart")" "$chart" template bench .
done
add eval-loop "$root" eval \
  '{{range $i := until 3000}}{{printf "%05d" $i}} {{toYaml (dict "k" $i "l" (list 1 2 3))}} {{ $i | toString | sha256sum | trunc 8 }}{{ include "x" $i }}{{end}}{{define "x"}}{{ . | quote | upper }}{{end}}'

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# One sample: BATCH runs of a binary; prints "cpu_ms wall_ms maxrss_kib" per run.
sample() {
  local bin="$1" dir="$2" args="$3"
  local start end
  start=$EPOCHREALTIME
  (cd "$dir" && TZ=UTC /usr/bin/time -f "%U %S %M" -o "$work/t" \
     bash -c 'mapfile -t a <"$1"; for ((i = 0; i < $2; i++)); do "$0" "${a[@]}" >/dev/null 2>&1 || true; done' \
     "$bin" "$args" "$batch")
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" -v n="$batch" '{printf "%f %f %d\n", ($1+$2)*1000/n, (e-s)*1000/n, $3}' "$work/t"
}

printf '%-16s %9s %9s %7s %9s %9s %9s %9s %6s\n' workload ours_cpu ref_cpu speedup ours_wall ref_wall ours_MiB ref_MiB mem
sum_o=0; sum_r=0
for w in "${workloads[@]}"; do
  IFS='|' read -r name dir <<<"$w"
  : >"$work/o"; : >"$work/r"
  for _ in $(seq "$samples"); do
    sample "$ours" "$dir" "$work/$name.args" >>"$work/o"
    sample "$ref" "$dir" "$work/$name.args" >>"$work/r"
  done
  oc=$(awk '{print $1}' "$work/o" | median); rc=$(awk '{print $1}' "$work/r" | median)
  ow=$(awk '{print $2}' "$work/o" | median); rw=$(awk '{print $2}' "$work/r" | median)
  om=$(awk '{print $3/1024}' "$work/o" | median); rm_=$(awk '{print $3/1024}' "$work/r" | median)
  printf '%-16s %9.2f %9.2f %6.1fx %9.2f %9.2f %9.1f %9.1f %6.2f\n' "$name" "$oc" "$rc" \
    "$(awk -v a="$rc" -v b="$oc" 'BEGIN{print a/(b>0?b:0.001)}')" "$ow" "$rw" "$om" "$rm_" \
    "$(awk -v a="$om" -v b="$rm_" 'BEGIN{print a/b}')"
  sum_o=$(awk -v a="$sum_o" -v b="$oc" 'BEGIN{print a+b}'); sum_r=$(awk -v a="$sum_r" -v b="$rc" 'BEGIN{print a+b}')
done
awk -v o="$sum_o" -v r="$sum_r" 'BEGIN{printf "overall CPU per run: ours %.2f ms, reference %.2f ms, speedup %.1fx (target >= 5x)\n", o, r, r/(o>0?o:0.001)}'
echo "(cpu = user+sys ms per process, wall = ms per process, MiB = peak RSS; medians of $samples samples x $batch runs)"
