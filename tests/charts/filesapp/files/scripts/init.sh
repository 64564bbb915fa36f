#!/bin/sh
set -eu
echo "init {{ not rendered }}"
