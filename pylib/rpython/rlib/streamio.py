"""Buffered file streams over file descriptors, for RPython programs.

  open_file_as_stream(path, mode='r', buffering=-1) -> Stream
  fdopen_as_stream(fd, mode='r', buffering=-1) -> Stream
  decode_mode(mode) -> (os flags, universal, reading, writing, basemode, binary)

A Stream has read(n=-1), readall(), readline(), write(s), seek(pos,
whence=0), tell(), flush(), close(), truncate(size), flushable(),
isatty(), peek(), try_to_find_file_descriptor().  Modes are Python's:
'r', 'w', 'a', with '+' (read and write), 'b' (no effect on Linux) and 'U'
(universal newlines when reading: '\\r\\n' and '\\r' read as '\\n').
buffering: 0 writes through at once, 1 flushes after each line, otherwise
writes are buffered (8192 bytes, or the given size) until flush(), seek(),
a read or close().  Reads are buffered.

Written in the RPython subset on top of os.open, os.read, os.write,
os.lseek, os.close and os.ftruncate; OSError from them propagates.
Operations on a closed stream raise ValueError.
"""

import os

DEFAULT_BUFFER_SIZE = 8192


class StreamError(Exception):
    def __init__(self, message):
        self.message = message

    def __str__(self):
        return self.message


def _os_mode(basemode, plus):
    if basemode == 'r':
        if plus:
            return os.O_RDWR
        return os.O_RDONLY
    if basemode == 'w':
        if plus:
            return os.O_RDWR | os.O_CREAT | os.O_TRUNC
        return os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    if plus:
        return os.O_RDWR | os.O_CREAT
    return os.O_WRONLY | os.O_CREAT


def decode_mode(mode):
    """(os flags, universal, reading, writing, basemode, binary) for a mode."""
    if not mode:
        raise ValueError("empty mode string")
    if mode[0] == 'U':
        mode = 'r' + mode
    basemode = mode[0]
    if basemode != 'r' and basemode != 'w' and basemode != 'a':
        raise ValueError("mode string must begin with one of 'r', 'w', 'a' or 'U', not '%s'" % mode)
    plus = False
    universal = False
    binary = False
    i = 1
    while i < len(mode):
        c = mode[i]
        if c == '+':
            plus = True
        elif c == 'U':
            universal = True
        elif c == 'b':
            binary = True
        else:
            break
        i += 1
    flags = _os_mode(basemode, plus)
    reading = basemode == 'r' or plus
    writing = basemode != 'r' or plus
    return flags, universal, reading, writing, basemode, binary


def open_file_as_stream(path, mode="r", buffering=-1, signal_checker=None):
    flags, universal, reading, writing, basemode, binary = decode_mode(mode)
    fd = os.open(path, flags, 0666)
    return _make_stream(fd, universal, reading, writing, basemode, buffering, True)


def fdopen_as_stream(fd, mode="r", buffering=-1, signal_checker=None):
    flags, universal, reading, writing, basemode, binary = decode_mode(mode)
    return _make_stream(fd, universal, reading, writing, basemode, buffering, True)


def _make_stream(fd, universal, reading, writing, basemode, buffering, close_fd):
    if basemode == 'a':
        try:
            os.lseek(fd, 0, 2)
        except OSError:
            pass        # not seekable (a pipe, a terminal)
    if buffering < 0 or buffering > 1:
        bufsize = DEFAULT_BUFFER_SIZE
        if buffering > 1:
            bufsize = buffering
        line_buffered = False
    elif buffering == 1:
        bufsize = DEFAULT_BUFFER_SIZE
        line_buffered = True
    else:
        bufsize = 0
        line_buffered = False
    return Stream(fd, reading, writing, universal, bufsize, line_buffered, close_fd)


