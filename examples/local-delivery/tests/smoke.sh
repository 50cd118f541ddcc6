#!/bin/sh
# smoke.sh PACKAGE: unpacks the package as a deploy would and runs it once.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tar -xzf "$1" -C "$dir"
"$dir"/*/greet smoke
