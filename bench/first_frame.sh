#!/bin/sh
# Time from exec to the window's first frame (Xvfb, Mesa llvmpipe), and to the first frame that shows the
# model, median and min/max of several starts.
#   bench/first_frame.sh [BUILD_DIR] [RUNS] [viewer options...]   e.g. bench/first_frame.sh build 5 big.glb
# Polls the viewer's --frame-stats file every 2 ms: "frames N" after each swap; "model NAME" once a model
# is shown (a viewer that writes no such line loaded its model before its first frame). With
# LA_CAPTURE=PREFIX it also saves the whole screen (import -window root) right after the first frame as
# PREFIX-RUN.png, to look at what the window showed then.
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
runs=${1:-5}
[ $# -gt 0 ] && shift
results=$(mktemp)
trap 'rm -f "$results"' EXIT
now_ms() { echo $(($(date +%s%N) / 1000000)); }
run=1
while [ "$run" -le "$runs" ]; do
    (
        . "$(dirname "$0")/window_common.sh"
        first="" model=""
        for _ in $(seq 1 15000); do  # at most 30 s
            if [ -z "$first" ] && grep -q '^frames [1-9]' "$tmp/frames" 2>/dev/null; then
                first=$(($(now_ms) - start_ms))
                [ -n "${LA_CAPTURE:-}" ] && import -window root "${LA_CAPTURE}-$run.png" 2>/dev/null
            fi
            if [ -n "$first" ] && [ -z "$model" ]; then
                if grep -q '^model ' "$tmp/frames" 2>/dev/null; then
                    model=$(($(now_ms) - start_ms))
                elif ! grep -q '^model\|^loading' "$tmp/frames" 2>/dev/null; then
                    model=$first  # a viewer that loads before its first frame
                fi
            fi
            [ -n "$first" ] && [ -n "$model" ] && break
            sleep 0.002
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
echo "first frame $(stats 1), model shown $(stats 2), $runs runs${failed:+ ($failed without a frame)}${*:+ ($*)}"
