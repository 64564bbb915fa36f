#!/usr/bin/env bash
# Builds the Go reference renderer helm-ref into the directory given as $1,
# offline, in GOPATH mode against Debian's Go packages (/usr/share/gocode).
# Idempotent: re-running only relinks what changed (Go's build cache).
set -euo pipefail
out="${1:?usage: build.sh OUTPUT_DIR}"
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$out/gopath/src"
out="$(cd "$out" && pwd)"
# GOPATH mode needs the sources under GOPATH/src/<import path>.
ln -sfn "$src" "$out/gopath/src/helmref"
export GO111MODULE=off GOFLAGS= GOPATH="$out/gopath:/usr/share/gocode"
export GOCACHE="${GOCACHE:-$out/gocache}"
cd "$out/gopath/src/helmref"
go build -o "$out/helm-ref" .
