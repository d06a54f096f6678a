//! The collector driven as generated code drives it (see `common`): object
//! graphs built through the allocation fast and slow paths, roots on the
//! shadow stack, write barriers; checked after many collections, also in
//! stress mode.

mod common;

use common::*;
use gc::header::{self, HAS_CARDS, PREBUILT_FLAGS, TRACK_YOUNG_PTRS};
use gc::{GcConfig, TypeTable};
use std::collections::{HashMap, HashSet};

// ---------------------------------------------------------------------------
// Binary trees

/// A complete tree of the given depth; the result must be rooted by the caller
/// before its next allocation. Children are stored without barriers: the
/// parent is allocated after them, so it is young.
unsafe fn bottom_up_tree(m: &mut Mutator, depth: i64) -> *mut u8 {
    if depth == 0 {
        let n = m.alloc(NODE, NODE_SIZE);
        assert!(!n.is_null());
        store_i64(n, 24, 0);
        return n;
    }
    let left = bottom_up_tree(m, depth - 1);
    m.push(left);
    let right = bottom_up_tree(m, depth - 1);
    m.push(right);
    let n = m.alloc(NODE, NODE_SIZE);
    assert!(!n.is_null());
    let right = m.pop();
    let left = m.pop();
    (n.add(8) as *mut *mut u8).write(left);
    (n.add(16) as *mut *mut u8).write(right);
    store_i64(n, 24, depth);
    n
}

/// Node count; checks every node's value against its depth.
unsafe fn check_tree(n: *const u8, depth: i64) -> u64 {
    assert_eq!(header::tid(n), NODE);
    assert_eq!(load_i64(n, 24), depth, "node value");
    let (l, r) = (load(n, 8), load(n, 16));
    if depth == 0 {
        assert!(l.is_null() && r.is_null());
        return 1;
    }
    1 + check_tree(l, depth - 1) + check_tree(r, depth - 1)
}

fn binary_trees(config: GcConfig, max_depth: i64, long_lived_depth: i64) -> gc::GcStats {
    let mut m = Mutator::new(config);
    unsafe {
        let long = bottom_up_tree(&mut m, long_lived_depth);
        m.push(long);
        let mut d = 4;
        while d <= max_depth {
            let iterations = 1 << (max_depth - d + 2);
            let mut total = 0;
            for _ in 0..iterations {
                let t = bottom_up_tree(&mut m, d);
                total += check_tree(t, d);
            }
            assert_eq!(total, iterations * ((1u64 << (d + 1)) - 1));
            // The long-lived tree survives everything, and moved once at most.
            assert_eq!(check_tree(m.get(0), long_lived_depth), (1 << (long_lived_depth + 1)) - 1);
            d += 2;
        }
        m.verify();
        m.gc.collect();
        let c = m.verify();
        assert_eq!(c.objects as u64, (1 << (long_lived_depth + 1)) - 1);
        assert_eq!(check_tree(m.get(0), long_lived_depth), c.objects as u64);
        m.gc.stats()
    }
}

#[test]
fn binary_trees_normal() {
    let s = binary_trees(config(256 << 10), 14, 12);
    assert!(s.minor_collections > 10, "{:?}", s);
    assert!(s.major_collections >= 1, "{:?}", s);
    // The long-lived tree (8191 nodes of 32 bytes) is most of what survives.
    assert!(s.bytes_promoted < s.bytes_allocated / 2, "{:?}", s);
}

#[test]
fn binary_trees_stress() {
    let s = binary_trees(GcConfig { verify: true, ..stress(64 << 10, 7) }, 6, 5);
    assert!(s.minor_collections > 1000, "{:?}", s);
    assert!(s.major_collections > 100, "{:?}", s);
}

// ---------------------------------------------------------------------------
// Linked lists

