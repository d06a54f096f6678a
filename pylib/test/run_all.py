"""Runs the tests of the bundled rpython package on CPython 2.7 (no pytest
needed): every function named test_* in every test_*.py beside this file.

usage: python2.7 pylib/test/run_all.py [-v] [NAME-SUBSTRING...]

The last line is 'N passed, M failed'; the exit status is 1 if any failed.
"""
import os
import sys
import time
import traceback

sys.dont_write_bytecode = True     # no .pyc files beside the sources

HERE = os.path.dirname(os.path.abspath(__file__))
PYLIB = os.path.dirname(HERE)
if PYLIB not in sys.path:
    sys.path.insert(0, PYLIB)
if HERE not in sys.path:
    sys.path.insert(0, HERE)


def main(argv):
    verbose = '-v' in argv
    filters = [a for a in argv if a != '-v']
    names = sorted(f[:-3] for f in os.listdir(HERE)
                   if f.startswith('test_') and f.endswith('.py'))
    passed = failed = 0
    for modname in names:
        module = __import__(modname)
        tests = sorted((getattr(module, n).func_code.co_firstlineno, n)
                       for n in dir(module)
                       if n.startswith('test_') and callable(getattr(module, n)))
        for _, name in tests:
            full = '%s.%s' % (modname, name)
            if filters and not any(f in full for f in filters):
                continue
            start = time.time()
            try:
                getattr(module, name)()
            except Exception:
                failed += 1
                print 'FAIL %s' % full
                traceback.print_exc(file=sys.stdout)
            else:
                passed += 1
                if verbose:
                    print 'ok   %s (%.2fs)' % (full, time.time() - start)
    print '%d passed, %d failed' % (passed, failed)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
