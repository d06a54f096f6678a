#!/usr/bin/env python3
"""Benchmarks, each a ratio against a reference measured in the same run.

- translation speed: seconds to translate programs/translate_speed.py (~300
  lines) at --opt=2, against the 1 s budget, and a generated program of
  5,000+ lines (gen_large_program.py; its output checked against CPython)
  against the 3 s budget;
- fib(30), richards and the pystone-like benchmark: the translated program at
  --opt=0 and --opt=2 against CPython 2.7 running the same program
  untranslated (tools/run_untranslated.py), outputs compared;
- GCBench (programs/gcbench.py) at --opt=2 with --gc=gen and --gc=none:
  speed against CPython 2.7, peak RSS of the translated program, and, from a
  run with RPY_GC_STATS=1, the live heap after the last major collection
  (peak RSS / live heap) and the longest pause.

Run from anywhere after `cargo build --release`:  python3 bench/run.py
Each timing is the best of REPEAT runs (env BENCH_REPEAT, default 3).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRANSLATE = os.environ.get("TRANSLATE", os.path.join(ROOT, "target", "release", "translate"))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def python2():
    if os.environ.get("PYTHON2"):
        return os.environ["PYTHON2"]
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    return os.path.join(root, "versions", "2.7.18", "bin", "python")


def best_time(cmd, expect=None):
    best = None
    for _ in range(REPEAT):
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True)
        elapsed = time.perf_counter() - start
        if out.returncode != 0:
            sys.exit("failed: %s\n%s" % (" ".join(cmd), out.stderr.decode()))
        if expect is not None and out.stdout != expect:
            sys.exit("wrong output from %s: %r" % (" ".join(cmd), out.stdout))
        best = elapsed if best is None else min(best, elapsed)
    return best, out.stdout


def translate(source, opt, output, extra=()):
    return best_time([TRANSLATE, "--batch", "--opt=%s" % opt, "--output=%s" % output] + list(extra) + [source])[0]


def measured_run(cmd, env=None):
    """Runs cmd once; returns (seconds, stdout, stderr, returncode, peak RSS in KiB)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return elapsed, out.read(), err.read(), proc.returncode, usage.ru_maxrss


def gc_stats(stderr):
    """The figures of the `[gc]` lines RPY_GC_STATS=1 prints at exit, or None."""
    text = "\n".join(l for l in stderr.decode(errors="replace").splitlines() if l.startswith("[gc]"))
    if not text:
        return None
    stats = {}
    for key, pattern in [
        ("minor", r"minor collections: (\d+)"),
        ("major", r"major collections: (\d+)"),
        ("longest_pause_ms", r"longest pause: ([\d.]+) ms"),
        ("total_pause_ms", r"total pause: ([\d.]+) ms"),
        ("peak_mib", r"([\d.]+) MiB peak"),
        ("live_mib", r"([\d.]+) MiB after last major"),
        ("max_live_mib", r"([\d.]+) MiB most after a major"),
    ]:
        m = re.search(pattern, text)
        if m:
            stats[key] = float(m.group(1))
    return stats


