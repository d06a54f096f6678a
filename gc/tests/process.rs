//! The process-wide collector through its `extern "C"` entry points, as a
//! translated program uses it: `rpy_gc_init` with the type table, the inline
//! words of `rpy_gc` at their documented offsets. One test only (the state
//! is global); it also measures the process's resident memory.

mod common;

use common::*;
use gc::header::{self, TRACK_YOUNG_PTRS};
use gc::inline_offsets as off;
use gc::*;
use std::ptr::addr_of_mut;

/// A word of `rpy_gc` at a byte offset, as generated code addresses it.
unsafe fn word(offset: usize) -> *mut *mut u8 {
    (addr_of_mut!(rpy_gc) as *mut u8).add(offset) as *mut *mut u8
}

unsafe fn alloc(tid: u32, size: usize) -> *mut u8 {
    let p = *word(off::NURSERY_FREE);
    let q = p.add(size);
    let p = if q > *word(off::NURSERY_TOP) {
        rpy_gc_collect_and_reserve(size)
    } else {
        *word(off::NURSERY_FREE) = q;
        p
    };
    assert!(!p.is_null());
    (p as *mut u32).write(tid);
    p
}

unsafe fn push(p: *mut u8) {
    let top = *word(off::ROOT_STACK_TOP) as *mut *mut u8;
    top.write(p);
    *word(off::ROOT_STACK_TOP) = top.add(1) as *mut u8;
}

unsafe fn pop() -> *mut u8 {
    let top = (*word(off::ROOT_STACK_TOP) as *mut *mut u8).sub(1);
    *word(off::ROOT_STACK_TOP) = top as *mut u8;
    top.read()
}

unsafe fn top(i: usize) -> *mut u8 {
    (*word(off::ROOT_STACK_TOP) as *mut *mut u8).sub(1 + i).read()
}

fn rss_bytes() -> usize {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: usize = s.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

#[test]
fn process_wide_collector() {
    // The translated program's environment.
    std::env::set_var("RPY_GC_NURSERY", "512k");
    std::env::remove_var("RPY_GC_STRESS");
    std::env::remove_var("RPY_GC_MAX_HEAP");
    let types = types();
    unsafe {
        assert_eq!(rpy_gc_init(types.as_ptr(), types.len()), 0);
        assert_eq!(rpy_gc_init(types.as_ptr(), types.len()), -1, "twice");
        let gc = global();
        assert_eq!(gc.nursery_size(), 512 << 10);

        // A list of 400 000 conses (~10 MB), built with the inline fast path.
        push(std::ptr::null_mut());
        for i in 0..400_000i64 {
            let c = alloc(CONS, CONS_SIZE);
            store_i64(c, 16, i);
            (c.add(8) as *mut *mut u8).write(top(0));
            pop();
            push(c);
            if i % 1000 == 0 {
                // Temporaries through the other entry points.
                let a = rpy_gc_malloc_varsize(abi::TID_PTR_ARRAY as i64, 300);
                assert_eq!(load_i64(a, 8), 300);
                let s = rpy_gc_malloc(abi::TID_STR as i64, 24 + 10);
                assert_eq!(header::tid(s), abi::TID_STR);
            }
        }
        // An old cons gets a young one through the barrier.
        let old = top(0);
        rpy_gc_collect_minor();
        let old2 = top(0);
        assert_ne!(old, old2, "the head moved out of the nursery");
        let h = rpy_gc_identityhash(old2);
        assert_eq!(h, old2 as i64);
        let young = alloc(CONS, CONS_SIZE);
        store_i64(young, 16, -1);
        let head = top(0);
        (young.add(8) as *mut *mut u8).write(load(head, 8));
        assert_ne!(header::flags(head) & TRACK_YOUNG_PTRS, 0);
        rpy_gc_remember_young_pointer(head);
        (head.add(8) as *mut *mut u8).write(young);
        rpy_gc_collect();
        let head = top(0);
        assert_eq!(rpy_gc_identityhash(head), h);
        assert_eq!(load_i64(load(head, 8), 16), -1);
        gc.verify_heap().unwrap();

        let rss_full = rss_bytes();
        let heap_full = rpy_gc_heap_size() as usize;
        assert!(heap_full >= 400_000 * 24, "{}", heap_full);
        // Drop the list; the memory goes back to the system, but for the
        // free pages kept for the next cycle (min_major_threshold: 2 MiB).
        pop();
        push(std::ptr::null_mut());
        rpy_gc_collect();
        assert_eq!(rpy_gc_heap_size(), 0);
        let rss_empty = rss_bytes();
        assert!(
            rss_full - rss_empty >= heap_full - (2 << 20) - (1 << 20),
            "RSS {} -> {} for a heap of {}",
            rss_full,
            rss_empty,
            heap_full
        );
        let s = gc.stats();
        assert!(s.minor_collections > 10 && s.major_collections >= 2, "{:?}", s);
        let report = gc.report();
        assert!(report.contains("minor collections:") && report.contains("longest pause"), "{}", report);
        rpy_gc_finish(); // quiet without RPY_GC_STATS
    }
}

/// Run in a child process by `environment_variables_and_stats_at_exit`.
#[test]
#[ignore]
fn child_workload() {
    let types = types();
    unsafe {
        assert_eq!(rpy_gc_init(types.as_ptr(), types.len()), 0);
        push(std::ptr::null_mut());
        for i in 0..20_000i64 {
            let c = alloc(CONS, CONS_SIZE);
            store_i64(c, 16, i);
            if i % 10 == 0 {
                (c.add(8) as *mut *mut u8).write(top(0));
                pop();
                push(c);
            }
        }
        let mut n = 0;
        let mut p = top(0);
        while !p.is_null() {
            n += 1;
            p = load(p, 8);
        }
        assert_eq!(n, 2000);
        global().verify_heap().unwrap();
    }
    // The statistics are printed by the atexit handler.
}

#[test]
fn environment_variables_and_stats_at_exit() {
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
        cmd.args(["--exact", "child_workload", "--ignored", "--test-threads=1"]);
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let quiet = run(&[("RPY_GC_NURSERY", "64k"), ("RPY_GC_VERIFY", "1")]);
    assert!(!quiet.contains("[gc]"), "{}", quiet);
    let stats = run(&[("RPY_GC_NURSERY", "64k"), ("RPY_GC_STATS", "1")]);
    assert!(stats.contains("[gc] minor collections: "), "{}", stats);
    assert!(stats.contains("longest pause"), "{}", stats);
    assert_eq!(stats.matches("[gc] minor collections").count(), 1, "printed once");
    // Stress mode: a collection per allocation, one line each with RPY_GC_STATS=2.
    let stress = run(&[("RPY_GC_NURSERY", "64k"), ("RPY_GC_STRESS", "1"), ("RPY_GC_STATS", "2")]);
    assert!(stress.matches("[gc] minor ").count() >= 20_000, "{}", &stress[..stress.len().min(2000)]);
    assert!(stress.matches("[gc] major ").count() >= 20_000 / 16);
    // A heap limit too small for the workload: MemoryError, not a crash.
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", "child_workload", "--ignored"]).env("RPY_GC_NURSERY", "64k").env("RPY_GC_MAX_HEAP", "16k");
    let out = cmd.output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("assertion failed: !p.is_null()"));
}
