#!/usr/bin/env bash
# Installs everything a fresh Debian bookworm machine needs to build and test
# spark-constructor. Idempotent: packages already present are left alone.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache
  # libraries the project links
  nlohmann-json3-dev libyaml-dev libfmt-dev libcxxopts-dev doctest-dev
  libre2-dev libssl-dev libarchive-dev
  # oracles used by the tests: Go's own text/template with Sprig and sigs.k8s.io/yaml
  golang-go golang-github-masterminds-sprig-dev golang-k8s-sigs-yaml-dev
  golang-github-burntsushi-toml-dev
  # the official JSON-Schema-Test-Suite for our schema validator
  json-schema-test-suite
  # benchmark helpers
  time
  # the differential test runner (tests/differential/run.py)
  python3
  # the preset proofs (tests/presets/): YAML parsing, and node for the kubernetes-models check
  python3-yaml nodejs
  # values.schema.json checked by an independent validator (tests/compose/values_schema_check.py)
  python3-jsonschema
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm: NodeSource's nodejs bundles it, Debian ships it as a package of its own.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
