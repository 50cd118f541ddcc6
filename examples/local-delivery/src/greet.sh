#!/bin/sh
# greet: the "application" this example delivers. Prints a greeting; `--version` prints
# the version stamped in at build time.
set -eu
case "${1:-}" in
  --version) echo "greet @VERSION@" ;;
  "") echo "Hello, world!" ;;
  *) echo "Hello, $1!" ;;
esac
