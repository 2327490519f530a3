#!/bin/sh
# Frame times of a visible 1920x1080 window while the mouse orbits the camera for 10 s (Xvfb, Mesa
# llvmpipe), with every effect on unless options are given.
#   bench/orbit_frames.sh [BUILD_DIR] [viewer options...]
#   e.g. bench/orbit_frames.sh build --aa msaa --pain all --explain --ghost gluteus_maximus
#        bench/orbit_frames.sh build --motion-lod off --pain all --explain --ghost gluteus_maximus
# One xdotool process drags in slow circles (a move every 30 ms). Prints the median, minimum and maximum
# wall time between the frames drawn during the drag (from the viewer's --frame-log), how many of them
# were reduced (the motion LOD at reduced resolution), the first full frame after the release (how long
# the camera took to rest plus that frame) and the viewer's CPU share (all its threads).
# LA_MOTION_SCALE=0.25 draws every reduced frame at that scale (the viewer otherwise adapts it to what its
# frames take), so that two builds are compared at the same resolution.
# ORBIT_LOG=FILE keeps the frame log. LA_FRAME_PHASES=1 also prints the medians of the reduced frames'
# phases (scene, upscale, UI: processor time of all threads, each finished with glFinish, so the frames
# themselves are slower then), and of the whole reduced frames (input to present) and their present alone,
# wall and processor time. A viewer without --frame-log (an older build): the mean over the drag from --frame-stats instead.
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- --pain all --explain --ghost gluteus_maximus
log=""
if "$build/lumbar-atlas" --help 2>/dev/null | grep -q -- --frame-log; then
    log=$(mktemp)
    set -- --frame-log "$log" "$@"
fi
. "$(dirname "$0")/window_common.sh"
trap 'kill $viewer_pid $xvfb 2>/dev/null || true; rm -rf "$tmp"; [ -n "$log" ] && [ -n "${ORBIT_LOG:-}" ] && cp "$log" "$ORBIT_LOG"; rm -f "$log"' EXIT
win=""
for _ in $(seq 1 60); do
    win=$(xdotool search --all --pid "$viewer_pid" --name '^Lumbar Atlas' 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 1
done
[ -n "$win" ] || { echo "orbit_frames: no window" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1920 1080
sleep 8
moves=$(awk 'BEGIN { for (i = 0; i < 333; ++i) printf "mousemove --window %%1 %d %d sleep 0.03 ", 1100 + 200 * cos(i / 26.0), 540 + 120 * sin(i / 26.0) }')
xdotool mousemove --window "$win" 1300 540 mousedown 1
l0=$( [ -n "$log" ] && wc -l <"$log" || echo 0)
f0=$(frames); t0=$(ticks); s0=$(date +%s.%N)
# shellcheck disable=SC2086  # the moves are words
xdotool search --all --pid "$viewer_pid" --name '^Lumbar Atlas' $moves >/dev/null
f1=$(frames); t1=$(ticks); s1=$(date +%s.%N)
l1=$( [ -n "$log" ] && wc -l <"$log" || echo 0)
xdotool mouseup 1
sleep 3
args="$*"
[ -n "$log" ] && args=${args#--frame-log "$log" }
if [ -z "$log" ]; then
    awk -v f=$((f1 - f0)) -v s0="$s0" -v s1="$s1" -v a="$t0" -v b="$t1" -v hz="$hz" -v args="$args" \
        'BEGIN { w = s1 - s0; printf "orbit 1920x1080 (%s): %d frames in %.1f s, mean %.0f ms a frame, CPU %.0f %% of a core\n", args, f, w, (f > 0 ? 1000 * w / f : 0), 100 * (b - a) / hz / w }'
    exit 0
fi
# The drag's frames (the first one after the press excluded: it waited for the first move), then the
# first full frame after the release.
sed -n "$((l0 + 2)),${l1}p" "$log" | awk '$1 == "window" { print $2, $5 }' | sort -n >"$tmp/drag"
rest=$(sed -n "$((l1 + 1)),\$p" "$log" | awk '$1 == "window" { t += $2; if ($5 == 0) { printf "%.0f", t; exit } }')
awk -v s0="$s0" -v s1="$s1" -v a="$t0" -v b="$t1" -v hz="$hz" -v args="$args" -v rest="${rest:-?}" '
    { ms[NR] = $1; lod += $2 }
    END {
        n = NR; w = s1 - s0
        if (n == 0) { print "orbit_frames: no frames during the drag" > "/dev/stderr"; exit 1 }
        printf "orbit 1920x1080 (%s): %d frames in %.1f s; ms a frame: median %.0f, min %.0f, max %.0f; %d reduced; full frame %s ms after the release; CPU %.0f %% of a core\n",
               args, n, w, ms[int((n + 1) / 2)], ms[1], ms[n], lod, rest, 100 * (b - a) / hz / w
    }' "$tmp/drag"
if [ -n "${LA_FRAME_PHASES:-}" ]; then
    sed -n "$((l0 + 2)),${l1}p" "$log" | awk '$1 == "phases" && $5 == 1 { print $2, $3, $4 }' >"$tmp/phases"
    for col in 1 2 3; do cut -d' ' -f$col "$tmp/phases" | sort -n | awk '{ v[NR] = $1 } END { printf "%s ", (NR ? v[int((NR + 1) / 2)] : "?") }'; done |
        awk '{ printf "phases of the reduced frames, CPU ms (medians): scene %s, upscale %s, UI %s\n", $1, $2, $3 }'
    sed -n "$((l0 + 2)),${l1}p" "$log" | awk '$1 == "frame" && $6 == 1 { print $2, $3, $4, $5 }' >"$tmp/frame"
    for col in 1 2 3 4; do cut -d' ' -f$col "$tmp/frame" | sort -n | awk '{ v[NR] = $1 } END { printf "%s ", (NR ? v[int((NR + 1) / 2)] : "?") }'; done |
        awk '{ printf "whole reduced frames (medians): wall %s ms, CPU %s ms; of it the present (swap, or the copy of the back buffer on llvmpipe): wall %s ms, CPU %s ms\n", $1, $2, $3, $4 }'
fi
