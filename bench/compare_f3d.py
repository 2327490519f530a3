#!/usr/bin/env python3
"""Headless screenshot end to end, ours against f3d, on the same files.

Runs `lumbar-atlas MODEL --screenshot` and `f3d --output` alternately (one unmeasured warm-up each, then
--runs measured pairs) on three models: the bundled one, an 842,400-triangle sphere and a small textured
sphere (both written by bench/make_bench_models). For each it prints the median, min and max of the wall
time and of the peak RSS of both programs and the ratio of the medians (ours / f3d). Asserts nothing.

Usage: bench/compare_f3d.py [--build build] [--runs 7] [--size 1280x720] [--only NAME] [--no-display] [--pause 0.5]
One Xvfb is started for the whole run (f3d needs an X server); with --no-display ours runs with DISPLAY
unset. Needs f3d (Debian: apt-get install f3d); the build needs bench/make_bench_models and lumbar-atlas.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_xvfb():
    """An Xvfb of our own on a free display number well above the ones xvfb-run -a hands out."""
    for num in range(100 + os.getpid() % 300, 1000):
        if os.path.exists("/tmp/.X%d-lock" % num) or os.path.exists("/tmp/.X11-unix/X%d" % num):
            continue
        proc = subprocess.Popen(["Xvfb", ":%d" % num, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if os.path.exists("/tmp/.X11-unix/X%d" % num) or proc.poll() is not None:
                break
            time.sleep(0.05)
        if proc.poll() is None:
            return proc, ":%d" % num
    raise SystemExit("Xvfb did not start")


def run(cmd, env, pause=0.0):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one run, after `pause` seconds of
    rest; exits on failure."""
    if pause > 0:
        time.sleep(pause)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd), err.decode(errors="replace")))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def summary(values, fmt):
    return "%s (%s–%s)" % (fmt % statistics.median(values), fmt % min(values), fmt % max(values))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="build folder (default: build)")
    ap.add_argument("--runs", type=int, default=7, help="measured runs of each program per model")
    ap.add_argument("--size", default="1280x720")
    ap.add_argument("--only", help="only the model whose name contains this")
    ap.add_argument("--no-display", action="store_true", help="run ours with DISPLAY unset")
    ap.add_argument("--models", help="folder for the generated models (default: a temporary folder)")
    ap.add_argument("--viewer", help="our binary (default: BUILD/lumbar-atlas)")
    ap.add_argument("--pause", type=float, default=0.5,
                    help="seconds of rest before each run (default 0.5), so that neither program is timed while "
                         "the machine still clears up after the other (the X server freeing f3d's window and "
                         "buffers, the kernel its memory); 0 for back-to-back runs")
    args = ap.parse_args()

    viewer = args.viewer or os.path.join(args.build, "lumbar-atlas")
    maker = os.path.join(args.build, "bench", "make_bench_models")
    for exe in (viewer, maker):
        if not os.access(exe, os.X_OK):
            sys.exit("%s: not built (cmake --build %s --target lumbar-atlas make_bench_models)" % (exe, args.build))
    f3d = shutil.which("f3d")
    if not f3d:
        sys.exit("f3d: not installed (apt-get install f3d)")

    scratch = tempfile.mkdtemp(prefix="la-bench-")
    models_dir = args.models or scratch
    subprocess.run([maker, models_dir], check=True, stdout=subprocess.DEVNULL)
    models = [("bundled lower_body.glb", os.path.join(ROOT, "models", "lower_body.glb")),
              ("sphere_842k.glb (842,400 tris)", os.path.join(models_dir, "sphere_842k.glb")),
              ("textured_sphere.glb (4,800 tris, 512² texture)", os.path.join(models_dir, "textured_sphere.glb"))]
    if args.only:
        models = [m for m in models if args.only in m[0]]

    xvfb, display = start_xvfb()
    try:
        env_f3d = dict(os.environ, DISPLAY=display)
        env_ours = dict(os.environ, DISPLAY=display)
        if args.no_display:
            env_ours.pop("DISPLAY")
            env_ours.pop("WAYLAND_DISPLAY", None)
        w, h = args.size.split("x")
        out = os.path.join(scratch, "shot.png")
        rows = []
        for name, path in models:
            ours_cmd = [viewer, path, "--screenshot", out, "--size", args.size]
            f3d_cmd = [f3d, "--dry-run", "--resolution", "%s,%s" % (w, h), "--output", out, path]
            run(ours_cmd, env_ours)  # warm-up: shader caches, page cache
            run(f3d_cmd, env_f3d)
            ours, theirs = [], []
            for _ in range(args.runs):
                ours.append(run(ours_cmd, env_ours, args.pause))
                theirs.append(run(f3d_cmd, env_f3d, args.pause))
            ow, ocpu, orss = ([o[k] for o in ours] for k in range(3))
            tw, tcpu, trss = ([t[k] for t in theirs] for k in range(3))

            def ratio(a, b):
                return "%.2f×" % (statistics.median(a) / statistics.median(b))

            rows.append((name, summary(ow, "%.2f"), summary(tw, "%.2f"), ratio(ow, tw), ratio(ocpu, tcpu),
                         summary(orss, "%.0f"), summary(trss, "%.0f"), ratio(orss, trss)))
            print("| " + " | ".join(rows[-1]) + " |", file=sys.stderr)
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    print("`--screenshot` %s end to end, %d alternating runs each (%.1f s rest before each), median (min–max)%s:" %
          (args.size, args.runs, args.pause, ", ours without DISPLAY" if args.no_display else ""))
    print()
    print("| model | ours wall s | f3d wall s | wall ours/f3d | CPU ours/f3d | ours peak RSS MiB | f3d peak RSS MiB"
          " | RSS ours/f3d |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
