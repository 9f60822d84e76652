#!/usr/bin/env bash
# Retainer-<version>.dmg from build/dist/Retainer.app: the app beside a link to Applications,
# so the owner drags one onto the other.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="$1"
stage="build/dmg"
rm -rf "$stage" && mkdir -p "$stage"
cp -R build/dist/Retainer.app "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Retainer $version" -srcfolder "$stage" -ov -format UDZO \
  "build/Retainer-$version.dmg"
