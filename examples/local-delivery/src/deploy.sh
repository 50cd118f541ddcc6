#!/bin/sh
# deploy.sh ENV PACKAGE: unpacks a release into environments/ENV/releases/VERSION and
# switches environments/ENV/current to it, keeping earlier releases for a rollback.
set -eu
env_name=$1
package=$2
root="environments/$env_name"
release=$(basename "$package" .tar.gz)
mkdir -p "$root/releases"
rm -rf "$root/releases/$release"
tar -xzf "$package" -C "$root/releases"
ln -sfn "releases/$release" "$root/current"
echo "$env_name now runs $release"
