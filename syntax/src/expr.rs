//! Expressions: precedence climbing for binary operators, recursive descent
//! for the rest, following CPython 2.7's grammar from `test` down to `atom`.

use crate::ast::*;
use crate::lexer::{Tok, Token};
use crate::literals::{self, NumValue, StrValue, StringMode};
use crate::parser::{PResult, Parser, Scope, TargetUse};
use diag::{Diagnostic, Span};
use std::collections::HashSet;

/// Deepest expression tree a left-leaning chain (`a + b + ...`, `f(x)(y).z`)
/// may build; deeper trees would overflow the stack of recursive passes.
pub const MAX_EXPR_DEPTH: usize = 500;

/// A left-leaning chain being built: its tree depth was at most `depth` when
/// the parser was at token `at`.
struct Chain {
    depth: usize,
    at: usize,
}

/// `e` itself when there was a single item and no comma, else a tuple.
fn tuple_or_single(mut items: Vec<Expr>, comma: bool, span: Span) -> Expr {
    if !comma && items.len() == 1 {
        if let Some(e) = items.pop() {
            return e;
        }
    }
    let span = items.first().map_or(span, |e| e.span);
    Expr { span, kind: ExprKind::Tuple(items) }
}

impl<'a> Parser<'a> {
    /// Can the current token begin an expression? (Ends optional lists.)
    pub fn starts_expression(&self) -> bool {
        match self.tok() {
            Tok::Name
            | Tok::Number
            | Tok::String
            | Tok::LParen
            | Tok::LBracket
            | Tok::LBrace
            | Tok::Backquote
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Lambda => true,
            Tok::Print => self.print_function,
            _ => false,
        }
    }

    /// `test (',' test)* [',']`: a tuple when there is a comma.
    pub fn test_list(&mut self) -> PResult<Expr> {
        let span = self.span();
        let (items, comma) = self.test_items()?;
        Ok(tuple_or_single(items, comma, span))
    }

    /// The items of a `testlist` and whether a comma was seen.
    pub fn test_items(&mut self) -> PResult<(Vec<Expr>, bool)> {
        let mut items = vec![self.test()?];
        let mut comma = false;
        while self.eat(Tok::Comma) {
            comma = true;
            if !self.starts_expression() {
                break;
            }
            items.push(self.test()?);
        }
        Ok((items, comma))
    }

    /// `expr (',' expr)* [',']` (targets of `for`, comprehensions).
    pub fn expr_list(&mut self) -> PResult<Expr> {
        let span = self.span();
        let (items, comma) = self.expr_list_items()?;
        Ok(tuple_or_single(items, comma, span))
    }

    pub fn expr_list_items(&mut self) -> PResult<(Vec<Expr>, bool)> {
        let mut items = vec![self.expr()?];
        let mut comma = false;
        while self.eat(Tok::Comma) {
            comma = true;
            if !self.starts_expression() {
                break;
            }
            items.push(self.expr()?);
        }
        Ok((items, comma))
    }

