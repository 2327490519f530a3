# Shared by bench/idle_cpu.sh and bench/orbit_frames.sh (sourced, not run): starts its own Xvfb
# (1920x1080) and the viewer in a private HOME with --frame-stats, and reads the frame count and the
# viewer's CPU ticks. Needs $build set; the viewer's options are "$@". FLOOR=1 runs
# $build/bench/bench_window_floor (a bare GLFW window, cleared and swapped once) in the viewer's place.
viewer="$build/lumbar-atlas"
[ "${FLOOR:-0}" = 1 ] && viewer="$build/bench/bench_window_floor"
[ -x "$viewer" ] || { echo "$(basename "$0"): $viewer not found (build first)" >&2; exit 2; }
tmp=$(mktemp -d)
display=:$((200 + $$ % 700))
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
viewer_pid=""
trap 'kill $viewer_pid $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
export DISPLAY="$display"
start_ms=$(($(date +%s%N) / 1000000))  # just before the exec (bench/first_frame.sh)
HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    "$viewer" --frame-stats "$tmp/frames" "$@" >"$tmp/out" 2>&1 &
viewer_pid=$!
frames() { sed -n 's/^frames //p' "$tmp/frames" 2>/dev/null || echo 0; }
ticks() { awk '{print $14 + $15}' "/proc/$viewer_pid/stat"; }
hz=$(getconf CLK_TCK)
