//! Output: the `print` statement's buffered stdout with CPython 2.7's soft
//! space, `os.write`, and fatal errors.
//!
//! Print output is buffered; everything that writes to a file descriptor
//! directly (os.write, fatal errors, exit) flushes the buffer first, so output
//! appears in program order.

use crate::exc::raise;
use crate::libc;
use crate::strings::str_bytes;

const STDOUT: i32 = 1;
const STDERR: i32 = 2;
const PRINT_BUF_SIZE: usize = 64 * 1024;

/// Where print output goes: the stdout buffer, or a Vec in tests.
pub trait Out {
    fn put(&mut self, bytes: &[u8]);
}

impl Out for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Python 2 `print` state of sys.stdout: pending bytes and the soft space
/// flag (a space is owed before the next item).
struct PrintBuf {
    fd: i32,
    data: [u8; PRINT_BUF_SIZE],
    len: usize,
    softspace: bool,
}

static mut PRINT_BUF: PrintBuf = PrintBuf { fd: STDOUT, data: [0; PRINT_BUF_SIZE], len: 0, softspace: false };

/// The stdout print state (single-threaded program; tests never call this).
fn print_buf() -> &'static mut PrintBuf {
    unsafe { &mut *std::ptr::addr_of_mut!(PRINT_BUF) }
}

impl PrintBuf {
    /// Writes the pending bytes to stdout. Errors are dropped: print has no
    /// way to report them yet, and a closed pipe kills us with SIGPIPE anyway.
    fn flush(&mut self) {
        let len = self.len.min(PRINT_BUF_SIZE);
        let _ = write_all(self.fd, &self.data[..len]);
        self.len = 0;
    }
}

impl Out for PrintBuf {
    fn put(&mut self, bytes: &[u8]) {
        if bytes.len() > PRINT_BUF_SIZE - self.len {
            self.flush();
        }
        if bytes.len() >= PRINT_BUF_SIZE {
            let _ = write_all(self.fd, bytes);
        } else {
            self.data[self.len..self.len + bytes.len()].copy_from_slice(bytes);
            self.len += bytes.len();
        }
    }
}

/// Writes all of `bytes` to `fd`, retrying partial writes and EINTR.
/// Err carries errno.
pub fn write_all(fd: i32, mut bytes: &[u8]) -> Result<(), i32> {
    while !bytes.is_empty() {
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            let err = libc::errno();
            if err == libc::EINTR {
                continue;
            }
            return Err(err);
        }
        bytes = bytes.get(n as usize..).unwrap_or(&[]);
    }
    Ok(())
}

/// CPython 2.7 PRINT_ITEM: a owed space, then the item; the soft space is
/// then owed unless the item ends in whitespace other than ' ' (so `print
/// "a\n",` does not add a space before the next item, but `print "a ",` does).
pub fn print_item_to(out: &mut impl Out, softspace: &mut bool, item: &[u8]) {
    if *softspace {
        out.put(b" ");
    }
    out.put(item);
    *softspace = match item.last() {
        None => true,
        Some(&c) => c == b' ' || !is_c_space(c),
    };
}

/// CPython 2.7 PRINT_NEWLINE: a newline, which pays off any owed space.
pub fn print_newline_to(out: &mut impl Out, softspace: &mut bool) {
    out.put(b"\n");
    *softspace = false;
}

/// What CPython 2.7 does at exit (Py_FlushLine): ends a line left open by a
/// trailing-comma print.
pub fn finish_line_to(out: &mut impl Out, softspace: &mut bool) {
    if *softspace {
        print_newline_to(out, softspace);
    }
}

/// C `isspace` in the C locale.
fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `rpy_print_item(s)`: one item of a print statement on stdout, preceded by
/// a space if one is owed (see `print_item_to`). Never raises.
#[no_mangle]
pub unsafe extern "C" fn rpy_print_item(s: *const u8) {
    let buf = print_buf();
    let mut softspace = buf.softspace;
    print_item_to(buf, &mut softspace, str_bytes(s));
    buf.softspace = softspace;
}

/// `rpy_print_text(s)`: text of a `print()` call, written as it is; like
/// CPython's file.write it clears the print statement's owed space.
#[no_mangle]
pub unsafe extern "C" fn rpy_print_text(s: *const u8) {
    let buf = print_buf();
    buf.put(str_bytes(s));
    buf.softspace = false;
}

/// `rpy_print_newline()`: ends a print statement with a newline. Never raises.
#[no_mangle]
pub extern "C" fn rpy_print_newline() {
    let buf = print_buf();
    let mut softspace = buf.softspace;
    print_newline_to(buf, &mut softspace);
    buf.softspace = softspace;
}

