//! The binary-trees benchmark on the collector, driven as generated code
//! would drive it. `cargo run --release -p gc --example binarytrees [DEPTH]`;
//! the `RPY_GC_*` variables apply (nursery size, stats...).

#[path = "../tests/common/mod.rs"]
mod common;

use common::*;
use gc::GcConfig;
use std::time::Instant;

unsafe fn bottom_up_tree(m: &mut Mutator, depth: i64) -> *mut u8 {
    if depth == 0 {
        return m.alloc(NODE, NODE_SIZE);
    }
    let left = bottom_up_tree(m, depth - 1);
    m.push(left);
    let right = bottom_up_tree(m, depth - 1);
    m.push(right);
    let n = m.alloc(NODE, NODE_SIZE);
    let right = m.pop();
    let left = m.pop();
    (n.add(8) as *mut *mut u8).write(left);
    (n.add(16) as *mut *mut u8).write(right);
    n
}

unsafe fn check(n: *const u8) -> u64 {
    let l = load(n, 8);
    if l.is_null() {
        1
    } else {
        1 + check(l) + check(load(n, 16))
    }
}

fn main() {
    let n: i64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(18);
    let config = GcConfig { root_stack_size: 1 << 20, ..GcConfig::from_env() };
    let mut m = Mutator::new(config);
    let t0 = Instant::now();
    unsafe {
        let max_depth = n.max(6);
        let t = bottom_up_tree(&mut m, max_depth + 1);
        println!("stretch tree of depth {}\t check: {}", max_depth + 1, check(t));
        let long = bottom_up_tree(&mut m, max_depth);
        m.push(long);
        let mut d = 4;
        while d <= max_depth {
            let iterations = 1u64 << (max_depth - d + 4);
            let mut c = 0;
            for _ in 0..iterations {
                let t = bottom_up_tree(&mut m, d);
                c += check(t);
            }
            println!("{}\t trees of depth {}\t check: {}", iterations, d, c);
            d += 2;
        }
        println!("long lived tree of depth {}\t check: {}", max_depth, check(m.get(0)));
    }
    let secs = t0.elapsed().as_secs_f64();
    let s = m.gc.stats();
    let gc_secs = s.total_pause_ns() as f64 / 1e9;
    println!(
        "nursery {} KiB: {:.3} s total, {:.3} s in the collector ({:.1}%)",
        m.gc.nursery_size() >> 10,
        secs,
        gc_secs,
        100.0 * gc_secs / secs
    );
    println!(
        "allocation: {:.0} MiB at {:.0} MiB/s ({:.1} M objects/s)",
        s.bytes_allocated as f64 / 1048576.0,
        s.bytes_allocated as f64 / 1048576.0 / secs,
        s.bytes_allocated as f64 / 32.0 / 1e6 / secs
    );
    println!(
        "minor: {} (mean {:.0} us, longest {:.0} us); major: {} (mean {:.2} ms, longest {:.2} ms); longest pause {:.2} ms",
        s.minor_collections,
        s.minor_time_ns as f64 / 1e3 / s.minor_collections.max(1) as f64,
        s.longest_minor_ns as f64 / 1e3,
        s.major_collections,
        s.major_time_ns as f64 / 1e6 / s.major_collections.max(1) as f64,
        s.longest_major_ns as f64 / 1e6,
        s.longest_pause_ns as f64 / 1e6
    );
    print!("{}", m.gc.report());
}
