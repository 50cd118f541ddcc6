#!/bin/busybox sh
# Runs inside the image: the greeting the image was built with must be set.
[ "$GREETING" = hello ] || { echo "unexpected GREETING '$GREETING'"; exit 1; }
echo "image OK"
