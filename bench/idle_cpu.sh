#!/bin/sh
# CPU used by a visible viewer window left alone for 10 s (Xvfb, Mesa llvmpipe), as a share of one core.
#   bench/idle_cpu.sh [BUILD_DIR] [viewer options...]   e.g. bench/idle_cpu.sh build --pain all
# Waits until the window has settled (its frame count, from --frame-stats, stops changing for 3 s), then
# reads the process's user + system time from /proc before and after 10 s and prints the share and the
# frames drawn meanwhile.
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
viewer="$build/lumbar-atlas"
[ -x "$viewer" ] || { echo "idle_cpu: $viewer not found (build first)" >&2; exit 2; }
tmp=$(mktemp -d)
display=:$((200 + $$ % 700))
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $viewer_pid $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" DISPLAY="$display" \
    "$viewer" --frame-stats "$tmp/frames" "$@" >"$tmp/out" 2>&1 &
viewer_pid=$!
frames() { sed -n 's/^frames //p' "$tmp/frames" 2>/dev/null || echo 0; }
ticks() { awk '{print $14 + $15}' "/proc/$viewer_pid/stat"; }
prev=-1
for _ in $(seq 1 60); do
    sleep 3
    now=$(frames)
    [ "$now" = "$prev" ] && [ "$now" != 0 ] && break
    prev=$now
done
f0=$(frames); t0=$(ticks)
sleep 10
f1=$(frames); t1=$(ticks)
hz=$(getconf CLK_TCK)
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v f0="$f0" -v f1="$f1" -v args="$*" \
    'BEGIN { printf "idle 10 s%s: %.1f %% of a core, %d frames drawn\n", (args == "" ? "" : " (" args ")"), 100 * (b - a) / hz / 10, f1 - f0 }'
