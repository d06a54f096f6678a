"""File objects for RPython programs, like Python 2's `file`.

  create_file(path, mode='r', buffering=-1) -> RFile
  create_fdopen_rfile(fd, mode='r', buffering=-1) -> RFile
  create_stdio() -> (stdin, stdout, stderr) RFiles over fds 0, 1 and 2

An RFile has read(size=-1), readline(size=-1), write(s), flush(), seek(pos,
whence=0), tell(), truncate(size=-1), fileno(), isatty(), close() and the
attribute `closed`.  Errors of the system calls are IOError(errno,
strerror); operations on a closed file raise ValueError("I/O operation on
closed file").  stdout and stderr write through at once (no buffer), so
their output keeps its order with os.write and print; files from
create_file buffer writes until flush(), seek() or close() (and are flushed
when the object is freed untranslated).

Built on rpython.rlib.streamio, in the RPython subset.
"""

import os

from rpython.rlib import streamio


def _ioerror(e):
    return IOError(e.errno, e.strerror)


class RFile(object):

    def __init__(self, stream, close_fd=True):
        self._stream = stream
        self._close_fd = close_fd
        self.closed = False

    def _check_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def read(self, size=-1):
        self._check_closed()
        try:
            if size < 0:
                return self._stream.readall()
            return self._stream.read(size)
        except OSError, e:
            raise _ioerror(e)

    def readline(self, size=-1):
        self._check_closed()
        try:
            if size < 0:
                return self._stream.readline()
            # At most `size` bytes.
            pieces = []
            got = 0
            while got < size:
                c = self._stream.read(1)
                if not c:
                    break
                pieces.append(c)
                got += 1
                if c == '\n':
                    break
            return ''.join(pieces)
        except OSError, e:
            raise _ioerror(e)

    def write(self, value):
        self._check_closed()
        try:
            self._stream.write(value)
        except OSError, e:
            raise _ioerror(e)

    def flush(self):
        self._check_closed()
        try:
            self._stream.flush()
        except OSError, e:
            raise _ioerror(e)

    def seek(self, pos, whence=0):
        self._check_closed()
        try:
            self._stream.seek(pos, whence)
        except OSError, e:
            raise _ioerror(e)

    def tell(self):
        self._check_closed()
        try:
            return self._stream.tell()
        except OSError, e:
            raise _ioerror(e)

    def truncate(self, arg=-1):
        self._check_closed()
        try:
            if arg < 0:
                arg = self._stream.tell()
            self._stream.truncate(arg)
        except OSError, e:
            raise _ioerror(e)

    def fileno(self):
        self._check_closed()
        return self._stream.fd

    def isatty(self):
        self._check_closed()
        return self._stream.isatty()

    def close(self):
        if self.closed:
            return
        self.closed = True
        try:
            if self._close_fd:
                self._stream.close()
            else:
                self._stream.flush()
        except OSError, e:
            raise _ioerror(e)

    def __del__(self):
        if not self.closed:
            try:
                self._stream.flush()
            except OSError:
                pass

    # Python 2 file spellings.
    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def create_file(filename, mode="r", buffering=-1):
    try:
        stream = streamio.open_file_as_stream(filename, mode, buffering)
    except OSError, e:
        raise IOError(e.errno, e.strerror, filename)
    return RFile(stream)


def create_fdopen_rfile(fd, mode="r", buffering=-1):
    try:
        stream = streamio.fdopen_as_stream(fd, mode, buffering)
    except OSError, e:
        raise _ioerror(e)
    return RFile(stream)


def create_stdio():
    """(stdin, stdout, stderr): closing them does not close fds 0, 1, 2."""
    stdin = RFile(streamio.Stream(0, True, False, False, 0, False, False), close_fd=False)
    stdout = RFile(streamio.Stream(1, False, True, False, 0, False, False), close_fd=False)
    stderr = RFile(streamio.Stream(2, False, True, False, 0, False, False), close_fd=False)
    return stdin, stdout, stderr
