//! Prints the AST dump of each file given on the command line (or the error).
//! `cargo run -p syntax --example dump_ast -- FILE.py...`

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    for path in &paths {
        if paths.len() > 1 {
            println!("== {}", path);
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {}", path, e);
                continue;
            }
        };
        let text = syntax::decode_source(&bytes);
        match syntax::parse_module(&text, diag::FileId(0)) {
            Ok(m) => print!("{}", syntax::dump_module(&m)),
            Err(e) => println!("{}: {}", path, e),
        }
    }
}
