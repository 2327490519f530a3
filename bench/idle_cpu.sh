#!/bin/sh
# CPU used by a visible viewer window left alone for 10 s (Xvfb, Mesa llvmpipe), as a share of one core.
#   bench/idle_cpu.sh [BUILD_DIR] [viewer options...]   e.g. bench/idle_cpu.sh build --pain all
# Waits until the window has settled (its frame count, from --frame-stats, stops changing for 3 s), then
# reads the process's user + system time from /proc before and after 10 s and prints the share and the
# frames drawn meanwhile.
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
. "$(dirname "$0")/window_common.sh"
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
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v f0="$f0" -v f1="$f1" -v args="$*" \
    'BEGIN { printf "idle 10 s%s: %.1f %% of a core, %d frames drawn\n", (args == "" ? "" : " (" args ")"), 100 * (b - a) / hz / 10, f1 - f0 }'