    /// `or_test ['if' or_test 'else' test] | lambdef`
    pub fn test(&mut self) -> PResult<Expr> {
        self.enter()?;
        let body = if self.tok() == Tok::Lambda { self.lambda(false)? } else { self.or_test()? };
        // A lambda's body has taken any `if` already.
        if self.tok() != Tok::If {
            self.leave();
            return Ok(body);
        }
        self.advance();
        let test = self.or_test()?;
        self.expect(Tok::Else, "expected 'else' in the conditional expression")?;
        let orelse = self.test()?;
        self.leave();
        let span = body.span;
        Ok(Expr { span, kind: ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) } })
    }

    /// `or_test | old_lambdef`: no conditional expression, as in list
    /// comprehension iterables and conditions.
    pub fn old_test(&mut self) -> PResult<Expr> {
        self.enter()?;
        let e = if self.tok() == Tok::Lambda { self.lambda(true)? } else { self.or_test()? };
        self.leave();
        Ok(e)
    }

    fn or_test(&mut self) -> PResult<Expr> {
        let first = self.and_test()?;
        if self.tok() != Tok::Or {
            return Ok(first);
        }
        let span = first.span;
        let mut values = vec![first];
        while self.eat(Tok::Or) {
            values.push(self.and_test()?);
        }
        Ok(Expr { span, kind: ExprKind::BoolOp { op: BoolOpKind::Or, values } })
    }

    fn and_test(&mut self) -> PResult<Expr> {
        let first = self.not_test()?;
        if self.tok() != Tok::And {
            return Ok(first);
        }
        let span = first.span;
        let mut values = vec![first];
        while self.eat(Tok::And) {
            values.push(self.not_test()?);
        }
        Ok(Expr { span, kind: ExprKind::BoolOp { op: BoolOpKind::And, values } })
    }

    fn not_test(&mut self) -> PResult<Expr> {
        if self.tok() != Tok::Not {
            return self.comparison();
        }
        let span = self.advance_span();
        self.enter()?;
        let operand = self.not_test()?;
        self.leave();
        Ok(Expr { span, kind: ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand) } })
    }

    /// `expr (comp_op expr)*`, one flat `Compare` for a chain.
    fn comparison(&mut self) -> PResult<Expr> {
        let left = self.expr()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.tok() {
                Tok::Less => CmpOp::Lt,
                Tok::Greater => CmpOp::Gt,
                Tok::EqEq => CmpOp::Eq,
                Tok::GreaterEq => CmpOp::GtE,
                Tok::LessEq => CmpOp::LtE,
                Tok::NotEq => CmpOp::NotEq,
                Tok::In => CmpOp::In,
                Tok::Not if self.peek(1) == Tok::In => {
                    self.advance();
                    CmpOp::NotIn
                }
                Tok::Is if self.peek(1) == Tok::Not => {
                    self.advance();
                    CmpOp::IsNot
                }
                Tok::Is => CmpOp::Is,
                _ => break,
            };
            self.advance();
            ops.push(op);
            comparators.push(self.expr()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = left.span;
        Ok(Expr { span, kind: ExprKind::Compare { left: Box::new(left), ops, comparators } })
    }

    /// `|` and everything that binds tighter.
    pub fn expr(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    fn binary_op(&self) -> Option<(BinOp, u8)> {
        Some(match self.tok() {
            Tok::VBar => (BinOp::BitOr, 1),
            Tok::Caret => (BinOp::BitXor, 2),
            Tok::Amper => (BinOp::BitAnd, 3),
            Tok::LShift => (BinOp::LShift, 4),
            Tok::RShift => (BinOp::RShift, 4),
            Tok::Plus => (BinOp::Add, 5),
            Tok::Minus => (BinOp::Sub, 5),
            Tok::Star => (BinOp::Mult, 6),
            Tok::Slash if self.true_division => (BinOp::TrueDiv, 6),
            Tok::Slash => (BinOp::Div, 6),
            Tok::DoubleSlash => (BinOp::FloorDiv, 6),
            Tok::Percent => (BinOp::Mod, 6),
            _ => return None,
        })
    }

    /// Precedence climbing over the left-associative binary operators whose
    /// precedence is at least `min_prec`.
    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let mut chain = Chain { depth: 0, at: self.pos };
        let mut left = self.factor()?;
        while let Some((op, prec)) = self.binary_op() {
            if prec < min_prec {
                break;
            }
            self.advance();
            let right = self.binary(prec + 1)?;
            let span = left.span;
            left = Expr { span, kind: ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) } };
            self.check_chain(&mut chain, &left)?;
        }
        Ok(left)
    }

    /// Every node takes at least one token, so a tree is never deeper than the
    /// tokens it came from: the exact depth is only needed for long chains.
    fn check_chain(&self, chain: &mut Chain, e: &Expr) -> PResult<()> {
        if chain.depth + (self.pos - chain.at) <= MAX_EXPR_DEPTH {
            return Ok(());
        }
        chain.depth = tree_depth(e);
        chain.at = self.pos;
        if chain.depth > MAX_EXPR_DEPTH {
            return Err(Diagnostic::error(
                e.span,
                format!("expression nested too deeply (more than {} levels)", MAX_EXPR_DEPTH),
            ));
        }
        Ok(())
    }

    /// `('+'|'-'|'~') factor | power`; a minus directly before a number is
    /// folded into the literal, as CPython does (`-1`, but not `-1 ** 2`).
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Plus => UnaryOp::UAdd,
            Tok::Minus => UnaryOp::USub,
            Tok::Tilde => UnaryOp::Invert,
            _ => return self.power(),
        };
        let span = self.advance_span();
        if op == UnaryOp::USub
            && self.tok() == Tok::Number
            && !matches!(self.peek(1), Tok::LParen | Tok::LBracket | Tok::Dot | Tok::DoubleStar)
        {
            let t = self.advance();
            return self.number(t, true, span);
        }
        self.enter()?;
        let operand = self.factor()?;
        self.leave();
        Ok(Expr { span, kind: ExprKind::UnaryOp { op, operand: Box::new(operand) } })
    }

    /// `atom trailer* ['**' factor]`
    fn power(&mut self) -> PResult<Expr> {
        let base = self.atom_trailers()?;
        if self.tok() != Tok::DoubleStar {
            return Ok(base);
        }
        self.advance();
        self.enter()?;
        let exponent = self.factor()?;
        self.leave();
        let span = base.span;
        Ok(Expr { span, kind: ExprKind::BinOp { left: Box::new(base), op: BinOp::Pow, right: Box::new(exponent) } })
    }

    fn atom_trailers(&mut self) -> PResult<Expr> {
        let mut chain = Chain { depth: 0, at: self.pos };
        let mut e = self.atom()?;
        loop {
            e = match self.tok() {
                Tok::LParen => self.call(e)?,
                Tok::LBracket => self.subscript(e)?,
                Tok::Dot => {
                    self.advance();
                    let attr = self.name("an attribute name after '.'")?.0;
                    let span = e.span;
                    Expr { span, kind: ExprKind::Attribute { value: Box::new(e), attr } }
                }
                _ => return Ok(e),
            };
            self.check_chain(&mut chain, &e)?;
        }
    }

    /// The argument list of a call, at its `(`.
    pub fn call(&mut self, func: Expr) -> PResult<Expr> {
        self.advance();
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        let mut keyword_names = HashSet::new();
        let mut starargs = None;
        let mut kwargs = None;
        let mut bare_generator = None;
        while self.tok() != Tok::RParen {
            if kwargs.is_some() {
                return Err(self.error("invalid syntax: the '**' argument must come last"));
            }
            if self.eat(Tok::Star) {
                if starargs.is_some() {
                    return Err(self.error("invalid syntax: only one '*' argument is allowed"));
                }
                starargs = Some(Box::new(self.test()?));
            } else if self.eat(Tok::DoubleStar) {
                kwargs = Some(Box::new(self.test()?));
            } else {
                let e = self.test()?;
                if self.tok() == Tok::Assign {
                    let arg = match e.kind {
                        ExprKind::Name(name) => name,
                        _ => return Err(Diagnostic::error(e.span, "keyword can't be an expression")),
                    };
                    self.check_binding(&arg, e.span)?;
                    if !keyword_names.insert(arg.clone()) {
                        return Err(Diagnostic::error(e.span, "keyword argument repeated"));
                    }
                    self.advance();
                    let value = self.test()?;
                    keywords.push(Keyword { arg, value });
                } else {
                    let e = if self.tok() == Tok::For {
                        bare_generator = Some(e.span);
                        let generators = self.comprehensions(false)?;
                        Expr { span: e.span, kind: ExprKind::GeneratorExp { elt: Box::new(e), generators } }
                    } else {
                        e
                    };
                    if !keywords.is_empty() {
                        return Err(Diagnostic::error(e.span, "non-keyword arg after keyword arg"));
                    }
                    if starargs.is_some() {
                        return Err(Diagnostic::error(e.span, "only named arguments may follow *expression"));
                    }
                    args.push(e);
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
            if self.tok() == Tok::RParen && (starargs.is_some() || kwargs.is_some()) {
                return Err(self.error("invalid syntax: no trailing comma allowed after '*' or '**' arguments"));
            }
        }
        self.expect(Tok::RParen, "expected ',' or ')' in the call arguments")?;
        let count = args.len() + keywords.len() + starargs.is_some() as usize + kwargs.is_some() as usize;
        if let (Some(span), true) = (bare_generator, count > 1) {
            return Err(Diagnostic::error(span, "Generator expression must be parenthesized if not sole argument"));
        }
        let span = func.span;
        Ok(Expr { span, kind: ExprKind::Call { func: Box::new(func), args, keywords, starargs, kwargs } })
    }

    /// `value[subscriptlist]`, at the `[`.
    fn subscript(&mut self, value: Expr) -> PResult<Expr> {
        self.advance();
        let mut items = Vec::new();
        let mut comma;
        loop {
            items.push(self.slice_item()?);
            comma = self.eat(Tok::Comma);
            if !comma || self.tok() == Tok::RBracket {
                break;
            }
        }
        self.expect(Tok::RBracket, "expected ',' or ']' in the subscript")?;
        let slice = if items.len() == 1 && !comma {
            items.pop().unwrap_or(Slice::Ellipsis)
        } else if items.iter().all(|s| matches!(s, Slice::Index(_))) {
            // `a[i, j]` indexes with a tuple.
            let elts: Vec<Expr> = items
                .into_iter()
                .filter_map(|s| match s {
                    Slice::Index(e) => Some(e),
                    _ => None,
                })
                .collect();
            let span = elts.first().map_or(value.span, |e| e.span);
            Slice::Index(Expr { span, kind: ExprKind::Tuple(elts) })
        } else {
            Slice::ExtSlice(items)
        };
        let span = value.span;
        Ok(Expr { span, kind: ExprKind::Subscript { value: Box::new(value), slice: Box::new(slice) } })
    }

    /// `...` | `test` | `[test] ':' [test] [':' [test]]`
    fn slice_item(&mut self) -> PResult<Slice> {
        if self.tok() == Tok::Dot && self.peek(1) == Tok::Dot && self.peek(2) == Tok::Dot {
            for _ in 0..3 {
                self.advance();
            }
            return Ok(Slice::Ellipsis);
        }
        let lower = if self.tok() == Tok::Colon {
            None
        } else {
            let e = self.test()?;
            if self.tok() != Tok::Colon {
                return Ok(Slice::Index(e));
            }
            Some(e)
        };
        self.advance();
        let ends_item = |p: &Self| matches!(p.tok(), Tok::Comma | Tok::RBracket);
        let upper = if ends_item(self) || self.tok() == Tok::Colon { None } else { Some(self.test()?) };
        let mut step = None;
        if self.tok() == Tok::Colon {
            let span = self.advance_span();
            // `a[::]`: CPython records the missing step as the name `None`.
            step = Some(if ends_item(self) {
                Expr { span, kind: ExprKind::Name("None".to_string()) }
            } else {
                self.test()?
            });
        }
        Ok(Slice::Slice { lower, upper, step })
    }

    fn atom(&mut self) -> PResult<Expr> {
        let span = self.span();
        match self.tok() {
            Tok::LParen => self.paren_atom(),
            Tok::LBracket => self.list_atom(),
            Tok::LBrace => self.brace_atom(),
            Tok::Backquote => {
                self.advance();
                let mut items = vec![self.test()?];
                let mut comma = false;
                while self.eat(Tok::Comma) {
                    comma = true;
                    items.push(self.test()?);
                }
                self.expect(Tok::Backquote, "expected the closing '`'")?;
                let value = tuple_or_single(items, comma, span);
                Ok(Expr { span, kind: ExprKind::Repr(Box::new(value)) })
            }
            Tok::Number => {
                let t = self.advance();
                self.number(t, false, span)
            }
            Tok::String => self.strings(),
            _ if self.at_name() => {
                let t = self.advance();
                Ok(Expr { span, kind: ExprKind::Name(self.text_of(t).to_string()) })
            }
            _ => Err(self.unexpected()),
        }
    }

    /// `( )`, `(yield ...)`, `(x)`, `(x, y)`, `(x for ...)`
    fn paren_atom(&mut self) -> PResult<Expr> {
        let span = self.advance_span();
        if self.eat(Tok::RParen) {
            return Ok(Expr { span, kind: ExprKind::Tuple(Vec::new()) });
        }
        if self.tok() == Tok::Yield {
            let e = self.yield_expr()?;
            self.expect(Tok::RParen, "expected ')' after the yield expression")?;
            return Ok(e);
        }
        let first = self.test()?;
        if self.tok() == Tok::For {
            let generators = self.comprehensions(false)?;
            self.expect(Tok::RParen, "expected ')' after the generator expression")?;
            return Ok(Expr { span, kind: ExprKind::GeneratorExp { elt: Box::new(first), generators } });
        }
        if self.tok() != Tok::Comma {
            self.expect(Tok::RParen, "expected ')'")?;
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.tok() == Tok::RParen {
                break;
            }
            elts.push(self.test()?);
        }
        self.expect(Tok::RParen, "expected ',' or ')' in the tuple")?;
        Ok(Expr { span, kind: ExprKind::Tuple(elts) })
    }

    /// `[ ]`, `[x, y]`, `[x for ...]`
    fn list_atom(&mut self) -> PResult<Expr> {
        let span = self.advance_span();
        if self.eat(Tok::RBracket) {
            return Ok(Expr { span, kind: ExprKind::List(Vec::new()) });
        }
        let first = self.test()?;
        if self.tok() == Tok::For {
            let generators = self.comprehensions(true)?;
            self.expect(Tok::RBracket, "expected ']' after the list comprehension")?;
            return Ok(Expr { span, kind: ExprKind::ListComp { elt: Box::new(first), generators } });
        }
        let elts = self.rest_of_display(first, Tok::RBracket)?;
        self.expect(Tok::RBracket, "expected ',' or ']' in the list")?;
        Ok(Expr { span, kind: ExprKind::List(elts) })
    }

    /// `, y, z [,]` after the first element of a list or set display.
    fn rest_of_display(&mut self, first: Expr, close: Tok) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if self.tok() == close {
                break;
            }
            elts.push(self.test()?);
        }
        Ok(elts)
    }

    /// `{ }`, `{k: v, ...}`, `{k: v for ...}`, `{x, y}`, `{x for ...}`
    fn brace_atom(&mut self) -> PResult<Expr> {
        let span = self.advance_span();
        if self.eat(Tok::RBrace) {
            return Ok(Expr { span, kind: ExprKind::Dict { keys: Vec::new(), values: Vec::new() } });
        }
        let first = self.test()?;
        if !self.eat(Tok::Colon) {
            if self.tok() == Tok::For {
                let generators = self.comprehensions(false)?;
                self.expect(Tok::RBrace, "expected '}' after the set comprehension")?;
                return Ok(Expr { span, kind: ExprKind::SetComp { elt: Box::new(first), generators } });
            }
            let elts = self.rest_of_display(first, Tok::RBrace)?;
            self.expect(Tok::RBrace, "expected ',' or '}' in the set")?;
            return Ok(Expr { span, kind: ExprKind::Set(elts) });
        }
        let value = self.test()?;
        if self.tok() == Tok::For {
            let generators = self.comprehensions(false)?;
            self.expect(Tok::RBrace, "expected '}' after the dict comprehension")?;
            let kind = ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators };
            return Ok(Expr { span, kind });
        }
        let mut keys = vec![first];
        let mut values = vec![value];
        while self.eat(Tok::Comma) {
            if self.tok() == Tok::RBrace {
                break;
            }
            keys.push(self.test()?);
            self.expect(Tok::Colon, "expected ':' after the dict key")?;
            values.push(self.test()?);
        }
        self.expect(Tok::RBrace, "expected ',' or '}' in the dict")?;
        Ok(Expr { span, kind: ExprKind::Dict { keys, values } })
    }

    /// `for target in iter [if cond]* ...`, at the first `for`. List
    /// comprehensions iterate over `testlist_safe` (`[x for x in 1, 2]`),
    /// the others over an `or_test`.
    pub fn comprehensions(&mut self, list: bool) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.eat(Tok::For) {
            let target = self.expr_list()?;
            self.check_target(&target, TargetUse::Assign)?;
            self.expect(Tok::In, "expected 'in' after the comprehension target")?;
            let iter = if list { self.test_list_safe()? } else { self.or_test()? };
            let mut ifs = Vec::new();
            while self.eat(Tok::If) {
                ifs.push(self.old_test()?);
            }
            generators.push(Comprehension { target, iter, ifs });
        }
        Ok(generators)
    }

    /// `old_test [(',' old_test)+ [',']]`
    fn test_list_safe(&mut self) -> PResult<Expr> {
        let first = self.old_test()?;
        if self.tok() != Tok::Comma {
            return Ok(first);
        }
        let span = first.span;
        let mut elts = vec![first];
        while self.eat(Tok::Comma) {
            if elts.len() >= 2 && !self.starts_expression() {
                break;
            }
            elts.push(self.old_test()?);
        }
        Ok(Expr { span, kind: ExprKind::Tuple(elts) })
    }

    /// `lambda params: body`; `old` for the `old_test` body of list comprehension conditions.
    fn lambda(&mut self, old: bool) -> PResult<Expr> {
        let span = self.advance_span();
        let args = self.parameters(Tok::Colon)?;
        self.expect(Tok::Colon, "expected ':' after the lambda parameters")?;
        // The body is a function of its own: `yield` there makes the lambda a generator.
        let outer_scope = std::mem::replace(&mut self.scope, Scope { in_function: true, ..Scope::default() });
        let outer_facts = std::mem::take(&mut self.facts);
        let body = if old { self.old_test() } else { self.test() };
        self.scope = outer_scope;
        self.facts = outer_facts;
        Ok(Expr { span, kind: ExprKind::Lambda { args: Box::new(args), body: Box::new(body?) } })
    }

    /// `yield [testlist]`
    pub fn yield_expr(&mut self) -> PResult<Expr> {
        if !self.scope.in_function {
            return Err(self.error("'yield' outside function"));
        }
        let span = self.advance_span();
        self.facts.has_yield = true;
        let value = if self.starts_expression() { Some(Box::new(self.test_list()?)) } else { None };
        Ok(Expr { span, kind: ExprKind::Yield(value) })
    }

    /// A parameter list up to (not including) `closer`: `)` for `def`, `:` for `lambda`.
    pub fn parameters(&mut self, closer: Tok) -> PResult<Arguments> {
        let mut args = Vec::new();
        let mut defaults = Vec::new();
        let (mut vararg, mut kwarg) = (None, None);
        let mut seen = HashSet::new();
        while self.tok() != closer {
            if self.eat(Tok::Star) {
                vararg = Some(self.param_name(&mut seen)?);
                if self.eat(Tok::Comma) {
                    self.expect(Tok::DoubleStar, "expected a '**' parameter after the '*' parameter")?;
                    kwarg = Some(self.param_name(&mut seen)?);
                }
                break;
            }
            if self.eat(Tok::DoubleStar) {
                kwarg = Some(self.param_name(&mut seen)?);
                break;
            }
            let param = self.fpdef(&mut seen)?;
            if self.eat(Tok::Assign) {
                defaults.push(self.test()?);
            } else if !defaults.is_empty() {
                return Err(Diagnostic::error(param.span, "non-default argument follows default argument"));
            }
            args.push(param);
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        Ok(Arguments { args, vararg, kwarg, defaults })
    }

    fn param_name(&mut self, seen: &mut HashSet<String>) -> PResult<String> {
        let (name, span) = self.name("a parameter name")?;
        self.check_binding(&name, span)?;
        if !seen.insert(name.clone()) {
            return Err(Diagnostic::error(span, format!("duplicate argument '{}' in function definition", name)));
        }
        Ok(name)
    }

    /// A positional parameter: a name or a parenthesized (tuple) parameter list.
    fn fpdef(&mut self, seen: &mut HashSet<String>) -> PResult<Expr> {
        let span = self.span();
        if !self.eat(Tok::LParen) {
            let name = self.param_name(seen)?;
            return Ok(Expr { span, kind: ExprKind::Name(name) });
        }
        self.enter()?;
        let mut items = vec![self.fpdef(seen)?];
        let mut comma = false;
        while self.eat(Tok::Comma) {
            comma = true;
            if self.tok() == Tok::RParen {
                break;
            }
            items.push(self.fpdef(seen)?);
        }
        self.leave();
        self.expect(Tok::RParen, "expected ',' or ')' in the tuple parameter")?;
        match items.pop() {
            Some(only) if !comma && items.is_empty() => Ok(only),
            last => {
                items.extend(last);
                Ok(Expr { span, kind: ExprKind::Tuple(items) })
            }
        }
    }

    /// Adjacent string literals, concatenated.
    pub fn strings(&mut self) -> PResult<Expr> {
        let span = self.span();
        let mode = StringMode { unicode_literals: self.unicode_literals, latin1_source: self.latin1_source };
        let mut parts = Vec::new();
        while self.tok() == Tok::String {
            let t = self.advance();
            let part = literals::decode_string(self.text_of(t), mode)
                .map_err(|m| Diagnostic::error(self.span_of(t), m))?;
            parts.push(part);
        }
        let value = if parts.len() == 1 {
            parts.pop().unwrap_or(StrValue::Bytes(Vec::new()))
        } else {
            literals::concat_strings(parts).map_err(|m| Diagnostic::error(span, m))?
        };
        let kind = match value {
            StrValue::Bytes(b) => ExprKind::Str(b),
            StrValue::Unicode(s) => ExprKind::Unicode(s),
            StrValue::UnicodeUnsupported(why) => ExprKind::UnicodeUnsupported(why),
        };
        Ok(Expr { span, kind })
    }

    fn number(&self, t: Token, negate: bool, span: Span) -> PResult<Expr> {
        let value = literals::parse_number(self.text_of(t), negate).map_err(|m| Diagnostic::error(self.span_of(t), m))?;
        let kind = match value {
            NumValue::Int(v) => ExprKind::Int(v),
            NumValue::Long(digits) => ExprKind::Long(digits),
            NumValue::Float(f) => ExprKind::Float(f),
            NumValue::Complex(f) => ExprKind::Complex(f),
        };
        Ok(Expr { span, kind })
    }
}