def gcbench(work):
    source = os.path.join(PROGRAMS, "gcbench.py")
    runner = os.path.join(ROOT, "tools", "run_untranslated.py")
    # CPython takes ~15 s: one run is enough.
    start = time.perf_counter()
    ref = subprocess.run([python2(), runner, source], capture_output=True)
    cpython = time.perf_counter() - start
    if ref.returncode != 0:
        sys.exit("failed: CPython on gcbench.py\n%s" % ref.stderr.decode())
    expected = ref.stdout
    print("gcbench CPython 2.7 untranslated: %.3f s" % cpython)
    for extra in (["--gc=gen"], ["--gc=none"]):
        label = "gcbench translated --opt=2%s" % "".join(" " + e for e in extra)
        exe = os.path.join(work, "gcbench-%s" % ("".join(extra).replace("-", "").replace("=", "") or "default"))
        translate(source, 2, exe, extra)
        best, rss = None, 0
        for _ in range(REPEAT):
            elapsed, out, err, code, maxrss = measured_run([exe])
            if code != 0:
                sys.exit("failed: %s (status %d)\n%s" % (exe, code, err.decode(errors="replace")))
            if out != expected:
                sys.exit("wrong output from %s: %r" % (exe, out))
            best = elapsed if best is None else min(best, elapsed)
            rss = max(rss, maxrss)
        rss_mib = rss / 1024.0
        print("%s: %.4f s  (%.1fx faster than CPython), peak RSS %.1f MiB" % (label, best, cpython / best, rss_mib))
        env = dict(os.environ, RPY_GC_STATS="1")
        _, out, err, code, _ = measured_run([exe], env)
        stats = gc_stats(err) if code == 0 and out == expected else None
        if stats is None:
            continue  # --gc=none: no collector, no statistics
        parts = []
        if "minor" in stats and "major" in stats:
            parts.append("%d minor / %d major collections" % (stats["minor"], stats["major"]))
        live = stats.get("live_mib", 0.0)
        if live > 0:
            parts.append("live heap %.1f MiB after last major (peak RSS / live heap = %.2fx)" % (live, rss_mib / live))
            most = stats.get("max_live_mib", 0.0)
            if most > 0:
                # Steadier than the above: it does not depend on when the
                # last major collection happened to run.
                parts.append("at most %.1f MiB live after a major (peak RSS / that = %.2fx)" % (most, rss_mib / most))
        elif stats.get("peak_mib", 0.0) > 0:
            parts.append("no major collection; old generation peak %.1f MiB (peak RSS / that = %.1fx)"
                         % (stats["peak_mib"], rss_mib / stats["peak_mib"]))
        else:
            parts.append("live heap unavailable")
        if "longest_pause_ms" in stats:
            parts.append("longest pause %.3f ms" % stats["longest_pause_ms"])
        if "total_pause_ms" in stats:
            parts.append("total pause %.1f ms" % stats["total_pause_ms"])
        print("%s: %s" % (label, ", ".join(parts)))


def main():
    if not os.path.exists(TRANSLATE):
        sys.exit("build first: cargo build --release")
    work = tempfile.mkdtemp(prefix="rpy-bench-")
    try:
        speed_src = os.path.join(PROGRAMS, "translate_speed.py")
        lines = sum(1 for _ in open(speed_src))
        t = translate(speed_src, 2, os.path.join(work, "speed-c"))
        print("translate %d-line program at --opt=2: %.3f s  (budget 1 s: %.1fx under)" % (lines, t, 1.0 / t))
        large_src = os.path.join(work, "large.py")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_large_program.py"), large_src, "92"], check=True)
        lines = sum(1 for _ in open(large_src))
        large_exe = os.path.join(work, "large-c")
        t = translate(large_src, 2, large_exe)
        runner = os.path.join(ROOT, "tools", "run_untranslated.py")
        _, expected = best_time([python2(), runner, large_src])
        best_time([large_exe], expect=expected)
        print("translate %d-line program at --opt=2: %.3f s  (budget 3 s: %.1fx under)" % (lines, t, 3.0 / t))

        tests = os.path.join(ROOT, "tests", "programs")
        for name, source, args in [
            ("fib(30)", os.path.join(PROGRAMS, "fib.py"), ["30"]),
            ("richards x20", os.path.join(tests, "bench_richards.py"), ["20"]),
            ("pystone 100000", os.path.join(tests, "bench_pystone.py"), ["100000"]),
        ]:
            runner = os.path.join(ROOT, "tools", "run_untranslated.py")
            cpython, expected = best_time([python2(), runner, source] + args)
            print("%s CPython 2.7 untranslated: %.3f s" % (name, cpython))
            for opt in ("0", "2"):
                exe = os.path.join(work, "bench-O%s" % opt)
                translate(source, opt, exe)
                native, _ = best_time([exe] + args, expect=expected)
                print("%s translated --opt=%s: %.4f s  (%.1fx faster than CPython)" % (name, opt, native, cpython / native))

        gcbench(work)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
