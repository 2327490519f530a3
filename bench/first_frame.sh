#!/bin/bash
# Time from exec to the window's first frame (Xvfb, Mesa llvmpipe), and to the first frame that shows the
# model, median and min/max of several starts.
#   bench/first_frame.sh [BUILD_DIR] [RUNS] [viewer options...]   e.g. bench/first_frame.sh build 5 big.glb
#   FLOOR=1 bench/first_frame.sh build 5      the floor: a bare GLFW window cleared once (bench_window_floor)
# Polls the viewer's --frame-stats file every 2 ms with shell builtins only (no process started per poll,
# which on the 2-core machine would slow the viewer it measures): "frames N" after each swap; "model NAME"
# once a model is shown (a viewer whose first frame's stats name no model loading loaded its model
# before that frame; the floor program shows none: its two times are the same). With
# LA_CAPTURE=PREFIX it also saves the whole screen (import -window root) right after the first frame as
# PREFIX-RUN.png, to look at what the window showed then. Prints the load average before the runs.
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
runs=${1:-5}
[ $# -gt 0 ] && shift
results=$(mktemp)
nap=$(mktemp -u)
mkfifo "$nap"
exec 9<>"$nap"  # a pipe nobody writes: `read -t` on it is a sleep without a process
rm -f "$nap"
trap 'rm -f "$results"' EXIT
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
load=$(cut -d' ' -f1 /proc/loadavg)
run=1
while [ "$run" -le "$runs" ]; do
    (
        . "$(dirname "$0")/window_common.sh"
        first="" model="" stats=""
        for ((i = 0; i < 15000; ++i)); do  # at most 30 s
            stats=""
            [ -e "$tmp/frames" ] && stats=$(<"$tmp/frames")
            if [ -z "$first" ] && [[ $stats =~ (^|$'\n')frames\ [1-9] ]]; then
                first=$(($(now_ms) - start_ms))
                # Decided on this read only: a later one may catch the file empty while it is rewritten.
                [[ $stats =~ (^|$'\n')(model|loading) ]] || model=$first  # loaded before its first frame
                [ -n "${LA_CAPTURE:-}" ] && import -window root "${LA_CAPTURE}-$run.png" 2>/dev/null
            fi
            if [ -n "$first" ] && [ -z "$model" ] && [[ $stats =~ (^|$'\n')model\  ]]; then
                model=$(($(now_ms) - start_ms))
            fi
            [ -n "$first" ] && [ -n "$model" ] && break
            read -r -t 0.002 -u 9 || true
        done
        echo "${first:-nan} ${model:-nan}" >>"$results"
    )
    run=$((run + 1))
done
stats() {  # median (min-max) of column $1 over the runs that saw it
    cut -d' ' -f"$1" "$results" | grep -v nan | sort -n |
        awk '{ v[NR] = $1 } END { if (NR == 0) printf "none"; else printf "%d ms (%d-%d)", v[int((NR + 1) / 2)], v[1], v[NR] }'
}
failed=$(grep -c nan "$results" || true)
[ "$failed" = 0 ] && failed=""
echo "first frame $(stats 1), model shown $(stats 2), $runs runs at load $load${failed:+ ($failed without a frame)}${FLOOR:+ (floor)}${*:+ ($*)}"
