#!/bin/sh
# Frame time of a visible 1920x1080 window while the mouse orbits for 10 s (Xvfb, Mesa llvmpipe), with
# every effect on unless options are given.
#   bench/orbit_frames.sh [BUILD_DIR] [viewer options...]
#   e.g. bench/orbit_frames.sh build --aa msaa --pain all --explain --ghost gluteus_maximus
# Prints the mean wall time per frame over the drag and the viewer's CPU share (both cores count).
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- --pain all --explain --ghost gluteus_maximus
. "$(dirname "$0")/window_common.sh"
win=""
for _ in $(seq 1 60); do
    win=$(xdotool search --pid "$viewer_pid" --name '^Lumbar Atlas' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 1
done
[ -n "$win" ] || { echo "orbit_frames: no window" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1920 1080
sleep 8
xdotool mousemove --window "$win" 1100 540 mousedown 1
f0=$(frames); t0=$(ticks); s0=$(date +%s.%N)
i=0
while [ $i -lt 100 ]; do  # 10 s of slow circles
    x=$(awk -v i=$i 'BEGIN { printf "%d", 1100 + 200 * cos(i / 8) }')
    y=$(awk -v i=$i 'BEGIN { printf "%d", 540 + 120 * sin(i / 8) }')
    xdotool mousemove --window "$win" "$x" "$y"
    sleep 0.1
    i=$((i + 1))
done
f1=$(frames); t1=$(ticks); s1=$(date +%s.%N)
xdotool mouseup 1
awk -v f=$((f1 - f0)) -v s0="$s0" -v s1="$s1" -v a="$t0" -v b="$t1" -v hz="$hz" -v args="$*" \
    'BEGIN { w = s1 - s0; printf "orbit 1920x1080 (%s): %d frames in %.1f s, %.0f ms a frame, CPU %.0f %% of a core\n", args, f, w, (f > 0 ? 1000 * w / f : 0), 100 * (b - a) / hz / w }'
