#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   tools/setup.sh run   [viewer args...]  install what is missing, build, launch the viewer
#   tools/setup.sh test                    install what is missing, build, run the whole test suite
#   tools/setup.sh build                   install what is missing, build
# Idempotent: apt-get runs only when a package is missing. Build dir: build/ (LA_BUILD_DIR overrides).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(build-essential cmake pkg-config git
  libglfw3-dev libimgui-dev libglm-dev libassimp-dev libtinygltf-dev nlohmann-json3-dev doctest-dev
  libmd4c-dev libmd4c-html0 libcli11-dev libstb-dev zlib1g-dev libmeshoptimizer-dev libepoxy-dev libgl-dev
  libgl1-mesa-dri libegl1 libegl-mesa0 xvfb xauth xdotool fonts-dejavu-core libfontconfig-dev libx11-dev
  clang libclang-rt-14-dev)
PACKAGES+=(libcairo2-dev poppler-utils)  # PDF handouts; the tests read them back with pdftotext
PACKAGES+=(help2man desktop-file-utils appstream)  # install: the man page; desktop file and metainfo checks
PACKAGES+=(libdraco-dev)  # Draco-compressed glTF meshes (KHR_draco_mesh_compression); the tests encode with it

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt (an unattended upgrade, say) instead of failing on its lock.
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

BUILD_DIR=${LA_BUILD_DIR:-build}
build() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${LA_CMAKE_ARGS:-} >/dev/null
  cmake --build "$BUILD_DIR" -j"$(nproc)"
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
install_missing
build
case "$cmd" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display: starting the viewer under xvfb-run (nothing will be visible)." >&2
      exec xvfb-run -a "$BUILD_DIR/lumbar-atlas" "$@"
    fi
    exec "$BUILD_DIR/lumbar-atlas" "$@"
    ;;
  test)
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 "$@"
    ;;
  build) ;;
  *) echo "usage: tools/setup.sh run|test|build" >&2; exit 2 ;;
esac
