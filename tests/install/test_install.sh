#!/usr/bin/env bash
# Install test: install the build into a temporary prefix, then run the installed program from an
# unrelated folder with a clean environment: it must find its data relative to itself.
#   test_install.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

fail() { echo "FAIL: $*" >&2; exit 1; }
for f in bin/lumbar-atlas share/lumbar-atlas/models/lower_body.glb share/lumbar-atlas/content/structures \
         share/lumbar-atlas/shaders share/applications/lumbar-atlas.desktop \
         share/icons/hicolor/scalable/apps/lumbar-atlas.svg share/icons/hicolor/256x256/apps/lumbar-atlas.png \
         share/metainfo/io.github.lumbar_atlas.LumbarAtlas.metainfo.xml share/doc/lumbar-atlas/LICENSE; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
if command -v help2man >/dev/null; then
  [ -s "$prefix/share/man/man1/lumbar-atlas.1" ] || fail "no man page"
  grep -q 'screenshot' "$prefix/share/man/man1/lumbar-atlas.1" || fail "man page lacks the options"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$prefix/share/applications/lumbar-atlas.desktop" || fail "desktop file invalid"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$prefix/share/metainfo/io.github.lumbar_atlas.LumbarAtlas.metainfo.xml" \
    >/dev/null || fail "metainfo invalid"
fi

# Run from elsewhere, with no hint of the source or build tree.
mkdir "$work/elsewhere"
cd "$work/elsewhere"
run() { env -u LA_DATA_DIR -u LA_SHADER_DIR HOME="$work/home" "$prefix/bin/lumbar-atlas" "$@"; }
version=$(run --version)
case "$version" in "lumbar-atlas "[0-9]*.[0-9]*.[0-9]*) ;; *) fail "--version printed '$version'" ;; esac
echo "installed: $version"
run --screenshot shot.png --size 320x240 || fail "installed binary could not render"
[ -s shot.png ] || fail "no screenshot written"
# Moved installs keep working: the data is found relative to the binary.
mv "$prefix" "$work/moved"
prefix="$work/moved"
run --screenshot moved.png --size 160x120 || fail "moved install could not render"
# Without its data it says so in one line and exits non-zero.
rm -rf "$prefix/share/lumbar-atlas"
if err=$(run --screenshot none.png 2>&1); then fail "ran without its data"; fi
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "expected one line, got: $err"
case "$err" in *"cannot find the bundled data"*) ;; *) fail "unexpected message: $err" ;; esac
echo "install test passed"
