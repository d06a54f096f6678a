//! The deepest trees the parser accepts can still be dumped and dropped by
//! recursive code on a 2 MiB stack (the default for test threads) in an
//! unoptimized build; one level deeper is an error, never a stack overflow.

use diag::FileId;

/// Parses, dumps and drops `source` on a thread with a 2 MiB stack.
fn parse_and_dump_on_small_stack(source: String) -> Result<usize, String> {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let module = syntax::parse_module(&source, FileId(0)).map_err(|e| e.to_string())?;
            Ok(syntax::dump_module(&module).len())
        })
        .expect("spawn")
        .join()
        .expect("no panic")
}

fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    format!("x = {}{}{}\n", open.repeat(depth), inner, close.repeat(depth))
}

#[test]
fn deepest_accepted_expressions() {
    let cases = [
        ("parentheses", nested("(", "1", ")", 199)),
        ("lists", nested("[", "1", "]", 199)),
        ("dicts", nested("{1: ", "1", "}", 199)),
        ("calls", nested("f(", "1", ")", 199)),
        ("subscripts", nested("a[", "1", "]", 199)),
        ("unary", nested("-", "a", "", 199)),
        ("not", nested("not ", "a", "", 199)),
        ("power", nested("a ** ", "a", "", 199)),
        ("lambda", nested("lambda: ", "a", "", 199)),
        ("conditional", nested("a if b else ", "a", "", 199)),
        ("sum", nested("", "a", " + a", 499)),
        ("attributes", nested("", "a", ".b", 499)),
        ("call chain", nested("", "f", "()", 499)),
        ("mixed", nested("(-f(", "a", "))", 66) + &nested("", "a", "[0] * b", 400)),
    ];
    for (name, source) in cases {
        assert!(parse_and_dump_on_small_stack(source).is_ok(), "{} failed", name);
    }
}

#[test]
fn deepest_accepted_statements() {
    // 99 indentation levels, the innermost holding a deep expression.
    let mut blocks: String = (0..99).map(|i| format!("{}if a:\n", " ".repeat(i))).collect();
    blocks += &" ".repeat(99);
    blocks += &nested("(", &format!("a{}", " + a".repeat(490)), ")", 150);
    assert_eq!(parse_and_dump_on_small_stack(blocks).err(), None);

    // A long `elif` chain (nested `If`s), the last branch holding a deep expression.
    let elifs = format!("if a: pass\n{}else: x = a{}\n", "elif b: pass\n".repeat(495), ".b".repeat(495));
    assert_eq!(parse_and_dump_on_small_stack(elifs).err(), None);
}

#[test]
fn one_level_deeper_is_an_error() {
    for source in [
        nested("(", "1", ")", 201),
        nested("-", "a", "", 201),
        nested("", "a", " + a", 501),
        format!("if a: pass\n{}", "elif b: pass\n".repeat(500)),
    ] {
        let result = parse_and_dump_on_small_stack(source);
        assert!(result.as_ref().is_err_and(|e| e.contains("too")), "{:?}", result);
    }
}
