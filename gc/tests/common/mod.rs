//! A mutator that uses the collector exactly as generated code does: inline
//! bump allocation with the slow path, references kept across allocations
//! only in shadow-stack slots, write barriers on stores into objects that
//! were not allocated since the last call that can collect.
#![allow(dead_code)]

use gc::header::{self, TRACK_YOUNG_PTRS};
use gc::{Gc, GcConfig, Items, TypeTable};

/// { left @8, right @16, value: Signed @24 }
pub const NODE: u32 = 16;
pub const NODE_SIZE: usize = 32;
/// { next @8, value: Signed @16 }
pub const CONS: u32 = 17;
pub const CONS_SIZE: usize = 24;
/// { id @8, length @16, items @24: { key @0, val @8, num: Signed @16 } }
pub const PAIRS: u32 = 18;
/// { id @8, extra @16, length @24, items @32: ptr }
pub const VEC: u32 = 19;
/// Header only (allocated as 16 bytes).
pub const TINY: u32 = 20;
/// Fixed 200 000 bytes: { id @8, first @16, ..., last @HUGE_SIZE-8 }
pub const HUGE: u32 = 21;
pub const HUGE_SIZE: usize = 200_000;
/// { id @8, a @16, b @24, c @32 }
pub const RND: u32 = 22;
pub const RND_SIZE: usize = 40;

pub fn types() -> TypeTable {
    let mut t = TypeTable::with_abi_types();
    t.add_fixed(NODE, NODE_SIZE as u32, &[8, 16]);
    t.add_fixed(CONS, CONS_SIZE as u32, &[8]);
    t.add_varsize(PAIRS, 24, &[], 16, 24, 24, Items::Struct(&[0, 8]));
    t.add_varsize(VEC, 32, &[16], 24, 32, 8, Items::Ptrs);
    t.add_fixed(TINY, 8, &[]);
    t.add_fixed(HUGE, HUGE_SIZE as u32, &[16, HUGE_SIZE as u32 - 8]);
    t.add_fixed(RND, RND_SIZE as u32, &[16, 24, 32]);
    t
}

/// A configuration for tests: small nursery, no environment.
pub fn config(nursery: usize) -> GcConfig {
    GcConfig { nursery_size: nursery, min_major_threshold: 4 * nursery, root_stack_size: 1 << 20, ..GcConfig::DEFAULT }
}

pub fn stress(nursery: usize, period: u32) -> GcConfig {
    GcConfig { stress: period, ..config(nursery) }
}

pub struct Mutator {
    pub gc: Box<Gc>,
    // Dropped after the collector (field order): the collector points into it.
    _types: TypeTable,
}

impl Mutator {
    pub fn new(config: GcConfig) -> Mutator {
        let types = types();
        let mut gc = Box::new(Gc::new());
        unsafe { gc.init(config, types.as_ptr(), types.len()).unwrap() };
        Mutator { gc, _types: types }
    }

    /// Inline allocation of a fixed-size object, as generated code does it.
    /// May collect: every reference must be in a root slot.
    pub unsafe fn alloc(&mut self, tid: u32, size: usize) -> *mut u8 {
        let size = gc::round_size(size).unwrap();
        assert!(size <= gc::INLINE_ALLOC_MAX);
        let inl = &mut self.gc.inline;
        let p = inl.nursery_free;
        let q = p as usize + size;
        let p = if q > inl.nursery_top as usize {
            let p = self.gc.collect_and_reserve(size);
            if p.is_null() {
                return p;
            }
            p
        } else {
            inl.nursery_free = q as *mut u8;
            p
        };
        (p as *mut u32).write(tid);
        p
    }

    pub unsafe fn alloc_varsize(&mut self, tid: u32, len: usize) -> *mut u8 {
        self.gc.malloc_varsize(tid, len)
    }

    pub unsafe fn push(&mut self, p: *mut u8) {
        let inl = &mut self.gc.inline;
        assert!(inl.root_stack_top < inl.root_stack_limit);
        inl.root_stack_top.write(p);
        inl.root_stack_top = inl.root_stack_top.add(1);
    }
    pub unsafe fn pop(&mut self) -> *mut u8 {
        let inl = &mut self.gc.inline;
        assert!(inl.root_stack_top > inl.root_stack_base);
        inl.root_stack_top = inl.root_stack_top.sub(1);
        inl.root_stack_top.read()
    }
    /// Root slot `i`, counted from the bottom of the shadow stack.
    pub unsafe fn get(&self, i: usize) -> *mut u8 {
        assert!(i < self.depth());
        self.gc.inline.root_stack_base.add(i).read()
    }
    pub unsafe fn set(&mut self, i: usize, p: *mut u8) {
        assert!(i < self.depth());
        self.gc.inline.root_stack_base.add(i).write(p)
    }
    pub fn depth(&self) -> usize {
        self.gc.root_stack_depth()
    }

    /// A field store with the write barrier.
    pub unsafe fn store(&mut self, obj: *mut u8, offset: usize, val: *mut u8) {
        if header::flags(obj) & TRACK_YOUNG_PTRS != 0 {
            self.gc.remember_young_pointer(obj);
        }
        (obj.add(offset) as *mut *mut u8).write(val);
    }
    /// An item store with the array write barrier: `offset` is the slot's byte offset.
    pub unsafe fn store_item(&mut self, obj: *mut u8, index: usize, offset: usize, val: *mut u8) {
        if header::flags(obj) & TRACK_YOUNG_PTRS != 0 {
            self.gc.remember_young_pointer_from_array(obj, index);
        }
        (obj.add(offset) as *mut *mut u8).write(val);
    }

    pub fn verify(&self) -> gc::HeapCheck {
        match unsafe { self.gc.verify_heap() } {
            Ok(c) => c,
            Err(e) => panic!("heap check failed: {}", e),
        }
    }
}

pub unsafe fn load(obj: *const u8, offset: usize) -> *mut u8 {
    (obj.add(offset) as *const *mut u8).read()
}
pub unsafe fn load_i64(obj: *const u8, offset: usize) -> i64 {
    (obj.add(offset) as *const i64).read()
}
pub unsafe fn store_i64(obj: *mut u8, offset: usize, v: i64) {
    (obj.add(offset) as *mut i64).write(v)
}
/// Offset of item `i` of a VEC.
pub fn vec_item(i: usize) -> usize {
    32 + 8 * i
}
/// Offset of the key (j = 0) or value (j = 1) of item `i` of PAIRS.
pub fn pair_item(i: usize, j: usize) -> usize {
    24 + 24 * i + 8 * j
}
/// Offset of item `i` of an abi PTR_ARRAY.
pub fn arr_item(i: usize) -> usize {
    16 + 8 * i
}

/// xorshift64*: deterministic test randomness.
pub struct Rng(pub u64);
impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}
