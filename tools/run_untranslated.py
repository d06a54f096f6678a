"""Runs an RPython target untranslated on CPython 2.7, the way the translated
executable runs it: imports the target file, calls target(driver, args), calls
the entry point with argv and exits with its result.

usage: python2.7 -u tools/run_untranslated.py TARGET.py [program args...]

Use -u: a translated program writes print output and os.write output in
program order, and so does CPython when unbuffered.
"""
import imp
import os
import sys


def main():
    path = os.path.abspath(sys.argv[1])
    folder = os.path.dirname(path)
    sys.path.insert(0, folder)
    here = os.path.dirname(os.path.abspath(__file__))
    # The bundled rpython package, so programs importing rpython.rlib run too.
    sys.path.append(os.path.join(os.path.dirname(here), 'pylib'))
    name = os.path.splitext(os.path.basename(path))[0]
    module = imp.load_source(name, path)
    entry = module.target(None, [])
    if isinstance(entry, tuple):
        entry = entry[0]
    status = entry([sys.argv[1]] + sys.argv[2:])
    sys.stdout.flush()
    os._exit(status & 0xff)


if __name__ == '__main__':
    main()