#[test]
fn long_lived_list_with_temporaries() {
    for config in [config(64 << 10), stress(64 << 10, 50)] {
        let stressed = config.stress > 0;
        let n: i64 = if stressed { 3000 } else { 200_000 };
        let mut m = Mutator::new(config);
        unsafe {
            m.push(std::ptr::null_mut()); // slot 0: the list
            let mut expected_sum = 0;
            let mut expected_len = 0;
            for i in 0..n {
                // Garbage: a string and an array of fresh conses.
                let s = m.alloc_varsize(abi::TID_STR, (i % 50) as usize);
                assert!(!s.is_null());
                let a = m.alloc_varsize(abi::TID_PTR_ARRAY, 4);
                m.push(a);
                let t = m.alloc(CONS, CONS_SIZE);
                let a = m.pop();
                (a.add(arr_item(0)) as *mut *mut u8).write(t); // a is young: no barrier
                                                               // The long-lived list grows at its head.
                let c = m.alloc(CONS, CONS_SIZE);
                store_i64(c, 16, i);
                (c.add(8) as *mut *mut u8).write(m.get(0));
                m.set(0, c);
                expected_sum += i;
                expected_len += 1;
                // Now and then insert a young cons after an old one (old -> young store).
                if i % 97 == 0 && i > 0 {
                    let c = m.alloc(CONS, CONS_SIZE);
                    store_i64(c, 16, -i);
                    let mut old = m.get(0);
                    for _ in 0..(i % 13) {
                        let next = load(old, 8);
                        if next.is_null() {
                            break;
                        }
                        old = next;
                    }
                    (c.add(8) as *mut *mut u8).write(load(old, 8));
                    m.store(old, 8, c);
                    expected_sum -= i;
                    expected_len += 1;
                }
            }
            for check in 0..2 {
                let mut p = m.get(0);
                let (mut sum, mut len) = (0, 0);
                while !p.is_null() {
                    assert_eq!(header::tid(p), CONS);
                    sum += load_i64(p, 16);
                    len += 1;
                    p = load(p, 8);
                }
                assert_eq!((sum, len), (expected_sum, expected_len));
                m.verify();
                if check == 0 {
                    m.gc.collect();
                }
            }
            let s = m.gc.stats();
            assert!(s.major_collections >= 1);
            if !stressed {
                // 200 000 list conses survive; the temporaries do not.
                assert!(s.bytes_promoted < 3 * (n as u64) * 24 + (4 << 20), "{:?}", s);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Card marking

#[test]
fn card_marking_on_big_arrays() {
    let mut m = Mutator::new(config(128 << 10));
    let mut rng = Rng::new(7);
    const N: usize = 50_000;
    unsafe {
        let arr = m.alloc_varsize(abi::TID_PTR_ARRAY, N);
        assert!(!arr.is_null());
        assert!(!m.gc.in_nursery(arr));
        assert_ne!(header::flags(arr) & HAS_CARDS, 0);
        m.push(arr);
        let mut model = vec![-1i64; N];
        // Fill it: the array is old after the first collection, so stores need the barrier.
        for i in (0..N).step_by(3) {
            let c = m.alloc(CONS, CONS_SIZE);
            store_i64(c, 16, i as i64);
            let arr = m.get(0);
            m.store_item(arr, i, arr_item(i), c);
            model[i] = i as i64;
        }
        m.gc.collect_minor();
        m.verify();
        let arr = m.get(0);
        assert_ne!(header::flags(arr) & TRACK_YOUNG_PTRS, 0);
        for round in 0..40 {
            let before = m.gc.stats().card_items_scanned;
            let mut cards = HashSet::new();
            for _ in 0..20 {
                let i = rng.below(N);
                let c = m.alloc(CONS, CONS_SIZE);
                let v = (round * N + i) as i64;
                store_i64(c, 16, v);
                let arr = m.get(0);
                m.store_item(arr, i, arr_item(i), c);
                model[i] = v;
                cards.insert(i / gc::CARD_ITEMS);
            }
            m.verify(); // young pointers from an old array are covered by marked cards
            m.gc.collect_minor();
            let scanned = m.gc.stats().card_items_scanned - before;
            // Only the marked cards were looked at, not the 50 000 items.
            assert!(scanned <= (cards.len() * gc::CARD_ITEMS) as u64, "{} > {} cards", scanned, cards.len());
            assert!(scanned >= ((cards.len() - 1) * gc::CARD_ITEMS) as u64);
            let arr = m.get(0);
            for (i, &v) in model.iter().enumerate() {
                let p = load(arr, arr_item(i));
                if v < 0 {
                    assert!(p.is_null());
                } else {
                    assert!(!m.gc.in_nursery(p));
                    assert_eq!(load_i64(p, 16), v, "item {}", i);
                }
            }
            if round % 10 == 9 {
                m.gc.collect();
                m.verify();
            }
        }
    }
}

#[test]
fn cards_with_struct_items_and_fixed_fields() {
    let mut m = Mutator::new(config(64 << 10));
    unsafe {
        // A big VEC: a fixed pointer field plus pointer items.
        let v = m.alloc_varsize(VEC, 5000);
        store_i64(v, 8, 1);
        m.push(v);
        // A big PAIRS: struct items with two pointers each.
        let p = m.alloc_varsize(PAIRS, 3000);
        store_i64(p, 8, 2);
        m.push(p);
        m.gc.collect_minor();
        for i in 0..300usize {
            let idx = (i * 7919) % 3000;
            let c = m.alloc(CONS, CONS_SIZE);
            store_i64(c, 16, idx as i64);
            let p = m.get(1);
            m.store_item(p, idx, pair_item(idx, i % 2), c);
            let c = m.alloc(CONS, CONS_SIZE);
            store_i64(c, 16, 100_000 + idx as i64);
            let v = m.get(0);
            m.store_item(v, idx, vec_item(idx), c);
            if i % 50 == 0 {
                // A field store remembers the whole object; its cards are then redundant.
                let c = m.alloc(CONS, CONS_SIZE);
                store_i64(c, 16, -1);
                let v = m.get(0);
                m.store(v, 16, c);
            }
            if i % 40 == 0 {
                m.verify();
                m.gc.collect_minor();
            }
        }
        // An index out of range (a broken caller) remembers the whole object.
        let c = m.alloc(CONS, CONS_SIZE);
        let v = m.get(0);
        m.gc.remember_young_pointer_from_array(v, usize::MAX);
        assert_eq!(header::flags(v) & TRACK_YOUNG_PTRS, 0);
        m.store(v, 16, c);
        store_i64(c, 16, -1);
        m.gc.collect();
        m.verify();
        let (v, p) = (m.get(0), m.get(1));
        assert_eq!(load_i64(load(v, 16), 16), -1);
        for i in 0..300usize {
            let idx = (i * 7919) % 3000;
            assert_eq!(load_i64(load(p, pair_item(idx, i % 2)), 16), idx as i64);
            assert_eq!(load_i64(load(v, vec_item(idx)), 16), 100_000 + idx as i64);
        }
    }
}

// ---------------------------------------------------------------------------
// Large objects

#[test]
fn large_objects() {
    let mut m = Mutator::new(config(256 << 10));
    unsafe {
        // A fixed-size object too big for the nursery, through the generic path...
        let h = m.gc.malloc(HUGE, HUGE_SIZE);
        assert!(!h.is_null() && !m.gc.in_nursery(h));
        assert!(m.gc.is_young(h));
        store_i64(h, 8, 42);
        m.push(h);
        // ...initialized without barriers while young.
        let c = m.alloc(CONS, CONS_SIZE);
        store_i64(c, 16, 1);
        let h = m.get(0);
        assert!(m.gc.is_young(h));
        (h.add(HUGE_SIZE - 8) as *mut *mut u8).write(c);
        // And through the slow path of the inline allocation (4-byte tid store).
        let h2 = m.gc.collect_and_reserve(HUGE_SIZE);
        assert!(!h2.is_null());
        (h2 as *mut u32).write(HUGE);
        store_i64(h2, 8, 43);
        m.push(h2);
        m.verify();
        m.gc.collect_minor();
        m.verify();
        let h = m.get(0);
        assert!(!m.gc.is_young(h), "promoted in place");
        assert_eq!(h, m.get(0));
        assert_eq!(load_i64(load(h, HUGE_SIZE - 8), 16), 1);
        // Old now: stores need the barrier.
        let c = m.alloc(CONS, CONS_SIZE);
        store_i64(c, 16, 2);
        let h = m.get(0);
        m.store(h, 16, c);
        m.gc.collect_minor();
        m.verify();
        assert_eq!(load_i64(load(m.get(0), 16), 16), 2);
        assert_eq!(load_i64(m.get(1), 8), 43);

        // Temporary large objects die at the next minor collection.
        let heap = m.gc.heap_bytes();
        for i in 0..200 {
            let s = m.alloc_varsize(abi::TID_STR, 300_000 + i);
            assert!(!s.is_null());
        }
        m.gc.collect_minor();
        assert!(m.gc.heap_bytes() <= heap + (64 << 10), "{} vs {}", m.gc.heap_bytes(), heap);
        // Large objects that live long survive majors, never moving.
        let big = m.alloc_varsize(abi::TID_STR, 1 << 20);
        *big.add(abi::str_layout::CHARS + 12345) = 7;
        m.push(big);
        for _ in 0..3 {
            m.gc.collect();
        }
        assert_eq!(m.get(2), big);
        assert_eq!(*big.add(abi::str_layout::CHARS + 12345), 7);
        m.verify();
        m.set(0, std::ptr::null_mut());
        m.set(1, std::ptr::null_mut());
        m.set(2, std::ptr::null_mut());
        m.gc.collect();
        assert!(m.gc.heap_bytes() < 4096, "{}", m.gc.heap_bytes());
    }
}

#[test]
fn medium_survivors_and_tiny_objects() {
    // Nursery objects bigger than a size class are copied into chunks; header-only
    // objects take the minimum 16 bytes.
    for config in [config(256 << 10), stress(64 << 10, 3)] {
        let mut m = Mutator::new(config);
        unsafe {
            let a = m.alloc_varsize(abi::TID_PTR_ARRAY, 1000); // 8016 bytes: nursery, then a chunk
            assert!(m.gc.in_nursery(a));
            m.push(a);
            for i in 0..1000 {
                let t = m.alloc(TINY, 8);
                let a = m.get(0);
                m.store_item(a, i, arr_item(i), t);
            }
            let s = m.alloc_varsize(abi::TID_STR, 5000);
            for i in 0..5000 {
                *s.add(24 + i) = (i % 251) as u8;
            }
            m.push(s);
            m.gc.collect_minor();
            m.gc.collect();
            m.verify();
            let (a, s) = (m.get(0), m.get(1));
            assert!(!m.gc.in_nursery(a) && !m.gc.in_nursery(s));
            for i in 0..1000 {
                assert_eq!(header::tid(load(a, arr_item(i))), TINY);
            }
            for i in 0..5000 {
                assert_eq!(*s.add(24 + i), (i % 251) as u8);
            }
            let distinct: HashSet<_> = (0..1000).map(|i| load(a, arr_item(i))).collect();
            assert_eq!(distinct.len(), 1000);
        }
    }
}

// ---------------------------------------------------------------------------
// Identity hashes

#[test]
fn identity_hashes_survive_moves_and_are_unique() {
    for config in [config(64 << 10), stress(64 << 10, 4)] {
        let mut m = Mutator::new(config);
        unsafe {
            const N: usize = 2000;
            let arr = m.alloc_varsize(abi::TID_PTR_ARRAY, N);
            m.push(arr);
            let mut hashes: HashMap<usize, i64> = HashMap::new();
            for i in 0..N {
                let size = if i % 10 == 0 { 700 } else { 24 }; // some medium objects (chunk shadows)
                let o = if size == 24 { m.alloc(CONS, CONS_SIZE) } else { m.alloc_varsize(abi::TID_STR, size) };
                if i % 2 == 0 {
                    let h = m.gc.identityhash(o);
                    assert_eq!(m.gc.identityhash(o), h);
                    assert!(!m.gc.in_nursery(h as *const u8), "a hash is never a nursery address");
                    hashes.insert(i, h);
                }
                // Garbage with hashes: their shadows are reclaimed later.
                m.push(o);
                let g = m.alloc(CONS, CONS_SIZE);
                m.gc.identityhash(g);
                let o = m.pop();
                let arr = m.get(0);
                m.store_item(arr, i, arr_item(i), o);
            }
            for round in 0..3 {
                let arr = m.get(0);
                let mut seen = HashSet::new();
                for i in 0..N {
                    let o = load(arr, arr_item(i));
                    let h = m.gc.identityhash(o);
                    if let Some(&h0) = hashes.get(&i) {
                        assert_eq!(h, h0, "object {} round {}", i, round);
                    }
                    if !m.gc.in_nursery(o) {
                        assert_eq!(h, o as i64, "an old object's hash is its address");
                    }
                    hashes.insert(i, h);
                    assert!(seen.insert(h), "hash collision");
                }
                m.verify();
                if round == 0 {
                    m.gc.collect_minor();
                } else {
                    m.gc.collect();
                }
            }
            // New young objects never get the hash of a live one.
            let live: HashSet<i64> = hashes.values().copied().collect();
            for _ in 0..5000 {
                let o = m.alloc(CONS, CONS_SIZE);
                assert!(!live.contains(&m.gc.identityhash(o)));
            }
            // Large and prebuilt objects: their address.
            let big = m.alloc_varsize(abi::TID_STR, 1 << 20);
            let hb = m.gc.identityhash(big);
            assert_eq!(hb, big as i64);
            m.push(big);
            m.gc.collect();
            assert_eq!(m.gc.identityhash(m.get(1)), hb);
            assert_eq!(m.gc.identityhash(std::ptr::null_mut()), 0);
        }
    }
}

// ---------------------------------------------------------------------------
// Prebuilt objects

#[test]
fn prebuilt_objects_point_to_young_and_old() {
    let mut m = Mutator::new(config(64 << 10));
    unsafe {
        // Two prebuilt NODEs in "static data": a -> b (built at translation time).
        let mut data = vec![0u64; 8];
        let a = data.as_mut_ptr() as *mut u8;
        let b = a.add(NODE_SIZE);
        (a as *mut u64).write(header::make(NODE, PREBUILT_FLAGS));
        (b as *mut u64).write(header::make(NODE, PREBUILT_FLAGS));
        (a.add(8) as *mut *mut u8).write(b);
        m.push(a);
        m.verify();
        // Run time: store a young node into b.right (the barrier records b).
        let n = m.alloc(NODE, NODE_SIZE);
        store_i64(n, 24, 77);
        m.store(b, 16, n);
        assert_eq!(header::flags(b) & TRACK_YOUNG_PTRS, 0);
        m.verify();
        m.gc.collect_minor();
        m.verify();
        let n = load(b, 16);
        assert!(!m.gc.in_nursery(n));
        assert_eq!(load_i64(n, 24), 77);
        assert_ne!(header::flags(b) & TRACK_YOUNG_PTRS, 0);
        // Nothing but the prebuilt object keeps n alive, across major collections.
        m.pop();
        let heap = m.gc.heap_bytes();
        for _ in 0..3 {
            for _ in 0..10_000 {
                m.alloc(CONS, CONS_SIZE);
            }
            m.gc.collect();
        }
        assert_eq!(load(b, 16), n);
        assert_eq!(load_i64(n, 24), 77);
        assert!(m.gc.heap_bytes() <= heap);
        // Overwrite it: n becomes garbage.
        m.store(b, 16, std::ptr::null_mut());
        m.gc.collect();
        m.verify();
        assert!(m.gc.heap_bytes() < heap, "{} {}", m.gc.heap_bytes(), heap);
        // A prebuilt that points to a prebuilt only is not traced at all.
        assert_eq!(load(a, 8), b);
        drop(data);
    }
}

#[test]
fn static_roots_and_odd_slots() {
    let mut m = Mutator::new(config(64 << 10));
    unsafe {
        let mut slot: Box<*mut u8> = Box::new(std::ptr::null_mut());
        m.gc.add_static_root(&mut *slot);
        let c = m.alloc(CONS, CONS_SIZE);
        store_i64(c, 16, 5);
        *slot = c;
        m.push(0x1235 as *mut u8); // a tagged value: ignored
        m.gc.collect_minor();
        assert!(!m.gc.in_nursery(*slot));
        assert_eq!(load_i64(*slot, 16), 5);
        m.gc.collect();
        assert_eq!(load_i64(*slot, 16), 5);
        assert_eq!(m.get(0) as usize, 0x1235);
        m.verify();
    }
}

// ---------------------------------------------------------------------------
// Memory

#[test]
fn memory_is_returned_when_the_live_set_shrinks() {
    let mut m = Mutator::new(config(256 << 10));
    unsafe {
        m.push(std::ptr::null_mut());
        m.push(std::ptr::null_mut());
        // ~10 MB of small objects, 100 medium arrays, 20 big strings.
        for i in 0..300_000 {
            let c = m.alloc(CONS, CONS_SIZE);
            store_i64(c, 16, i);
            (c.add(8) as *mut *mut u8).write(m.get(0));
            m.set(0, c);
            let r = m.alloc(RND, RND_SIZE);
            (r.add(16) as *mut *mut u8).write(m.get(0));
            m.set(0, r);
        }
        for i in 0..120 {
            let v = if i < 100 { m.alloc_varsize(VEC, 1000) } else { m.alloc_varsize(abi::TID_STR, 200_000) };
            store_i64(v, 8, i);
            let head = m.get(1);
            if header::tid(v) == VEC {
                (v.add(16) as *mut *mut u8).write(head);
                m.set(1, v);
            } else {
                m.push(v);
            }
        }
        m.gc.collect();
        let full = m.gc.committed_bytes();
        let heap = m.gc.heap_bytes();
        assert!(heap > 20 << 20, "{}", heap);
        assert!(full >= heap);
        assert!(full < heap + heap / 4 + (2 << 20), "committed {} for {} live", full, heap);
        // Drop most of it: keep the 6000 newest list cells (a few pages), the
        // medium arrays and the strings go.
        let mut p = m.get(0);
        for _ in 0..6000 {
            p = load(p, if header::tid(p) == CONS { 8 } else { 16 });
        }
        m.store(p, if header::tid(p) == CONS { 8 } else { 16 }, std::ptr::null_mut());
        m.set(1, std::ptr::null_mut());
        while m.depth() > 2 {
            m.pop();
        }
        m.gc.collect();
        m.verify();
        let after = m.gc.committed_bytes();
        assert!(m.gc.heap_bytes() < 200_000, "{} of {}", m.gc.heap_bytes(), heap);
        assert!(after < 2 << 20, "committed {} -> {}", full, after);
        // Objects that die young never reach the old generation.
        m.set(0, std::ptr::null_mut());
        for i in 0..200_000 {
            let c = m.alloc(CONS, CONS_SIZE);
            store_i64(c, 16, i);
            if i % 1000 == 0 {
                (c.add(8) as *mut *mut u8).write(m.get(0));
                m.set(0, c);
            }
        }
        m.gc.collect();
        m.verify();
        assert!(m.gc.heap_bytes() < 200 * 24 + 100_000, "{}", m.gc.heap_bytes());
        assert!(m.gc.committed_bytes() < 4 << 20, "{}", m.gc.committed_bytes());
        // Drop everything. What is left is the free pages kept for the next
        // cycle (up to the minimum major threshold, 1 MiB here) and the
        // header pages of their arenas.
        m.set(0, std::ptr::null_mut());
        m.gc.collect();
        assert_eq!(m.gc.heap_bytes(), 0);
        assert!(m.gc.committed_bytes() <= (1 << 20) + 2 * gc::PAGE_SIZE, "{}", m.gc.committed_bytes());
        assert!(m.gc.arena_count() <= 2);
    }
}

#[test]
fn heap_limit_gives_null_and_recovers() {
    for stressed in [false, true] {
        let limit = if stressed { 512 << 10 } else { 4 << 20 };
        let c = GcConfig { max_heap: limit, ..if stressed { stress(64 << 10, 200) } else { config(64 << 10) } };
        let mut m = Mutator::new(c);
        unsafe {
            m.push(std::ptr::null_mut());
            let mut n = 0;
            loop {
                let c = m.alloc(CONS, CONS_SIZE);
                if c.is_null() {
                    break;
                }
                (c.add(8) as *mut *mut u8).write(m.get(0));
                m.set(0, c);
                n += 1;
                assert!(n < 1_000_000, "the limit is not enforced");
            }
            // About limit / 24 conses fit.
            assert!(n > limit / 24 / 2 && n < limit / 24 + 10_000, "{} conses", n);
            m.verify();
            assert!(m.gc.stats().failed_allocations >= 1);
            // Out of memory stays an error, not a crash, for every kind of allocation.
            assert!(m.alloc(CONS, CONS_SIZE).is_null());
            assert!(m.alloc_varsize(abi::TID_STR, 10 << 20).is_null());
            assert!(m.gc.malloc(HUGE, HUGE_SIZE).is_null());
            assert!(m.alloc_varsize(abi::TID_PTR_ARRAY, usize::MAX / 4).is_null());
            assert!(m.alloc_varsize(abi::TID_PTR_ARRAY, usize::MAX).is_null());
            // The program catches MemoryError and drops its data: allocation works again.
            m.set(0, std::ptr::null_mut());
            for _ in 0..limit / 40 {
                assert!(!m.alloc(CONS, CONS_SIZE).is_null());
            }
            assert!(!m.alloc_varsize(abi::TID_STR, limit / 4).is_null());
            m.verify();
        }
    }
}

#[test]
fn absurd_sizes_without_a_limit() {
    let mut m = Mutator::new(config(64 << 10));
    unsafe {
        // More than the address space: mmap refuses, the collector returns null.
        assert!(m.alloc_varsize(abi::TID_STR, 1 << 62).is_null());
        assert!(m.gc.malloc(abi::TID_STR, usize::MAX - 3).is_null());
        assert!(m.gc.collect_and_reserve(usize::MAX - 3).is_null());
        assert!(!m.alloc(CONS, CONS_SIZE).is_null());
        m.verify();
    }
}

// ---------------------------------------------------------------------------
// A randomized test against a model

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Rnd,
    Vec(usize),
    Pairs(usize),
    Str(usize),
}

struct MObj {
    kind: Kind,
    id: i64,
    slots: Vec<Option<usize>>,
    hash: Option<i64>,
}

impl Kind {
    fn tid(self) -> u32 {
        match self {
            Kind::Rnd => RND,
            Kind::Vec(_) => VEC,
            Kind::Pairs(_) => PAIRS,
            Kind::Str(_) => abi::TID_STR,
        }
    }
    fn nslots(self) -> usize {
        match self {
            Kind::Rnd => 3,
            Kind::Vec(n) => 1 + n,
            Kind::Pairs(n) => 2 * n,
            Kind::Str(_) => 0,
        }
    }
    /// Byte offset of pointer slot `j`, and its item index (None for a fixed field).
    fn slot(self, j: usize) -> (usize, Option<usize>) {
        match self {
            Kind::Rnd => (16 + 8 * j, None),
            Kind::Vec(_) if j == 0 => (16, None),
            Kind::Vec(_) => (vec_item(j - 1), Some(j - 1)),
            Kind::Pairs(_) => (pair_item(j / 2, j % 2), Some(j / 2)),
            Kind::Str(_) => unreachable!(),
        }
    }
}

const ROOTS: usize = 24;

struct World {
    m: Mutator,
    rng: Rng,
    objs: Vec<MObj>,
    roots: Vec<Option<usize>>,
    /// Prebuilt RND objects: (model object, address, their storage).
    prebuilt: Vec<(usize, *mut u8)>,
    #[allow(clippy::vec_box)] // the objects must not move when the vector grows
    _storage: Vec<Box<[u64; RND_SIZE / 8]>>,
}

/// Where a path starts: a root slot or a prebuilt object.
#[derive(Clone, Copy)]
enum Start {
    Root(usize),
    Prebuilt(usize),
}

impl World {
    fn random_kind(&mut self) -> Kind {
        let big = self.m.gc.nonlarge_max() / 8 + 100;
        match self.rng.below(20) {
            0..=9 => Kind::Rnd,
            10..=13 => Kind::Vec(self.rng.below(10)),
            14 => Kind::Vec(if self.rng.chance(50) { 200 + self.rng.below(400) } else { big + self.rng.below(2000) }),
            15..=16 => Kind::Pairs(self.rng.below(6)),
            17 => Kind::Pairs(big / 3 + self.rng.below(500)),
            _ => {
                let max = if self.rng.chance(5) { 300_000 } else { 40 };
                Kind::Str(self.rng.below(max))
            }
        }
    }

    /// A random object reachable from a root: a root, or a short walk from
    /// one. Returns the root, the path (slot numbers) and the model object.
    fn pick(&mut self) -> Option<(Start, Vec<usize>, usize)> {
        let (r, mut cur) = if self.rng.chance(15) {
            let k = self.rng.below(self.prebuilt.len());
            (Start::Prebuilt(k), self.prebuilt[k].0)
        } else {
            let r = self.rng.below(ROOTS);
            (Start::Root(r), self.roots[r]?)
        };
        let mut path = Vec::new();
        for _ in 0..self.rng.below(4) {
            let o = &self.objs[cur];
            if o.slots.is_empty() {
                break;
            }
            let j = self.rng.below(o.slots.len());
            match o.slots[j] {
                Some(n) => {
                    path.push(j);
                    cur = n;
                }
                None => break,
            }
        }
        Some((r, path, cur))
    }

    /// The heap address at the end of a path.
    unsafe fn follow(&self, start: Start, path: &[usize]) -> *mut u8 {
        let (mut p, mut cur) = match start {
            Start::Root(r) => (self.m.get(r), self.roots[r].unwrap()),
            Start::Prebuilt(k) => (self.prebuilt[k].1, self.prebuilt[k].0),
        };
        for &j in path {
            let o = &self.objs[cur];
            p = load(p, o.kind.slot(j).0);
            cur = o.slots[j].unwrap();
        }
        p
    }

    unsafe fn step(&mut self) {
        match self.rng.below(100) {
            0..=29 => self.op_alloc(),
            30..=59 => self.op_store(),
            60..=74 => {
                // Load: root[r2] = some slot of a reachable object.
                if let Some((r, path, i)) = self.pick() {
                    let o = &self.objs[i];
                    if !o.slots.is_empty() {
                        let j = self.rng.below(o.slots.len());
                        let val = o.slots[j];
                        let (off, _) = o.kind.slot(j);
                        let p = self.follow(r, &path);
                        let r2 = self.rng.below(ROOTS);
                        self.m.set(r2, load(p, off));
                        self.roots[r2] = val;
                    }
                }
            }
            75..=79 => {
                let r = self.rng.below(ROOTS);
                self.m.set(r, std::ptr::null_mut());
                self.roots[r] = None;
            }
            80..=84 => {
                if let Some((r, path, i)) = self.pick() {
                    let p = self.follow(r, &path);
                    let h = self.m.gc.identityhash(p);
                    match self.objs[i].hash {
                        Some(h0) => assert_eq!(h, h0),
                        None => self.objs[i].hash = Some(h),
                    }
                }
            }
            85..=86 => self.m.gc.collect_minor(),
            87 => {
                if self.rng.chance(30) {
                    self.m.gc.collect()
                }
            }
            _ => {
                // Garbage.
                let k = self.random_kind();
                match k {
                    Kind::Rnd => {
                        self.m.alloc(RND, RND_SIZE);
                    }
                    Kind::Vec(n) | Kind::Pairs(n) | Kind::Str(n) => {
                        self.m.alloc_varsize(k.tid(), n);
                    }
                }
            }
        }
    }

    unsafe fn op_alloc(&mut self) {
        let kind = self.random_kind();
        let p = match kind {
            Kind::Rnd => self.m.alloc(RND, RND_SIZE),
            Kind::Vec(n) | Kind::Pairs(n) | Kind::Str(n) => self.m.alloc_varsize(kind.tid(), n),
        };
        assert!(!p.is_null());
        let id = self.objs.len() as i64 + 1;
        match kind {
            Kind::Str(_) => store_i64(p, 8, id), // the hash field serves as id
            _ => store_i64(p, 8, id),
        }
        // Fill some slots from roots: the object is young, no barrier.
        let mut slots = vec![None; kind.nslots()];
        let fills = if slots.is_empty() { 0 } else { self.rng.below(4).min(slots.len()) };
        for _ in 0..fills {
            let j = self.rng.below(slots.len());
            let r = self.rng.below(ROOTS);
            (p.add(kind.slot(j).0) as *mut *mut u8).write(self.m.get(r));
            slots[j] = self.roots[r];
        }
        let r = self.rng.below(ROOTS);
        self.m.set(r, p);
        self.objs.push(MObj { kind, id, slots, hash: None });
        self.roots[r] = Some(self.objs.len() - 1);
    }

    unsafe fn op_store(&mut self) {
        let Some((r, path, i)) = self.pick() else { return };
        if self.objs[i].slots.is_empty() {
            return;
        }
        let j = self.rng.below(self.objs[i].slots.len());
        let (val, vp) = if self.rng.chance(10) {
            (None, std::ptr::null_mut())
        } else if self.rng.chance(30) {
            match self.pick() {
                Some((r2, path2, k)) => (Some(k), self.follow(r2, &path2)),
                None => (None, std::ptr::null_mut()),
            }
        } else {
            let r2 = self.rng.below(ROOTS);
            (self.roots[r2], self.m.get(r2))
        };
        let p = self.follow(r, &path);
        let (off, item) = self.objs[i].kind.slot(j);
        match item {
            Some(idx) => self.m.store_item(p, idx, off, vp),
            None => self.m.store(p, off, vp),
        }
        self.objs[i].slots[j] = val;
    }

    /// The heap, seen from the roots, is the model; hashes are stable and unique.
    unsafe fn check(&mut self) {
        let mut map: HashMap<usize, *mut u8> = HashMap::new();
        let mut rev: HashMap<*mut u8, usize> = HashMap::new();
        let mut stack = Vec::new();
        for r in 0..ROOTS {
            let p = self.m.get(r);
            match self.roots[r] {
                None => assert!(p.is_null(), "root {}", r),
                Some(i) => stack.push((i, p)),
            }
        }
        // Prebuilt objects that received a pointer are roots too; the others
        // are checked but, like the collector, not counted unless reachable.
        let mut later = Vec::new();
        for &(i, p) in &self.prebuilt {
            if header::flags(p) & header::NO_HEAP_PTRS == 0 {
                stack.push((i, p));
            } else {
                later.push((i, p));
            }
        }
        let mut counted = None;
        let mut hashes = HashSet::new();
        loop {
            let Some((i, p)) = stack.pop() else {
                if counted.is_some() {
                    break;
                }
                counted = Some(map.len());
                stack.append(&mut later);
                continue;
            };
            assert!(!p.is_null());
            if let Some(&q) = map.get(&i) {
                assert_eq!(q, p, "model object {} at two addresses", i);
                continue;
            }
            if let Some(&j) = rev.get(&p) {
                panic!("address {:p} is model objects {} and {}", p, i, j);
            }
            map.insert(i, p);
            rev.insert(p, i);
            let o = &self.objs[i];
            assert_eq!(header::tid(p), o.kind.tid());
            assert_eq!(load_i64(p, 8), o.id, "id of model object {}", i);
            match o.kind {
                Kind::Vec(n) => assert_eq!(load_i64(p, 24) as usize, n),
                Kind::Pairs(n) | Kind::Str(n) => assert_eq!(load_i64(p, 16) as usize, n),
                Kind::Rnd => {}
            }
            for (j, s) in o.slots.iter().enumerate() {
                let q = load(p, o.kind.slot(j).0);
                match s {
                    None => assert!(q.is_null(), "slot {} of model object {}", j, i),
                    Some(k) => stack.push((*k, q)),
                }
            }
            if let Some(h) = o.hash {
                assert_eq!(self.m.gc.identityhash(p), h);
                assert!(hashes.insert(h), "duplicate hash");
            }
        }
        let c = self.m.verify();
        assert_eq!(Some(c.objects), counted);
    }
}

fn random_run(seed: u64, config: GcConfig, steps: usize) -> gc::GcStats {
    let mut w = World {
        m: Mutator::new(config),
        rng: Rng::new(seed),
        objs: Vec::new(),
        roots: vec![None; ROOTS],
        prebuilt: Vec::new(),
        _storage: Vec::new(),
    };
    unsafe {
        for _ in 0..ROOTS {
            w.m.push(std::ptr::null_mut());
        }
        // Prebuilt objects, each pointing to the previous one (as emitted).
        for k in 0..4 {
            let mut b = Box::new([0u64; RND_SIZE / 8]);
            let p = b.as_mut_ptr() as *mut u8;
            (p as *mut u64).write(header::make(RND, header::PREBUILT_FLAGS));
            let id = w.objs.len() as i64 + 1;
            store_i64(p, 8, id);
            let mut slots = vec![None; 3];
            if k > 0 {
                (p.add(16) as *mut *mut u8).write(w.prebuilt[k - 1].1);
                slots[0] = Some(w.prebuilt[k - 1].0);
            }
            w.objs.push(MObj { kind: Kind::Rnd, id, slots, hash: None });
            w.prebuilt.push((w.objs.len() - 1, p));
            w._storage.push(b);
        }
        for s in 0..steps {
            w.step();
            if s % 500 == 499 {
                w.check();
            }
        }
        w.m.gc.collect();
        w.check();
    }
    w.m.gc.stats()
}

/// Seeds of the randomized test (a quarter of them under stress). Set
/// `GC_TEST_SEEDS` for a longer run.
fn seeds() -> u64 {
    std::env::var("GC_TEST_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(if cfg!(debug_assertions) {
        24
    } else {
        64
    })
}

#[test]
fn randomized_against_a_model() {
    let seeds = seeds();
    let mut minors = 0;
    let mut majors = 0;
    for seed in 0..seeds {
        let s = random_run(seed, config(64 << 10), 5000);
        minors += s.minor_collections;
        majors += s.major_collections;
        if std::env::var("GC_TEST_VERBOSE").is_ok() {
            eprintln!("seed {}: {:?}", seed, s);
        }
    }
    assert!(minors > seeds * 10, "{}", minors);
    assert!(majors > seeds, "{}", majors);
}

#[test]
fn randomized_against_a_model_under_stress() {
    let seeds = seeds();
    for seed in 1000..1000 + seeds / 4 {
        let s = random_run(seed, GcConfig { verify: seed % 4 == 0, ..stress(64 << 10, 1 + seed as u32 % 9) }, 1500);
        assert!(s.minor_collections > 500, "{:?}", s);
    }
}

#[test]
fn type_table_from_abi_types_only() {
    // A program with only the abi types still collects (no program types).
    let t = TypeTable::with_abi_types();
    let mut gc = Box::new(gc::Gc::new());
    unsafe {
        gc.init(config(64 << 10), t.as_ptr(), t.len()).unwrap();
        for i in 0..100_000 {
            let s = gc.malloc_varsize(abi::TID_STR, i % 100);
            assert!(!s.is_null());
        }
        assert!(gc.stats().minor_collections > 10);
        gc.verify_heap().unwrap();
        drop(gc);
    }
}
