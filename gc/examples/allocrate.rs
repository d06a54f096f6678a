//! Allocation throughput with short-lived objects: a linked list of 100
//! conses where each new cons replaces the oldest, so almost nothing survives
//! a minor collection. `cargo run --release -p gc --example allocrate [MILLIONS]`.

#[path = "../tests/common/mod.rs"]
mod common;

use common::*;
use gc::GcConfig;
use std::time::Instant;

fn main() {
    let millions: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(100);
    let mut m = Mutator::new(GcConfig { root_stack_size: 1 << 20, ..GcConfig::from_env() });
    let t0 = Instant::now();
    unsafe {
        m.push(std::ptr::null_mut());
        for i in 0..millions * 1_000_000 {
            let c = m.alloc(CONS, CONS_SIZE);
            store_i64(c, 16, i as i64);
            (c.add(8) as *mut *mut u8).write(m.get(0));
            m.set(0, c);
            if i % 100 == 99 {
                // Cut the list: its 100 conses become garbage.
                (c.add(8) as *mut *mut u8).write(std::ptr::null_mut());
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let s = m.gc.stats();
    println!(
        "{} M objects of {} bytes in {:.3} s: {:.0} M objects/s, {:.0} MiB/s; {} minor collections (mean {:.0} us, longest {:.0} us), {:.1}% of the time",
        millions,
        CONS_SIZE,
        secs,
        millions as f64 / secs,
        s.bytes_allocated as f64 / 1048576.0 / secs,
        s.minor_collections,
        s.minor_time_ns as f64 / 1e3 / s.minor_collections.max(1) as f64,
        s.longest_minor_ns as f64 / 1e3,
        100.0 * s.total_pause_ns() as f64 / 1e9 / secs
    );
}
