import os
import shutil
import tempfile

from rpython.rlib import streamio, rfile
from rpython.rlib.streamio import open_file_as_stream, fdopen_as_stream, decode_mode


def raises(exc, func, *args):
    try:
        func(*args)
    except exc, e:
        return e
    raise AssertionError("%s not raised" % exc.__name__)


class TempDir(object):
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix='pylib-test-')
        return self.path

    def __exit__(self, *args):
        shutil.rmtree(self.path)


def test_decode_mode():
    assert decode_mode('r') == (os.O_RDONLY, False, True, False, 'r', False)
    assert decode_mode('rb')[5] is True
    assert decode_mode('w')[0] == os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    assert decode_mode('a+')[0] == os.O_RDWR | os.O_CREAT
    assert decode_mode('U')[1:5] == (True, True, False, 'r')
    assert decode_mode('r+')[2:4] == (True, True)
    raises(ValueError, decode_mode, 'x')
    raises(ValueError, decode_mode, '')


def test_write_then_read():
    with TempDir() as d:
        path = os.path.join(d, 'f.txt')
        s = open_file_as_stream(path, 'w')
        s.write('hello\n')
        s.write('world\nlast')
        assert s.tell() == 16
        s.close()
        assert open(path).read() == 'hello\nworld\nlast'
        s = open_file_as_stream(path)
        assert s.readline() == 'hello\n'
        assert s.read(3) == 'wor'
        assert s.tell() == 9
        assert s.readline() == 'ld\n'
        assert s.readline() == 'last'
        assert s.readline() == ''
        assert s.read(10) == ''
        s.seek(0)
        assert s.readall() == 'hello\nworld\nlast'
        s.seek(-4, 2)
        assert s.read() == 'last'
        s.seek(2)
        s.seek(1, 1)
        assert s.read(2) == 'lo'
        assert s.try_to_find_file_descriptor() >= 0
        s.close()
        s.close()
        raises(ValueError, s.read, 1)


def test_big_file_and_buffering():
    with TempDir() as d:
        path = os.path.join(d, 'big')
        data = ''.join(chr(i % 251) for i in range(100000))
        s = open_file_as_stream(path, 'wb')
        for i in range(0, len(data), 777):
            s.write(data[i:i + 777])
        s.flush()
        assert os.path.getsize(path) == len(data)
        s.close()
        s = open_file_as_stream(path, 'rb')
        got = []
        while True:
            chunk = s.read(1000)
            if not chunk:
                break
            got.append(chunk)
        assert ''.join(got) == data
        s.close()
        # Unbuffered: visible at once.
        s = open_file_as_stream(path, 'w', 0)
        s.write('abc')
        assert open(path).read() == 'abc'
        s.close()
        # Line buffered.
        s = open_file_as_stream(path, 'w', 1)
        s.write('abc')
        assert open(path).read() == ''
        s.write('d\nef')       # a write with a newline flushes the buffer
        assert open(path).read() == 'abcd\nef'
        s.write('g')
        s.close()
        assert open(path).read() == 'abcd\nefg'


def test_append_and_update_modes():
    with TempDir() as d:
        path = os.path.join(d, 'a')
        open(path, 'w').write('123')
        s = open_file_as_stream(path, 'a')
        s.write('456')
        s.close()
        assert open(path).read() == '123456'
        s = open_file_as_stream(path, 'r+')
        assert s.read(2) == '12'
        s.write('XY')
        s.seek(0)
        assert s.readall() == '12XY56'
        s.truncate(3)
        s.close()
        assert open(path).read() == '12X'
        raises(OSError, open_file_as_stream, os.path.join(d, 'missing'))
        s = open_file_as_stream(path, 'r')
        raises(streamio.StreamError, s.write, 'x')
        s.close()


def test_universal_newlines():
    with TempDir() as d:
        path = os.path.join(d, 'u')
        open(path, 'wb').write('a\r\nb\rc\nd\r')
        s = open_file_as_stream(path, 'rU')
        assert s.readline() == 'a\n'
        assert s.readline() == 'b\n'
        assert s.readall() == 'c\nd\n'
        s.close()
        # '\r' and '\n' in different reads.
        open(path, 'wb').write('x' * 8191 + '\r\ny')
        s = open_file_as_stream(path, 'U')
        assert s.readall() == 'x' * 8191 + '\ny'
        s.close()


def test_fdopen():
    r, w = os.pipe()
    out = fdopen_as_stream(w, 'w')
    out.write('through a pipe\nsecond')
    out.close()
    inp = fdopen_as_stream(r, 'r')
    assert inp.readline() == 'through a pipe\n'
    assert inp.readall() == 'second'
    inp.close()


def test_rfile():
    with TempDir() as d:
        path = os.path.join(d, 'r')
        f = rfile.create_file(path, 'w')
        f.write('line1\nline2\n')
        f.write('x' * 10)
        assert f.tell() == 22
        f.close()
        assert f.closed
        raises(ValueError, f.write, 'a')
        f = rfile.create_file(path)
        assert f.readline() == 'line1\n'
        assert f.readline(3) == 'lin'
        assert f.readline() == 'e2\n'
        assert f.read(4) == 'xxxx'
        assert f.read() == 'x' * 6
        f.seek(0)
        assert f.read() == 'line1\nline2\n' + 'x' * 10
        assert f.fileno() >= 0 and not f.isatty()
        f.close()
        f = rfile.create_file(path, 'r+')
        f.truncate(5)
        f.close()
        assert open(path).read() == 'line1'
        e = raises(IOError, rfile.create_file, os.path.join(d, 'nope'))
        assert e.errno == 2
        with rfile.create_file(path, 'a') as f:
            f.write('!')
        assert open(path).read() == 'line1!'
        # An RFile that is dropped without close() is flushed.
        f = rfile.create_file(path, 'w')
        f.write('dropped')
        del f
        assert open(path).read() == 'dropped'


def test_create_stdio():
    stdin, stdout, stderr = rfile.create_stdio()
    assert stdin.fileno() == 0 and stdout.fileno() == 1 and stderr.fileno() == 2
    stderr.write('')
    stdout.flush()
    stdout.close()
    assert stdout.closed
    os.fstat(1)      # fd 1 is still open
