#!/bin/sh
# CPU used by a visible viewer window left alone for 10 s (Xvfb, Mesa llvmpipe), as a share of one core.
#   bench/idle_cpu.sh [BUILD_DIR] [viewer options...]   e.g. bench/idle_cpu.sh build --pain all
#   IDLE_HOLD=1 bench/idle_cpu.sh build                  the same with a drag held still: the left button
#                                                        pressed over the view and moved, then held
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
what="idle 10 s"
if [ -n "${IDLE_HOLD:-}" ]; then
    win=$(xdotool search --all --pid "$viewer_pid" --name '^Lumbar Atlas' | head -1)
    xdotool mousemove --window "$win" 700 400 mousedown 1
    for x in 720 740 760 780; do xdotool mousemove --window "$win" $x 400; sleep 0.1; done
    sleep 5  # the orbit's last frames and the full frame after it
    what="drag held still 10 s"
fi
f0=$(frames); t0=$(ticks)
sleep 10
f1=$(frames); t1=$(ticks)
[ -n "${IDLE_HOLD:-}" ] && xdotool mouseup 1
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v f0="$f0" -v f1="$f1" -v args="$*" -v what="$what" \
    'BEGIN { printf "%s%s: %.1f %% of a core, %d frames drawn\n", what, (args == "" ? "" : " (" args ")"), 100 * (b - a) / hz / 10, f1 - f0 }'