class Stream(object):
    """A buffered stream over a file descriptor."""

    def __init__(self, fd, reading=True, writing=False, universal=False,
                 bufsize=DEFAULT_BUFFER_SIZE, line_buffered=False, close_fd=True):
        self.fd = fd
        self.reading = reading
        self.writing = writing
        self.universal = universal
        self.bufsize = bufsize
        self.line_buffered = line_buffered
        self.close_fd = close_fd
        self.closed = False
        self.rbuf = ''          # data read ahead, not yet returned
        self.wbuf = []          # data written, not yet passed to os.write
        self.wsize = 0
        self.skip_lf = False    # universal newlines: the last byte read was '\r'
        self.at_eof = False

    # -- helpers
    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _check_reading(self):
        self._check_open()
        if not self.reading:
            raise StreamError("file not open for reading")

    def _check_writing(self):
        self._check_open()
        if not self.writing:
            raise StreamError("file not open for writing")

    def _flush_writes(self):
        if self.wsize == 0:
            return
        data = ''.join(self.wbuf)
        self.wbuf = []
        self.wsize = 0
        while data:
            n = os.write(self.fd, data)
            if n <= 0:
                raise StreamError("write failed")
            data = data[n:]

    def _drop_readahead(self):
        """Moves the file position back over the data read ahead."""
        if self.rbuf:
            try:
                os.lseek(self.fd, -len(self.rbuf), 1)
            except OSError:
                pass
            self.rbuf = ''
        self.skip_lf = False
        self.at_eof = False

    def _fill(self, size):
        """Reads more data into rbuf; False at the end of the file."""
        self._flush_writes()
        if self.at_eof:
            return False
        if size < DEFAULT_BUFFER_SIZE:
            size = DEFAULT_BUFFER_SIZE
        while True:
            data = os.read(self.fd, size)
            if not data:
                self.at_eof = True
                return False
            if self.universal:
                if self.skip_lf:
                    self.skip_lf = False
                    if data.startswith('\n'):
                        data = data[1:]
                        if not data:
                            continue
                if data.endswith('\r'):
                    self.skip_lf = True
                data = data.replace('\r\n', '\n').replace('\r', '\n')
            self.rbuf += data
            return True

    # -- reading
    def read(self, n=-1):
        self._check_reading()
        if n < 0:
            return self.readall()
        while len(self.rbuf) < n:
            if not self._fill(n - len(self.rbuf)):
                break
        result = self.rbuf[:n]
        self.rbuf = self.rbuf[n:]
        return result

    def readall(self):
        self._check_reading()
        pieces = [self.rbuf]
        self.rbuf = ''
        while self._fill(DEFAULT_BUFFER_SIZE):
            pieces.append(self.rbuf)
            self.rbuf = ''
        return ''.join(pieces)

    def readline(self):
        """The next line, with its '\\n' ('' at the end of the file)."""
        self._check_reading()
        start = 0
        while True:
            i = self.rbuf.find('\n', start)
            if i >= 0:
                line = self.rbuf[:i + 1]
                self.rbuf = self.rbuf[i + 1:]
                return line
            start = len(self.rbuf)
            if not self._fill(DEFAULT_BUFFER_SIZE):
                line = self.rbuf
                self.rbuf = ''
                return line

    def peek(self):
        """The data already read ahead (possibly empty)."""
        return self.rbuf

    def count_buffered_bytes(self):
        return len(self.rbuf)

    # -- writing
    def write(self, data):
        self._check_writing()
        if self.rbuf or self.skip_lf or self.at_eof:
            self._drop_readahead()
        if not data:
            return
        self.wbuf.append(data)
        self.wsize += len(data)
        if self.wsize >= self.bufsize or (self.line_buffered and '\n' in data):
            self._flush_writes()

    def flush(self):
        self._check_open()
        self._flush_writes()

    def flushable(self):
        return self.writing

    # -- positioning
    def tell(self):
        self._check_open()
        pos = os.lseek(self.fd, 0, 1)
        return pos - len(self.rbuf) + self.wsize

    def seek(self, offset, whence=0):
        self._check_open()
        self._flush_writes()
        if whence == 1:
            offset -= len(self.rbuf)
        self.rbuf = ''
        self.skip_lf = False
        self.at_eof = False
        os.lseek(self.fd, offset, whence)

    def truncate(self, size):
        self._check_open()
        self._flush_writes()
        self._drop_readahead()
        os.ftruncate(self.fd, size)

    # -- the rest
    def close(self):
        if self.closed:
            return
        try:
            self._flush_writes()
        finally:
            self.closed = True
            if self.close_fd:
                os.close(self.fd)

    def isatty(self):
        self._check_open()
        return os.isatty(self.fd)

    def try_to_find_file_descriptor(self):
        return self.fd

    def fileno(self):
        return self.fd