/// The depth of an expression tree, computed without recursion.
pub fn tree_depth(root: &Expr) -> usize {
    let mut stack = vec![(root, 1)];
    let mut deepest = 0;
    while let Some((e, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        push_children(e, depth + 1, &mut stack);
    }
    deepest
}

fn push_children<'e>(e: &'e Expr, depth: usize, stack: &mut Vec<(&'e Expr, usize)>) {
    let mut push = |c: &'e Expr| stack.push((c, depth));
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(&mut push),
        ExprKind::BinOp { left, right, .. } => {
            push(left);
            push(right);
        }
        ExprKind::UnaryOp { operand, .. } => push(operand),
        ExprKind::Lambda { args, body } => {
            args.args.iter().chain(&args.defaults).for_each(&mut push);
            push(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            push(test);
            push(body);
            push(orelse);
        }
        ExprKind::Dict { keys, values } => keys.iter().chain(values).for_each(&mut push),
        ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().for_each(&mut push),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            push(elt);
            push_generators(generators, &mut push);
        }
        ExprKind::DictComp { key, value, generators } => {
            push(key);
            push(value);
            push_generators(generators, &mut push);
        }
        ExprKind::Yield(value) => value.iter().for_each(|v| push(v)),
        ExprKind::Compare { left, comparators, .. } => {
            push(left);
            comparators.iter().for_each(&mut push);
        }
        ExprKind::Call { func, args, keywords, starargs, kwargs } => {
            push(func);
            args.iter().for_each(&mut push);
            keywords.iter().for_each(|k| push(&k.value));
            starargs.iter().chain(kwargs).for_each(|a| push(a));
        }
        ExprKind::Repr(value) => push(value),
        ExprKind::Attribute { value, .. } => push(value),
        ExprKind::Subscript { value, slice } => {
            push(value);
            push_slice(slice, &mut push);
        }
        ExprKind::Int(_)
        | ExprKind::Long(_)
        | ExprKind::Float(_)
        | ExprKind::Complex(_)
        | ExprKind::Str(_)
        | ExprKind::Unicode(_)
        | ExprKind::UnicodeUnsupported(_)
        | ExprKind::Name(_) => {}
    }
}

fn push_generators<'e>(generators: &'e [Comprehension], push: &mut impl FnMut(&'e Expr)) {
    for g in generators {
        push(&g.target);
        push(&g.iter);
        g.ifs.iter().for_each(&mut *push);
    }
}

fn push_slice<'e>(slice: &'e Slice, push: &mut impl FnMut(&'e Expr)) {
    match slice {
        Slice::Ellipsis => {}
        Slice::Index(e) => push(e),
        Slice::Slice { lower, upper, step } => lower.iter().chain(upper).chain(step).for_each(push),
        // The parser never nests extended slices, so this recursion is one level deep.
        Slice::ExtSlice(items) => items.iter().for_each(|s| push_slice(s, push)),
    }
}
