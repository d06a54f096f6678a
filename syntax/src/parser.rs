//! Recursive-descent parser for Python 2.7 statements; expressions are in
//! `expr.rs`. The grammar follows CPython 2.7's `Grammar/Grammar`, and the
//! checks CPython makes while building its AST (assignment targets, argument
//! lists, `__future__` placement, `return`/`yield`/`break` placement) are made
//! here too, so later stages see only valid programs.

use crate::ast::*;
use crate::lexer::{Tok, Token, Tokens};
use diag::{Diagnostic, FileId, Span};

pub type PResult<T> = Result<T, Diagnostic>;

/// Deepest nesting of brackets, unary operators, lambdas and the like.
pub const MAX_NESTING: usize = 200;
/// Deepest statement tree (blocks, `elif` chains, `with` items).
pub const MAX_STATEMENT_DEPTH: usize = 500;

/// Where `return`, `yield`, `break` and `continue` are allowed.
#[derive(Clone, Copy, Default)]
pub struct Scope {
    pub in_function: bool,
    pub in_loop: bool,
    /// Inside a `finally` block of the innermost loop (`continue` is not allowed there in 2.7).
    pub in_finally: bool,
}

/// What a function body contained, to reject `return value` in generators.
#[derive(Clone, Copy, Default)]
pub struct FunctionFacts {
    pub has_yield: bool,
    pub return_with_value: Option<Span>,
}

