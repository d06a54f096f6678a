#!/usr/bin/env python3
"""Benchmarks, each a ratio against a reference measured in the same run.

- translation speed: seconds to translate programs/translate_speed.py (~300
  lines) at --opt=2, against the 1 s budget, and a generated program of
  5,000+ lines (gen_large_program.py; its output checked against CPython)
  against the 3 s budget;
- fib(30), richards and the pystone-like benchmark: the translated program at
  --opt=0 and --opt=2 against CPython 2.7 running the same program
  untranslated (tools/run_untranslated.py), outputs compared.

Run from anywhere after `cargo build --release`:  python3 bench/run.py
Each timing is the best of REPEAT runs (env BENCH_REPEAT, default 3).
"""
import os
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


def translate(source, opt, output):
    return best_time([TRANSLATE, "--batch", "--opt=%s" % opt, "--output=%s" % output, source])[0]


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
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
