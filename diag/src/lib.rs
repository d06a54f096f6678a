//! Source positions and diagnostics shared by every stage.
//!
//! A `Span` names a file (by `FileId` into a `SourceMap`) and a 1-based line and
//! column. Stages report problems as `Diagnostic` values; nothing here prints
//! by itself except `Diagnostic::render`.

use std::fmt;
use std::path::{Path, PathBuf};

/// Index of a file in the `SourceMap`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A position in a source file: 1-based line and column (column counts characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub col: u32,
}

impl Span {
    pub fn new(file: FileId, line: u32, col: u32) -> Span {
        Span { file, line, col }
    }
}

/// The files a translation has read, so spans can be turned back into paths.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

impl SourceMap {
    pub fn new() -> SourceMap {
        SourceMap::default()
    }

    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile { path, text });
        FileId(self.files.len() as u32 - 1)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.file(id).path
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i as u32), f))
    }

    /// `file:line:col` for a span.
    pub fn location(&self, span: Span) -> String {
        if (span.file.0 as usize) < self.files.len() {
            format!("{}:{}:{}", self.path(span.file).display(), span.line, span.col)
        } else {
            format!("<unknown>:{}:{}", span.line, span.col)
        }
    }

    /// `file:line`, as used in notes that point at where a type came from.
    pub fn short_location(&self, span: Span) -> String {
        let name = if (span.file.0 as usize) < self.files.len() {
            self.path(span.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            "<unknown>".to_string()
        };
        format!("{}:{}", name, span.line)
    }
}

/// An error found in the user's program, with where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    /// Extra lines, each with an optional position (e.g. the call chain).
    pub notes: Vec<(Option<Span>, String)>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { span, message: message.into(), notes: Vec::new() }
    }

    pub fn with_note(mut self, span: Option<Span>, note: impl Into<String>) -> Diagnostic {
        self.notes.push((span, note.into()));
        self
    }

    /// `file:line:col: error: message` followed by one `note:` line per note.
    pub fn render(&self, sources: &SourceMap) -> String {
        let mut out = format!("{}: error: {}\n", sources.location(self.span), self.message);
        for (span, note) in &self.notes {
            match span {
                Some(s) => out.push_str(&format!("{}: note: {}\n", sources.location(*s), note)),
                None => out.push_str(&format!("note: {}\n", note)),
            }
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: error: {}", self.span.line, self.span.col, self.message)
    }
}

pub type Result<T> = std::result::Result<T, Diagnostic>;
