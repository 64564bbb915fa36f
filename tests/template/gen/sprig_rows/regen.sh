#!/bin/bash
# Regenerates tests/template/sprig_{lists,math,dates}_test.cpp from the rows in this folder:
# each row runs through Go's text/template with Sprig 3.2.3 (oracle.go, GOPATH mode, offline)
# and the output becomes the expectation. Run with TZ unset or UTC: date rows assume Local = UTC.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
mkdir -p "$work/src/oracle" && cp "$here/oracle.go" "$work/src/oracle/main.go"
(cd "$work/src/oracle" && GO111MODULE=off GOPATH="$work:/usr/share/gocode" go build -o "$work/oracle" .)
for f in lists dicts math dates; do TZ=UTC "$work/oracle" < "$here/$f.txt" > "$work/$f.out"; done
out="$here/../.."
python3 "$here/mktest.py" sprig_lists register_sprig_math "Sprig's list and dict functions against the Go oracle." \
  "$here/lists_extra.cpp.in" "$work/lists.out" "$work/dicts.out" > "$out/sprig_lists_test.cpp"
python3 "$here/mktest.py" sprig_math register_sprig_math "Sprig's math functions against the Go oracle." \
  "$here/math_extra.cpp.in" "$work/math.out" > "$out/sprig_math_test.cpp"
python3 "$here/mktest.py" sprig_dates register_sprig_dates "Sprig's date functions against the Go oracle (run with Local = UTC)." \
  "$here/dates_extra.cpp.in" "$work/dates.out" > "$out/sprig_dates_test.cpp"
rm -rf "$work"
