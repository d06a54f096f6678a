#!/usr/bin/env bash
# Regenerates tests/pending/*.out and *.rc by running each program
# untranslated on CPython 2.7 (the same as tools/update_expected.sh, for this
# folder). A program whose run fails to import an rpython.rlib module that the
# bundled pylib does not have yet gets no .out/.rc (so the test harness skips
# it) and is listed at the end. Review the diff before committing.
set -eu
cd "$(dirname "$0")/../.."
PY=${PYTHON2:-$(pyenv root 2>/dev/null)/versions/2.7.18/bin/python}
err=$(mktemp)
missing=()
for prog in tests/pending/*.py; do
    base=${prog%.py}
    # Helper modules (imported by other programs) have no expected output;
    # a program is a file that defines target().
    grep -q '^def target' "$prog" || continue
    args=()
    [ -f "$base.args" ] && read -r -a args < "$base.args"
    set +e
    "$PY" -u tools/run_untranslated.py "$prog" "${args[@]}" > "$base.out" 2>"$err"
    echo $? > "$base.rc"
    set -e
    if grep -q "^ImportError: " "$err"; then
        rm -f "$base.out" "$base.rc"
        missing+=("$(basename "$base"): $(grep '^ImportError' "$err" | tail -1)")
    fi
done
rm -f "$err"
if [ ${#missing[@]} -gt 0 ]; then
    echo "no expected output (an import failed):" >&2
    printf '  %s\n' "${missing[@]}" >&2
fi
