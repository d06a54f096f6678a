#!/usr/bin/env bash
# Regenerates tests/programs/*.out and *.rc by running each program
# untranslated on CPython 2.7. Review the diff before committing.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON2:-$(pyenv root 2>/dev/null)/versions/2.7.18/bin/python}
for prog in tests/programs/*.py; do
    base=${prog%.py}
    # Helper modules (imported by other programs) have no expected output;
    # a program is a file that defines target().
    grep -q '^def target' "$prog" || continue
    args=()
    [ -f "$base.args" ] && read -r -a args < "$base.args"
    set +e
    "$PY" -u tools/run_untranslated.py "$prog" "${args[@]}" > "$base.out" 2>/dev/null
    echo $? > "$base.rc"
    set -e
done