/// `rpy_os_write(fd, s)`: os.write; writes all of `s` after flushing print
/// output and returns the number of bytes written. Raises OSError if the
/// write fails (returns 0 then). The print soft space is left as it is, as in
/// CPython where os.write bypasses sys.stdout.
#[no_mangle]
pub unsafe extern "C" fn rpy_os_write(fd: i64, s: *const u8) -> i64 {
    flush_stdout();
    let bytes = str_bytes(s);
    let Ok(fd) = i32::try_from(fd) else {
        raise("OSError");
        return 0;
    };
    match write_all(fd, bytes) {
        Ok(()) => bytes.len() as i64,
        Err(_) => {
            raise("OSError");
            0
        }
    }
}

/// Writes out buffered print output.
pub fn flush_stdout() {
    print_buf().flush();
}

/// End-of-program output handling: close an open print line, then flush.
pub fn finish_stdout() {
    let buf = print_buf();
    let mut softspace = buf.softspace;
    finish_line_to(buf, &mut softspace);
    buf.softspace = softspace;
    buf.flush();
}

/// Reports an uncaught exception (or fatal runtime condition) `name`:
/// finishes stdout, then writes `Fatal RPython error: NAME` to stderr.
/// Writes an uncaught exception's traceback on stderr (after the program's
/// output).
pub fn report_traceback(tb: &str) {
    finish_stdout();
    let _ = write_all(STDERR, tb.as_bytes());
}

pub fn report_fatal(name: &str) {
    finish_stdout();
    let mut msg = Vec::with_capacity(32 + name.len());
    msg.extend_from_slice(b"Fatal RPython error: ");
    msg.extend_from_slice(name.as_bytes());
    msg.push(b'\n');
    let _ = write_all(STDERR, &msg);
}

/// A condition the program cannot survive (e.g. out of memory): report it
/// and exit with status 1.
pub fn fatal_error(name: &str) -> ! {
    report_fatal(name);
    std::process::exit(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a sequence of print operations: Some(item) is an item, None a
    /// newline; then the exit-time line finish.
    fn run(ops: &[Option<&str>]) -> String {
        let mut out = Vec::new();
        let mut ss = false;
        for op in ops {
            match op {
                Some(s) => print_item_to(&mut out, &mut ss, s.as_bytes()),
                None => print_newline_to(&mut out, &mut ss),
            }
        }
        finish_line_to(&mut out, &mut ss);
        String::from_utf8(out).unwrap()
    }

    // Expected outputs checked against CPython 2.7.18.
    #[test]
    fn softspace_rules() {
        assert_eq!(run(&[Some("a"), Some("b"), None]), "a b\n");
        assert_eq!(run(&[None]), "\n");
        assert_eq!(run(&[Some("a"), None, Some("b"), None]), "a\nb\n");
        // `print "a",` then `print "b"`.
        assert_eq!(run(&[Some("a"), Some("b"), None]), "a b\n");
        assert_eq!(run(&[Some("a\n"), Some("b"), None]), "a\nb\n");
        assert_eq!(run(&[Some("a\t"), Some("b"), None]), "a\tb\n");
        assert_eq!(run(&[Some("a\r"), Some("b"), None]), "a\rb\n");
        assert_eq!(run(&[Some("a\x0b"), Some("b"), None]), "a\x0bb\n");
        assert_eq!(run(&[Some("a\x0c"), Some("b"), None]), "a\x0cb\n");
        assert_eq!(run(&[Some("a "), Some("b"), None]), "a  b\n");
        assert_eq!(run(&[Some(""), Some("b"), None]), " b\n");
        assert_eq!(run(&[Some("a\0"), Some("b"), None]), "a\0 b\n");
        // A line left open at exit is closed, as CPython does.
        assert_eq!(run(&[Some("a")]), "a\n");
        assert_eq!(run(&[Some("a\n")]), "a\n");
        assert_eq!(run(&[Some("x"), None, None]), "x\n\n");
    }

    #[test]
    fn print_buffer_flushes_in_order() {
        use std::os::fd::AsRawFd;
        let path = std::env::temp_dir().join(format!("rpyruntime-test-{}", std::process::id()));
        let file = std::fs::File::create(&path).unwrap();
        let mut b = Box::new(PrintBuf { fd: file.as_raw_fd(), data: [0; PRINT_BUF_SIZE], len: 0, softspace: false });
        let mut expected = Vec::new();
        // Small items that fill the buffer, one that overflows it, one bigger
        // than the whole buffer, then a tail that stays buffered until flush.
        let chunk: Vec<u8> = (0..1000u32).map(|i| b'a' + (i % 26) as u8).collect();
        for _ in 0..70 {
            b.put(&chunk);
            expected.extend_from_slice(&chunk);
        }
        let huge = vec![b'H'; PRINT_BUF_SIZE + 5];
        b.put(&huge);
        expected.extend_from_slice(&huge);
        b.put(b"tail");
        expected.extend_from_slice(b"tail");
        assert_eq!(&b.data[..b.len], b"tail");
        b.flush();
        drop(file);
        let written = std::fs::read(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert!(written == expected);
    }
}