pub struct Parser<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub lex_error: Option<Diagnostic>,
    pub pos: usize,
    pub file: FileId,
    // `from __future__` flags in force.
    pub print_function: bool,
    pub unicode_literals: bool,
    pub true_division: bool,
    /// The file declares a one-byte encoding (see `literals::StringMode`).
    pub latin1_source: bool,
    /// Token index of the module docstring, re-read if `unicode_literals` comes later.
    docstring_at: Option<usize>,
    /// No statement but a docstring and future imports seen yet.
    future_allowed: bool,
    docstring_allowed: bool,
    /// Number of enclosing blocks (0 at module level).
    block_depth: usize,
    stmt_depth: usize,
    pub nesting: usize,
    pub scope: Scope,
    pub facts: FunctionFacts,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str, tokens: Tokens, file: FileId) -> Parser<'a> {
        Parser {
            text,
            tokens: tokens.tokens,
            lex_error: tokens.error,
            pos: 0,
            file,
            print_function: false,
            unicode_literals: false,
            true_division: false,
            latin1_source: false,
            docstring_at: None,
            future_allowed: true,
            docstring_allowed: true,
            block_depth: 0,
            stmt_depth: 0,
            nesting: 0,
            scope: Scope::default(),
            facts: FunctionFacts::default(),
        }
    }

    // ---- Token access -------------------------------------------------

    fn token(&self, ahead: usize) -> Token {
        // The stream always ends with `EndOfFile` or `Error`, which is never consumed.
        let last = self.tokens.len().saturating_sub(1);
        self.tokens.get((self.pos + ahead).min(last)).copied().unwrap_or(Token {
            tok: Tok::EndOfFile,
            start: 0,
            end: 0,
            line: 1,
            col: 1,
        })
    }

    pub fn tok(&self) -> Tok {
        self.token(0).tok
    }

    pub fn peek(&self, ahead: usize) -> Tok {
        self.token(ahead).tok
    }

    pub fn span(&self) -> Span {
        self.span_of(self.token(0))
    }

    pub fn span_of(&self, t: Token) -> Span {
        Span::new(self.file, t.line, t.col)
    }

    pub fn text_of(&self, t: Token) -> &'a str {
        self.text.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    pub fn advance(&mut self) -> Token {
        let t = self.token(0);
        if !matches!(t.tok, Tok::EndOfFile | Tok::Error) {
            self.pos += 1;
        }
        t
    }

    /// Consumes the current token and returns its span.
    pub fn advance_span(&mut self) -> Span {
        let t = self.advance();
        self.span_of(t)
    }

    pub fn eat(&mut self, tok: Tok) -> bool {
        if self.tok() == tok {
            self.advance();
            true
        } else {
            false
        }
    }

    /// Consumes `tok` or fails with "invalid syntax: {what}".
    pub fn expect(&mut self, tok: Tok, what: &str) -> PResult<Token> {
        if self.tok() == tok {
            Ok(self.advance())
        } else {
            Err(self.error(format!("invalid syntax: {}", what)))
        }
    }

    /// An error at the current token; a lexical error there takes precedence.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        match (&self.lex_error, self.tok()) {
            (Some(e), Tok::Error) => e.clone(),
            _ => Diagnostic::error(self.span(), message),
        }
    }

    /// "invalid syntax" naming the unexpected current token.
    pub fn unexpected(&self) -> Diagnostic {
        let t = self.token(0);
        let what = match t.tok {
            Tok::Newline => "unexpected end of line".to_string(),
            Tok::Indent => return self.error("unexpected indent"),
            Tok::Dedent => "unexpected unindent".to_string(),
            Tok::EndOfFile => "unexpected end of file".to_string(),
            Tok::String => "unexpected string literal".to_string(),
            _ => format!("unexpected '{}'", self.text_of(t)),
        };
        self.error(format!("invalid syntax: {}", what))
    }

    /// A name token; `print` counts as one under `print_function`.
    pub fn at_name(&self) -> bool {
        match self.tok() {
            Tok::Name => true,
            Tok::Print => self.print_function,
            _ => false,
        }
    }

    pub fn name(&mut self, what: &str) -> PResult<(String, Span)> {
        if !self.at_name() {
            return Err(self.error(format!("invalid syntax: expected {}", what)));
        }
        let t = self.advance();
        Ok((self.text_of(t).to_string(), self.span_of(t)))
    }

    /// Enters one level of expression nesting (recursion), bounded so deep
    /// input is an error rather than a stack overflow. (An error abandons the
    /// whole parse, so the matching `leave` is skipped then.)
    pub fn enter(&mut self) -> PResult<()> {
        if self.nesting >= MAX_NESTING {
            return Err(self.error(format!("expression nested too deeply (more than {} levels)", MAX_NESTING)));
        }
        self.nesting += 1;
        Ok(())
    }

    pub fn leave(&mut self) {
        self.nesting -= 1;
    }

    fn deeper_statement(&mut self, levels: usize) -> PResult<()> {
        self.stmt_depth += levels;
        if self.stmt_depth > MAX_STATEMENT_DEPTH {
            return Err(self.error(format!("statements nested too deeply (more than {} levels)", MAX_STATEMENT_DEPTH)));
        }
        Ok(())
    }

    // ---- Module and blocks --------------------------------------------

    pub fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        loop {
            match self.tok() {
                Tok::EndOfFile => break,
                Tok::Newline => {
                    self.advance();
                }
                _ => self.statement(&mut body)?,
            }
        }
        // CPython applies `unicode_literals` to the whole file, so also to the
        // docstring before the import.
        if let (true, Some(at), Some(first)) = (self.unicode_literals, self.docstring_at, body.first_mut()) {
            self.pos = at;
            while self.eat(Tok::LParen) {}
            if let StmtKind::Expr(doc) = &mut first.kind {
                *doc = self.strings()?;
            }
        }
        Ok(Module { body })
    }

    /// The block after a `:`: an indented suite or statements on the same line.
    fn block(&mut self) -> PResult<Vec<Stmt>> {
        self.block_depth += 1;
        self.deeper_statement(1)?;
        let mut body = Vec::new();
        if self.eat(Tok::Newline) {
            if self.tok() != Tok::Indent {
                return Err(self.error("expected an indented block"));
            }
            self.advance();
            while !matches!(self.tok(), Tok::Dedent | Tok::EndOfFile | Tok::Error) {
                self.statement(&mut body)?;
            }
            self.expect(Tok::Dedent, "expected the end of the indented block")?;
        } else {
            self.simple_statements(&mut body)?;
        }
        self.block_depth -= 1;
        self.stmt_depth -= 1;
        Ok(body)
    }

    /// A block parsed with a different scope (function, class or loop body).
    fn block_in(&mut self, scope: Scope) -> PResult<Vec<Stmt>> {
        let outer = std::mem::replace(&mut self.scope, scope);
        let body = self.block();
        self.scope = outer;
        body
    }

    fn colon_block(&mut self, after: &str) -> PResult<Vec<Stmt>> {
        self.expect(Tok::Colon, &format!("expected ':' after {}", after))?;
        self.block()
    }

    // ---- Statements ---------------------------------------------------

    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let compound = match self.tok() {
            Tok::If => Some(Parser::if_stmt as fn(&mut Self) -> PResult<Stmt>),
            Tok::While => Some(Parser::while_stmt as fn(&mut Self) -> PResult<Stmt>),
            Tok::For => Some(Parser::for_stmt as fn(&mut Self) -> PResult<Stmt>),
            Tok::Try => Some(Parser::try_stmt as fn(&mut Self) -> PResult<Stmt>),
            Tok::With => Some(Parser::with_stmt as fn(&mut Self) -> PResult<Stmt>),
            Tok::Def | Tok::Class | Tok::At => Some(Parser::decorated as fn(&mut Self) -> PResult<Stmt>),
            Tok::Indent => return Err(self.error("unexpected indent")),
            _ => None,
        };
        match compound {
            Some(parse) => {
                if self.block_depth == 0 {
                    self.future_allowed = false;
                    self.docstring_allowed = false;
                }
                out.push(parse(self)?);
                Ok(())
            }
            None => self.simple_statements(out),
        }
    }

    /// `small_stmt (';' small_stmt)* [';'] NEWLINE`
    fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let start = self.pos;
            let stmt = self.small_statement()?;
            if self.block_depth == 0 {
                self.note_top_level(&stmt, start);
            }
            out.push(stmt);
            if !self.eat(Tok::Semi) || self.tok() == Tok::Newline {
                break;
            }
        }
        if self.tok() != Tok::Newline {
            return Err(self.unexpected());
        }
        self.advance();
        Ok(())
    }

    /// Tracks whether `from __future__` imports may still come.
    fn note_top_level(&mut self, stmt: &Stmt, start: usize) {
        let is_future = matches!(&stmt.kind, StmtKind::ImportFrom { module: Some(m), level: 0, .. } if m == "__future__");
        let is_docstring = matches!(&stmt.kind, StmtKind::Expr(Expr { kind: ExprKind::Str(_) | ExprKind::Unicode(_) | ExprKind::UnicodeUnsupported(_), .. }));
        if is_docstring && self.docstring_allowed {
            self.docstring_at = Some(start);
        } else if !is_future {
            self.future_allowed = false;
        }
        self.docstring_allowed = false;
    }

    fn at_statement_end(&self) -> bool {
        matches!(self.tok(), Tok::Newline | Tok::Semi | Tok::EndOfFile | Tok::Error)
    }

    fn small_statement(&mut self) -> PResult<Stmt> {
        let span = self.span();
        let kind = match self.tok() {
            Tok::Print if !self.print_function => self.print_stmt()?,
            Tok::Del => {
                self.advance();
                let (targets, _) = self.expr_list_items()?;
                for t in &targets {
                    self.check_target(t, TargetUse::Delete)?;
                }
                StmtKind::Delete(targets)
            }
            Tok::Pass => {
                self.advance();
                StmtKind::Pass
            }
            Tok::Break => {
                if !self.scope.in_loop {
                    return Err(self.error("'break' outside loop"));
                }
                self.advance();
                StmtKind::Break
            }
            Tok::Continue => {
                if !self.scope.in_loop {
                    return Err(self.error("'continue' not properly in loop"));
                }
                if self.scope.in_finally {
                    return Err(self.error("'continue' not supported inside 'finally' clause"));
                }
                self.advance();
                StmtKind::Continue
            }
            Tok::Return => {
                if !self.scope.in_function {
                    return Err(self.error("'return' outside function"));
                }
                self.advance();
                let value = if self.at_statement_end() { None } else { Some(self.test_list()?) };
                if value.is_some() && self.facts.return_with_value.is_none() {
                    self.facts.return_with_value = Some(span);
                }
                StmtKind::Return(value)
            }
            Tok::Raise => self.raise_stmt()?,
            Tok::Yield => StmtKind::Expr(self.yield_expr()?),
            Tok::Import => self.import_stmt()?,
            Tok::From => self.import_from_stmt(span)?,
            Tok::Global => {
                self.advance();
                let mut names = vec![self.name("a name after 'global'")?.0];
                while self.eat(Tok::Comma) {
                    names.push(self.name("a name after ','")?.0);
                }
                StmtKind::Global(names)
            }
            Tok::Exec => self.exec_stmt()?,
            Tok::Assert => {
                self.advance();
                let test = self.test()?;
                let msg = if self.eat(Tok::Comma) { Some(self.test()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            _ => self.expr_stmt()?,
        };
        Ok(Stmt { span, kind })
    }

    /// `testlist (augassign (yield_expr|testlist) | ('=' (yield_expr|testlist))*)`
    fn expr_stmt(&mut self) -> PResult<StmtKind> {
        let first = self.test_list()?;
        if let Some(op) = self.aug_assign_op() {
            self.check_target(&first, TargetUse::AugAssign)?;
            self.advance();
            let value = self.assigned_value()?;
            return Ok(StmtKind::AugAssign { target: first, op, value });
        }
        if self.tok() != Tok::Assign {
            return Ok(StmtKind::Expr(first));
        }
        let mut targets = vec![first];
        let mut value;
        loop {
            self.advance();
            value = self.assigned_value()?;
            if self.tok() != Tok::Assign {
                break;
            }
            targets.push(value);
        }
        for t in &targets {
            self.check_target(t, TargetUse::Assign)?;
        }
        Ok(StmtKind::Assign { targets, value })
    }

    fn assigned_value(&mut self) -> PResult<Expr> {
        if self.tok() == Tok::Yield {
            self.yield_expr()
        } else {
            self.test_list()
        }
    }

    fn aug_assign_op(&self) -> Option<BinOp> {
        Some(match self.tok() {
            Tok::PlusEq => BinOp::Add,
            Tok::MinusEq => BinOp::Sub,
            Tok::StarEq => BinOp::Mult,
            Tok::SlashEq if self.true_division => BinOp::TrueDiv,
            Tok::SlashEq => BinOp::Div,
            Tok::DoubleSlashEq => BinOp::FloorDiv,
            Tok::PercentEq => BinOp::Mod,
            Tok::DoubleStarEq => BinOp::Pow,
            Tok::LShiftEq => BinOp::LShift,
            Tok::RShiftEq => BinOp::RShift,
            Tok::AmperEq => BinOp::BitAnd,
            Tok::VBarEq => BinOp::BitOr,
            Tok::CaretEq => BinOp::BitXor,
            _ => return None,
        })
    }

    /// `print [>>dest,] [values] [,]`
    fn print_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut dest = None;
        let mut values = Vec::new();
        let mut newline = true;
        if self.eat(Tok::RShift) {
            dest = Some(self.test()?);
            if !self.eat(Tok::Comma) {
                return Ok(StmtKind::Print { dest, values, newline });
            }
            if self.at_statement_end() {
                return Err(self.error("invalid syntax: expected a value to print after ','"));
            }
        }
        while !self.at_statement_end() {
            values.push(self.test()?);
            newline = true;
            if !self.eat(Tok::Comma) {
                break;
            }
            newline = false;
        }
        Ok(StmtKind::Print { dest, values, newline })
    }

    /// `raise [type [, inst [, tback]]]`
    fn raise_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let (mut type_, mut inst, mut tback) = (None, None, None);
        if !self.at_statement_end() {
            type_ = Some(self.test()?);
            if self.eat(Tok::Comma) {
                inst = Some(self.test()?);
                if self.eat(Tok::Comma) {
                    tback = Some(self.test()?);
                }
            }
        }
        Ok(StmtKind::Raise { type_, inst, tback })
    }

    /// `exec code [in globals [, locals]]`; `exec(code, globals)` means the same.
    fn exec_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let body = self.expr()?;
        if self.eat(Tok::In) {
            let globals = Some(self.test()?);
            let locals = if self.eat(Tok::Comma) { Some(self.test()?) } else { None };
            return Ok(StmtKind::Exec { body, globals, locals });
        }
        match body.kind {
            ExprKind::Tuple(mut elts) if elts.len() == 2 || elts.len() == 3 => {
                let code = elts.remove(0);
                let mut rest = elts.into_iter();
                Ok(StmtKind::Exec { body: code, globals: rest.next(), locals: rest.next() })
            }
            kind => Ok(StmtKind::Exec { body: Expr { span: body.span, kind }, globals: None, locals: None }),
        }
    }

    fn dotted_name(&mut self, what: &str) -> PResult<String> {
        let mut name = self.name(what)?.0;
        while self.tok() == Tok::Dot {
            self.advance();
            name.push('.');
            name.push_str(&self.name("a name after '.'")?.0);
        }
        Ok(name)
    }

    fn as_name(&mut self) -> PResult<Option<String>> {
        if !self.eat(Tok::As) {
            return Ok(None);
        }
        let (name, span) = self.name("a name after 'as'")?;
        self.check_binding(&name, span)?;
        Ok(Some(name))
    }

    /// `import a.b as c, d`
    fn import_stmt(&mut self) -> PResult<StmtKind> {
        self.advance();
        let mut names = Vec::new();
        loop {
            let span = self.span();
            let name = self.dotted_name("a module name after 'import'")?;
            let asname = self.as_name()?;
            if asname.is_none() && !name.contains('.') {
                self.check_binding(&name, span)?;
            }
            names.push(Alias { name, asname });
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    /// `from .mod import a as b, c` / `from m import (a, b,)` / `from m import *`
    fn import_from_stmt(&mut self, span: Span) -> PResult<StmtKind> {
        self.advance();
        let mut level = 0;
        while self.eat(Tok::Dot) {
            level += 1;
        }
        let module = if level == 0 || self.at_name() {
            Some(self.dotted_name("a module name after 'from'")?)
        } else {
            None
        };
        self.expect(Tok::Import, "expected 'import' after the module name")?;
        let mut names = Vec::new();
        if self.eat(Tok::Star) {
            names.push(Alias { name: "*".to_string(), asname: None });
        } else {
            let parenthesized = self.eat(Tok::LParen);
            loop {
                let (name, span) = self.name("a name to import")?;
                let asname = self.as_name()?;
                if asname.is_none() {
                    self.check_binding(&name, span)?;
                }
                names.push(Alias { name, asname });
                if !self.eat(Tok::Comma) {
                    break;
                }
                if parenthesized && self.tok() == Tok::RParen {
                    break;
                }
                if !parenthesized && self.at_statement_end() {
                    return Err(self.error("invalid syntax: trailing comma not allowed without surrounding parentheses"));
                }
            }
            if parenthesized {
                self.expect(Tok::RParen, "expected ')' after the imported names")?;
            }
        }
        if level == 0 && module.as_deref() == Some("__future__") {
            self.future_import(&names, span)?;
        }
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    /// Applies `from __future__ import ...`, which changes how the rest of the file parses.
    fn future_import(&mut self, names: &[Alias], span: Span) -> PResult<()> {
        if !self.future_allowed || self.block_depth > 0 {
            return Err(Diagnostic::error(span, "from __future__ imports must occur at the beginning of the file"));
        }
        for alias in names {
            match alias.name.as_str() {
                "print_function" => self.print_function = true,
                "unicode_literals" => self.unicode_literals = true,
                "division" => self.true_division = true,
                // Always on in 2.7.
                "nested_scopes" | "generators" | "absolute_import" | "with_statement" => {}
                "braces" => return Err(Diagnostic::error(span, "not a chance")),
                other => return Err(Diagnostic::error(span, format!("future feature {} is not defined", other))),
            }
        }
        Ok(())
    }

    // ---- Compound statements ------------------------------------------

    /// `if`/`elif`/`else`; each `elif` becomes an `If` nested in the previous `orelse`.
    fn if_stmt(&mut self) -> PResult<Stmt> {
        let span = self.advance_span();
        let test = self.test()?;
        let body = self.colon_block("the 'if' condition")?;
        let mut branches = vec![(span, test, body)];
        let outer_depth = self.stmt_depth;
        let mut orelse = Vec::new();
        loop {
            match self.tok() {
                Tok::Elif => {
                    let span = self.advance_span();
                    self.deeper_statement(1)?;
                    let test = self.test()?;
                    let body = self.colon_block("the 'elif' condition")?;
                    branches.push((span, test, body));
                }
                Tok::Else => {
                    self.advance();
                    orelse = self.colon_block("'else'")?;
                    break;
                }
                _ => break,
            }
        }
        self.stmt_depth = outer_depth;
        for (span, test, body) in branches.into_iter().rev() {
            orelse = vec![Stmt { span, kind: StmtKind::If { test, body, orelse } }];
        }
        orelse.pop().ok_or_else(|| self.error("invalid if statement"))
    }

    fn loop_scope(&self) -> Scope {
        Scope { in_loop: true, in_finally: false, ..self.scope }
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let span = self.advance_span();
        let test = self.test()?;
        self.expect(Tok::Colon, "expected ':' after the 'while' condition")?;
        let body = self.block_in(self.loop_scope())?;
        let orelse = self.else_block()?;
        Ok(Stmt { span, kind: StmtKind::While { test, body, orelse } })
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let span = self.advance_span();
        let target = self.expr_list()?;
        self.check_target(&target, TargetUse::Assign)?;
        self.expect(Tok::In, "expected 'in' after the 'for' target")?;
        let iter = self.test_list()?;
        self.expect(Tok::Colon, "expected ':' after the 'for' iterable")?;
        let body = self.block_in(self.loop_scope())?;
        let orelse = self.else_block()?;
        Ok(Stmt { span, kind: StmtKind::For { target, iter, body, orelse } })
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.eat(Tok::Else) {
            self.colon_block("'else'")
        } else {
            Ok(Vec::new())
        }
    }

    /// `try`/`except`/`else`/`finally`; with both handlers and `finally`, a
    /// `TryExcept` nested in a `TryFinally`, as in CPython.
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let span = self.advance_span();
        let body = self.colon_block("'try'")?;
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.tok() == Tok::Except {
            if let Some(prev) = handlers.last() {
                if prev.type_.is_none() {
                    return Err(Diagnostic::error(prev.span, "default 'except:' must be last"));
                }
            }
            let handler_span = self.advance_span();
            let (mut type_, mut name) = (None, None);
            if self.tok() != Tok::Colon {
                type_ = Some(self.test()?);
                if self.eat(Tok::As) || self.eat(Tok::Comma) {
                    let target = self.test()?;
                    self.check_target(&target, TargetUse::Assign)?;
                    name = Some(target);
                }
            }
            let body = self.colon_block("the 'except' clause")?;
            handlers.push(ExceptHandler { span: handler_span, type_, name, body });
        }
        let orelse = if handlers.is_empty() { Vec::new() } else { self.else_block()? };
        let finalbody = if self.eat(Tok::Finally) {
            self.expect(Tok::Colon, "expected ':' after 'finally'")?;
            let scope = Scope { in_finally: self.scope.in_loop, ..self.scope };
            Some(self.block_in(scope)?)
        } else {
            None
        };
        let kind = match (handlers.is_empty(), finalbody) {
            (true, None) => return Err(self.error("invalid syntax: expected 'except' or 'finally' block")),
            (true, Some(finalbody)) => StmtKind::TryFinally { body, finalbody },
            (false, None) => StmtKind::TryExcept { body, handlers, orelse },
            (false, Some(finalbody)) => {
                let inner = Stmt { span, kind: StmtKind::TryExcept { body, handlers, orelse } };
                StmtKind::TryFinally { body: vec![inner], finalbody }
            }
        };
        Ok(Stmt { span, kind })
    }

    /// `with a as x, b as y:` becomes `With a` containing `With b`.
    fn with_stmt(&mut self) -> PResult<Stmt> {
        let span = self.advance_span();
        let mut items = Vec::new();
        loop {
            let item_span = self.span();
            let context = self.test()?;
            let vars = if self.eat(Tok::As) {
                let target = self.expr()?;
                self.check_target(&target, TargetUse::Assign)?;
                Some(target)
            } else {
                None
            };
            items.push((item_span, context, vars));
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        let extra = items.len() - 1;
        self.deeper_statement(extra)?;
        let body = self.colon_block("the 'with' items")?;
        self.stmt_depth -= extra;
        let mut body = body;
        for (i, (item_span, context, vars)) in items.into_iter().enumerate().rev() {
            let span = if i == 0 { span } else { item_span };
            body = vec![Stmt { span, kind: StmtKind::With { context, vars, body } }];
        }
        body.pop().ok_or_else(|| self.error("invalid with statement"))
    }

    /// Decorators followed by `def` or `class`, or a bare `def`/`class`.
    fn decorated(&mut self) -> PResult<Stmt> {
        let span = self.span();
        let mut decorators = Vec::new();
        while self.tok() == Tok::At {
            self.advance();
            decorators.push(self.decorator()?);
            self.expect(Tok::Newline, "expected a newline after the decorator")?;
        }
        let kind = match self.tok() {
            Tok::Def => StmtKind::FunctionDef(self.funcdef(decorators)?),
            Tok::Class => StmtKind::ClassDef(self.classdef(decorators)?),
            _ => return Err(self.error("invalid syntax: expected 'def' or 'class' after decorators")),
        };
        Ok(Stmt { span, kind })
    }

    /// `dotted_name [ '(' [arglist] ')' ]`
    fn decorator(&mut self) -> PResult<Expr> {
        let (name, span) = self.name("a decorator name after '@'")?;
        let mut expr = Expr { span, kind: ExprKind::Name(name) };
        while self.eat(Tok::Dot) {
            let attr = self.name("a name after '.'")?.0;
            expr = Expr { span, kind: ExprKind::Attribute { value: Box::new(expr), attr } };
        }
        if self.tok() == Tok::LParen {
            expr = self.call(expr)?;
        }
        Ok(expr)
    }

    fn funcdef(&mut self, decorators: Vec<Expr>) -> PResult<FunctionDef> {
        self.advance();
        let (name, name_span) = self.name("a function name after 'def'")?;
        self.check_binding(&name, name_span)?;
        self.expect(Tok::LParen, "expected '(' after the function name")?;
        let args = self.parameters(Tok::RParen)?;
        self.expect(Tok::RParen, "expected ')' after the parameters")?;
        self.expect(Tok::Colon, "expected ':' after the function signature")?;
        let outer_facts = std::mem::take(&mut self.facts);
        let body = self.block_in(Scope { in_function: true, in_loop: false, in_finally: false });
        let facts = std::mem::replace(&mut self.facts, outer_facts);
        let body = body?;
        if let (true, Some(span)) = (facts.has_yield, facts.return_with_value) {
            return Err(Diagnostic::error(span, "'return' with argument inside generator"));
        }
        Ok(FunctionDef { name, args, body, decorators })
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<ClassDef> {
        self.advance();
        let (name, name_span) = self.name("a class name after 'class'")?;
        self.check_binding(&name, name_span)?;
        let mut bases = Vec::new();
        if self.eat(Tok::LParen) {
            if self.tok() != Tok::RParen {
                bases = self.test_items()?.0;
            }
            self.expect(Tok::RParen, "expected ')' after the base classes")?;
        }
        self.expect(Tok::Colon, "expected ':' after the class name")?;
        let body = self.block_in(Scope::default())?;
        Ok(ClassDef { name, bases, body, decorators })
    }
}

/// How a target expression is used, for the error messages.
#[derive(Clone, Copy, PartialEq)]
pub enum TargetUse {
    Assign,
    Delete,
    AugAssign,
}

impl<'a> Parser<'a> {
    /// Rejects expressions that cannot be assigned to (or deleted), as CPython's
    /// `set_context` does.
    pub fn check_target(&self, e: &Expr, usage: TargetUse) -> PResult<()> {
        let what = match &e.kind {
            ExprKind::Name(name) => return self.check_name_target(name, e.span, usage),
            ExprKind::Attribute { attr, .. } => return self.check_name_target(attr, e.span, usage),
            ExprKind::Subscript { .. } => return Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) if usage != TargetUse::AugAssign => {
                if elts.is_empty() && matches!(e.kind, ExprKind::Tuple(_)) {
                    "()"
                } else {
                    for elt in elts {
                        self.check_target(elt, usage)?;
                    }
                    return Ok(());
                }
            }
            ExprKind::Tuple(_) | ExprKind::List(_) => "",
            ExprKind::Call { .. } => "function call",
            ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "operator",
            ExprKind::Lambda { .. } => "lambda",
            ExprKind::IfExp { .. } => "conditional expression",
            ExprKind::Compare { .. } => "comparison",
            ExprKind::Repr(_) => "repr",
            ExprKind::Yield(_) => "yield expression",
            ExprKind::GeneratorExp { .. } => "generator expression",
            ExprKind::ListComp { .. } => "list comprehension",
            ExprKind::SetComp { .. } => "set comprehension",
            ExprKind::DictComp { .. } => "dict comprehension",
            ExprKind::Dict { .. }
            | ExprKind::Set(_)
            | ExprKind::Int(_)
            | ExprKind::Long(_)
            | ExprKind::Float(_)
            | ExprKind::Complex(_)
            | ExprKind::Str(_)
            | ExprKind::Unicode(_)
            | ExprKind::UnicodeUnsupported(_) => "literal",
        };
        let message = match usage {
            TargetUse::AugAssign => "illegal expression for augmented assignment".to_string(),
            TargetUse::Assign => format!("can't assign to {}", what),
            TargetUse::Delete => format!("can't delete {}", what),
        };
        Err(Diagnostic::error(e.span, message))
    }

    fn check_name_target(&self, name: &str, span: Span, usage: TargetUse) -> PResult<()> {
        if name == "None" {
            let verb = if usage == TargetUse::Delete { "delete" } else { "assign to" };
            return Err(Diagnostic::error(span, format!("cannot {} None", verb)));
        }
        Ok(())
    }

    /// Names bound by `def`, `class`, `import` and parameters cannot be `None`.
    pub fn check_binding(&self, name: &str, span: Span) -> PResult<()> {
        self.check_name_target(name, span, TargetUse::Assign)
    }
}
