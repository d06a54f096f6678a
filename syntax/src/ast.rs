//! The abstract syntax tree of Python 2.7 (plus the Python 3 spellings 2.7 accepts).
//!
//! Every statement and expression carries the `Span` of its first token. The
//! tree mirrors CPython 2.7's `ast` module so that its shape is familiar;
//! names differ only where Rust needs it.

use diag::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    FunctionDef(FunctionDef),
    ClassDef(ClassDef),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    /// `a = b = value`: several targets, one value.
    Assign { targets: Vec<Expr>, value: Expr },
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `print >>dest, a, b,` ; `newline` is false with a trailing comma.
    Print { dest: Option<Expr>, values: Vec<Expr>, newline: bool },
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    With { context: Expr, vars: Option<Expr>, body: Vec<Stmt> },
    /// `raise`, `raise E`, `raise E, V`, `raise E, V, TB` (also `raise E(V)`).
    Raise { type_: Option<Expr>, inst: Option<Expr>, tback: Option<Expr> },
    TryExcept { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt> },
    TryFinally { body: Vec<Stmt>, finalbody: Vec<Stmt> },
    Assert { test: Expr, msg: Option<Expr> },
    Import(Vec<Alias>),
    /// `from .mod import a as b`; `level` counts leading dots; names `*` for star imports.
    ImportFrom { module: Option<String>, names: Vec<Alias>, level: u32 },
    /// `exec code in globals, locals`
    Exec { body: Expr, globals: Option<Expr>, locals: Option<Expr> },
    Global(Vec<String>),
    Expr(Expr),
    Pass,
    Break,
    Continue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: String,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub name: String,
    pub bases: Vec<Expr>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// A parameter list. Python 2 allows tuple parameters (`def f((a, b)):`), so each
/// positional parameter is an expression target (a `Name` or a `Tuple` of them).
#[derive(Debug, Clone, PartialEq)]
pub struct Arguments {
    pub args: Vec<Expr>,
    /// `*args` name.
    pub vararg: Option<String>,
    /// `**kwargs` name.
    pub kwarg: Option<String>,
    /// Defaults of the last `defaults.len()` positional parameters.
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub span: Span,
    pub type_: Option<Expr>,
    /// `except E, name:` or `except E as name:` (a target expression).
    pub name: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Dotted name for `import a.b.c`; a plain name for `from m import name`.
    pub name: String,
    pub asname: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`
    BoolOp { op: BoolOpKind, values: Vec<Expr> },
    BinOp { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    Dict { keys: Vec<Expr>, values: Vec<Expr> },
    Set(Vec<Expr>),
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Yield(Option<Box<Expr>>),
    /// `a < b <= c`: `ops.len() == comparators.len()`.
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
        starargs: Option<Box<Expr>>,
        kwargs: Option<Box<Expr>>,
    },
    /// Backquotes: `` `x` ``.
    Repr(Box<Expr>),
    /// Integer literal that fits in i64. A minus sign directly before a number
    /// literal is folded into it, as CPython does: `-1` is `Int(-1)`, and
    /// `-9223372036854775808` an `Int`, but `-(1)` and `-1 ** 2` are `UnaryOp`s.
    Int(i64),
    /// Integer literal too large for i64, or with an `L` suffix: its decimal
    /// digits, with a leading `-` when a minus sign was folded in.
    Long(String),
    Float(f64),
    /// Imaginary literal `1j`.
    Complex(f64),
    /// Byte string (all adjacent literals already concatenated).
    Str(Vec<u8>),
    /// Unicode string (`u''` literals, or any literal under `unicode_literals`).
    Unicode(String),
    /// A unicode literal whose value the toolchain cannot represent yet (a
    /// lone surrogate, or a `\N{name}` escape, which would need the Unicode
    /// name database); the string says why. The parser accepts it, as
    /// CPython does; later stages report an error where it is evaluated.
    UnicodeUnsupported(String),
    Attribute { value: Box<Expr>, attr: String },
    Subscript { value: Box<Expr>, slice: Box<Slice> },
    Name(String),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Slice {
    Ellipsis,
    /// `a[lower:upper:step]`; `step` is `Some` whenever a second colon appears
    /// (the name `None` for `a[::]`, as in CPython).
    Slice { lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr> },
    /// `a[i, j:k]`
    ExtSlice(Vec<Slice>),
    Index(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: String,
    pub value: Expr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoolOpKind {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    /// `/` (Python 2 semantics: floor division on ints unless `from __future__ import division`).
    Div,
    /// `/` under `from __future__ import division`.
    TrueDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    /// `!=` and `<>`
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::Div | BinOp::TrueDiv => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::FloorDiv => "//",
        }
    }
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
