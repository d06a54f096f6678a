//! The collector's state and algorithms (see the crate documentation for the
//! design and the contract with generated code).

use crate::config::GcConfig;
use crate::header::{self, *};
use crate::oldgen::{Chunk, OldGen, SMALL_MAX};
use crate::os;
use crate::stats::GcStats;
use crate::typeinfo::{self, round_size, TypeInfo, Types, CARD_ITEMS, CARD_SHIFT};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ptr::null_mut;

/// Objects bigger than this are never put in the nursery (also bounded by a
/// quarter of the nursery): they are allocated in a chunk of their own.
pub const LARGE_OBJECT: usize = 128 << 10;

/// The words generated code reads and writes directly. `#[repr(C)]`, at
/// offset 0 of `Gc` (so at the symbol `rpy_gc`); offsets in `inline_offsets`.
#[repr(C)]
#[derive(Debug)]
pub struct GcInline {
    /// Next free byte of the nursery.
    pub nursery_free: *mut u8,
    /// Allocation limit: an allocation that would pass it calls
    /// `collect_and_reserve`. The nursery's end (or lower, in stress mode).
    pub nursery_top: *mut u8,
    /// Next free slot of the shadow stack (it grows upwards).
    pub root_stack_top: *mut *mut u8,
    /// First slot of the shadow stack.
    pub root_stack_base: *mut *mut u8,
    /// End of the shadow stack (a guard page follows it).
    pub root_stack_limit: *mut *mut u8,
}

/// Byte offsets of the fields of `GcInline` from the symbol `rpy_gc`.
pub mod inline_offsets {
    pub const NURSERY_FREE: usize = 0;
    pub const NURSERY_TOP: usize = 8;
    pub const ROOT_STACK_TOP: usize = 16;
    pub const ROOT_STACK_BASE: usize = 24;
    pub const ROOT_STACK_LIMIT: usize = 32;
}

/// A hasher for addresses (the keys of the shadow table).
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        let x = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = x ^ (x >> 29);
    }
}

/// Young object address -> (its shadow: the old-generation cell it will be
/// copied to, whose address is its identity hash; the object's size).
type ShadowMap = HashMap<usize, (usize, usize), BuildHasherDefault<AddrHasher>>;

/// The result of `Gc::verify_heap`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeapCheck {
    /// Objects reachable from the roots (prebuilt ones included; not the
    /// remembered garbage).
    pub objects: usize,
    pub bytes: usize,
}

/// The whole collector. `#[repr(C)]` so that `inline` is at offset 0.
#[repr(C)]
pub struct Gc {
    pub inline: GcInline,
    types: Types,
    config: GcConfig,
    ready: bool,
    collecting: bool,
    finished: bool,
    nursery_start: *mut u8,
    nursery_end: *mut u8,
    nonlarge_max: usize,
    root_stack_map: *mut u8,
    root_stack_map_len: usize,
    old: OldGen,
    /// Large objects allocated since the last minor collection.
    young_large: *mut Chunk,
    /// Chunks of the old generation (big survivors, promoted large objects).
    old_chunks: *mut Chunk,
    /// Bytes of all chunks, young and old.
    chunk_bytes: usize,
    /// Heap size that triggers the next major collection.
    next_major: usize,
    /// Old objects that may point to young ones (their TRACK_YOUNG_PTRS is
    /// clear); during a minor collection also the copies still to scan.
    remembered: Vec<*mut u8>,
    /// Objects with CARDS_SET.
    cards_set: Vec<*mut u8>,
    /// Prebuilt objects that received a GC pointer at run time (NO_HEAP_PTRS
    /// cleared): roots of every major collection, forever.
    prebuilt_roots: Vec<*mut u8>,
    /// Addresses of words outside the heap that hold GC pointers.
    static_roots: Vec<*mut *mut u8>,
    mark_stack: Vec<*mut u8>,
    shadows: Option<ShadowMap>,
    /// Collections started by allocations (the stress-mode period counts these).
    collections: u64,
    stats: GcStats,
}

#[inline(always)]
fn push<T>(v: &mut Vec<T>, x: T) {
    if v.len() == v.capacity() && v.try_reserve(v.len().max(64)).is_err() {
        os::fatal("out of memory for the collector's own tables");
    }
    v.push(x);
}

impl Default for Gc {
    fn default() -> Self {
        Gc::new()
    }
}

impl Gc {
    /// An uninitialized collector: every allocation fails until `init`.
    pub const fn new() -> Gc {
        Gc {
            inline: GcInline {
                nursery_free: null_mut(),
                nursery_top: null_mut(),
                root_stack_top: null_mut(),
                root_stack_base: null_mut(),
                root_stack_limit: null_mut(),
            },
            types: Types::EMPTY,
            config: GcConfig::DEFAULT,
            ready: false,
            collecting: false,
            finished: false,
            nursery_start: null_mut(),
            nursery_end: null_mut(),
            nonlarge_max: 0,
            root_stack_map: null_mut(),
            root_stack_map_len: 0,
            old: OldGen::new(),
            young_large: null_mut(),
            old_chunks: null_mut(),
            chunk_bytes: 0,
            next_major: 0,
            remembered: Vec::new(),
            cards_set: Vec::new(),
            prebuilt_roots: Vec::new(),
            static_roots: Vec::new(),
            mark_stack: Vec::new(),
            shadows: None,
            collections: 0,
            stats: GcStats::ZERO,
        }
    }

    /// Maps the nursery and the shadow stack and takes the type table.
    ///
    /// # Safety
    /// `types` points to `ntypes` entries (and their offset lists)
    /// that stay valid and unchanged for the collector's lifetime.
    pub unsafe fn init(&mut self, config: GcConfig, types: *const TypeInfo, ntypes: usize) -> Result<(), String> {
        if self.ready {
            return Err("the collector is already initialized".into());
        }
        typeinfo::validate(types, ntypes)?;
        let nursery_size = os::round_up(config.nursery_size.max(crate::config::MIN_NURSERY), os::OS_PAGE)
            .ok_or("nursery size too big")?;
        let nursery = os::map(nursery_size);
        if nursery.is_null() {
            return Err(format!("cannot map a nursery of {} bytes", nursery_size));
        }
        let stack_size =
            os::round_up(config.root_stack_size.max(os::OS_PAGE), os::OS_PAGE).ok_or("root stack too big")?;
        let stack = os::map_noreserve(stack_size + os::OS_PAGE);
        if stack.is_null() || !os::protect_none(stack.add(stack_size), os::OS_PAGE) {
            os::unmap(nursery, nursery_size);
            os::unmap(stack, stack_size + os::OS_PAGE);
            return Err(format!("cannot map a shadow stack of {} bytes", stack_size));
        }
        self.types = Types { ptr: types, len: ntypes };
        self.config = config;
        self.nursery_start = nursery;
        self.nursery_end = nursery.add(nursery_size);
        self.nonlarge_max = LARGE_OBJECT.min(nursery_size / 4) & !7;
        self.root_stack_map = stack;
        self.root_stack_map_len = stack_size + os::OS_PAGE;
        self.inline = GcInline {
            nursery_free: nursery,
            nursery_top: if config.stress > 0 { nursery } else { self.nursery_end },
            root_stack_top: stack as *mut *mut u8,
            root_stack_base: stack as *mut *mut u8,
            root_stack_limit: stack.add(stack_size) as *mut *mut u8,
        };
        self.next_major = config.min_major_threshold;
        self.ready = true;
        Ok(())
    }

    pub fn is_ready(&self) -> bool {
        self.ready
    }
    pub fn config(&self) -> &GcConfig {
        &self.config
    }

    /// `malloc` with the heap limit lifted: for runtime code that has
    /// raised MemoryError already but must finish its work on a valid
    /// object. Null only when the system itself is out of memory.
    ///
    /// # Safety
    /// as `collect_and_reserve`.
    pub unsafe fn malloc_over_limit(&mut self, tid: u32, size: usize) -> *mut u8 {
        let limit = self.config.max_heap;
        self.config.max_heap = usize::MAX;
        let p = self.malloc(tid, size);
        self.config.max_heap = limit;
        p
    }
    pub fn nursery_size(&self) -> usize {
        self.nursery_end as usize - self.nursery_start as usize
    }
    /// The biggest object allocated in the nursery; bigger ones are large objects.
    pub fn nonlarge_max(&self) -> usize {
        self.nonlarge_max
    }
    /// Bytes of objects in the old generation (large objects included).
    pub fn heap_bytes(&self) -> usize {
        self.old.cell_bytes + self.chunk_bytes
    }
    /// Arenas of small-object pages currently mapped.
    pub fn arena_count(&self) -> usize {
        self.old.arena_count()
    }
    /// Bytes of memory the old generation holds from the system (possibly resident).
    pub fn committed_bytes(&self) -> usize {
        self.old.committed() + self.chunk_bytes
    }
    pub fn stats(&self) -> GcStats {
        let mut s = self.stats;
        s.bytes_allocated += (self.inline.nursery_free as usize - self.nursery_start as usize) as u64;
        s.peak_heap_bytes = s.peak_heap_bytes.max(self.heap_bytes());
        s
    }
    /// Whether `p` is in the nursery (allocated or not).
    #[inline(always)]
    pub fn in_nursery(&self, p: *const u8) -> bool {
        p >= self.nursery_start as *const u8 && p < self.nursery_end as *const u8
    }
    /// Whether the object is young: in the nursery or a large object not yet
    /// seen by a minor collection. Stores into young objects need no barrier.
    ///
    /// # Safety
    /// `p` is null or an object.
    pub unsafe fn is_young(&self, p: *const u8) -> bool {
        self.in_nursery(p) || (!p.is_null() && header::flags(p) & YOUNG_LARGE != 0)
    }

    // ---------------------------------------------------------------
    // Allocation

    #[inline(always)]
    unsafe fn bump(&mut self, size: usize) -> *mut u8 {
        let p = self.inline.nursery_free;
        self.inline.nursery_free = p.add(size);
        if self.config.stress > 0 {
            self.inline.nursery_top = self.inline.nursery_free;
        }
        p
    }

    #[cold]
    fn fail(&mut self) -> *mut u8 {
        self.stats.failed_allocations += 1;
        null_mut()
    }

    /// The slow path of the inline allocation: `size` zeroed bytes (the caller
    /// then writes the type id into the low half of the header), after a
    /// collection if needed, or null (MemoryError). `size` is the object's
    /// size as `typeinfo::round_size` gives it; objects bigger than
    /// `nonlarge_max` become young large objects.
    ///
    /// # Safety
    /// initialized collector; the shadow stack holds every live reference.
    pub unsafe fn collect_and_reserve(&mut self, size: usize) -> *mut u8 {
        if !self.ready || self.collecting {
            return self.fail();
        }
        let Some(size) = round_size(size) else { return self.fail() };
        if size > self.nonlarge_max {
            return self.alloc_large(size, 0, 0);
        }
        if !self.collect_for_alloc(0) {
            // Over the heap limit: keep the inline path failing too, so
            // every allocation comes here until the heap shrinks.
            self.inline.nursery_top = self.inline.nursery_free;
            return self.fail();
        }
        self.bump(size)
    }

    /// A zeroed object of `size` bytes with its header set (type id, flags),
    /// or null. For a varsize type the caller writes the length (or use
    /// `malloc_varsize`). Fatal if `tid` is not in the type table.
    ///
    /// # Safety
    /// as `collect_and_reserve`.
    pub unsafe fn malloc(&mut self, tid: u32, size: usize) -> *mut u8 {
        if !self.ready {
            return self.fail();
        }
        let Some(info) = self.types.get(tid) else { bad_tid(tid) };
        let Some(size) = round_size(size) else { return self.fail() };
        let io = info.items_offset as usize;
        let length = if info.items_have_ptrs() && size > io { (size - io) / info.item_size as usize } else { 0 };
        self.malloc_sized(tid, info, size, length)
    }

    /// A zeroed object of a varsize type with `length` items, its header and
    /// length set, or null (also for a negative or absurd length).
    ///
    /// # Safety
    /// as `collect_and_reserve`.
    pub unsafe fn malloc_varsize(&mut self, tid: u32, length: usize) -> *mut u8 {
        if !self.ready {
            return self.fail();
        }
        let Some(info) = self.types.get(tid) else { bad_tid(tid) };
        if !info.is_varsize() {
            os::fatal(&format!("malloc_varsize of fixed-size type id {}", tid));
        }
        if length > isize::MAX as usize {
            return self.fail();
        }
        let Some(size) = info.size_for(length) else { return self.fail() };
        let p = self.malloc_sized(tid, info, size, length);
        if !p.is_null() {
            (p.add(info.length_offset as usize) as *mut i64).write(length as i64);
        }
        p
    }

    #[inline(always)]
    unsafe fn malloc_sized(&mut self, tid: u32, info: &TypeInfo, size: usize, length: usize) -> *mut u8 {
        if size <= self.nonlarge_max {
            let p = if self.inline.nursery_free as usize + size <= self.inline.nursery_top as usize {
                self.bump(size)
            } else {
                self.collect_and_reserve(size)
            };
            if !p.is_null() {
                (p as *mut u32).write(tid);
            }
            p
        } else {
            self.alloc_large(size, tid, typeinfo::card_bytes(info, length))
        }
    }

    /// A young large object in a chunk of its own, zeroed, header set
    /// (`tid` may be 0 when the caller writes it).
    unsafe fn alloc_large(&mut self, size: usize, tid: u32, card_bytes: usize) -> *mut u8 {
        let need = size.saturating_add(card_bytes + 64);
        let collect = self.config.stress > 0
            || self.heap_bytes().saturating_add(need) > self.next_major.min(self.config.max_heap);
        if collect && !self.collect_for_alloc(need) {
            return self.fail();
        }
        let mut c = Chunk::alloc(size, card_bytes, true);
        if c.is_null() {
            // The system is out of memory: free what can be freed and retry once.
            self.collect();
            c = Chunk::alloc(size, card_bytes, true);
            if c.is_null() {
                return self.fail();
            }
        }
        let obj = Chunk::obj(c);
        let f = YOUNG_LARGE | if card_bytes > 0 { HAS_CARDS } else { 0 };
        (obj as *mut u64).write(header::make(tid, f));
        Chunk::push(&mut self.young_large, c);
        self.chunk_bytes += (*c).total;
        self.stats.bytes_allocated += size as u64;
        self.stats.peak_heap_bytes = self.stats.peak_heap_bytes.max(self.heap_bytes());
        obj
    }

    /// Space in the old generation for a nursery object of `size` bytes.
    #[inline(always)]
    unsafe fn old_alloc(&mut self, size: usize, info: &TypeInfo, length: usize) -> *mut u8 {
        if size <= SMALL_MAX {
            return self.old.alloc(size);
        }
        let c = Chunk::alloc(size, typeinfo::card_bytes(info, length), false);
        if c.is_null() {
            return null_mut();
        }
        Chunk::push(&mut self.old_chunks, c);
        self.chunk_bytes += (*c).total;
        Chunk::obj(c)
    }

    // ---------------------------------------------------------------
    // Write barriers

    /// Slow path of the write barrier: a GC pointer is being stored into
    /// `obj`, whose header has TRACK_YOUNG_PTRS. Remembers the object (its
    /// fields are scanned at the next minor collection) and clears the flag.
    ///
    /// # Safety
    /// `obj` is an object.
    pub unsafe fn remember_young_pointer(&mut self, obj: *mut u8) {
        let f = header::flags(obj);
        if f & TRACK_YOUNG_PTRS == 0 {
            return;
        }
        if f & NO_HEAP_PTRS != 0 {
            push(&mut self.prebuilt_roots, obj);
        }
        header::set_flags(obj, f & !(TRACK_YOUNG_PTRS | NO_HEAP_PTRS));
        push(&mut self.remembered, obj);
    }

    /// Slow path of the barrier for a store into item `index` of an array
    /// (or of the varsize part of a struct) with TRACK_YOUNG_PTRS. With a card
    /// table, marks the item's card (the flag stays set); otherwise as
    /// `remember_young_pointer`.
    ///
    /// # Safety
    /// `obj` is an object.
    pub unsafe fn remember_young_pointer_from_array(&mut self, obj: *mut u8, index: usize) {
        let f = header::flags(obj);
        if f & TRACK_YOUNG_PTRS == 0 {
            return;
        }
        if f & HAS_CARDS == 0 {
            return self.remember_young_pointer(obj);
        }
        let info = self.types.of(obj);
        if index >= typeinfo::length(info, obj) {
            return self.remember_young_pointer(obj);
        }
        let card = index >> CARD_SHIFT;
        let byte = obj.sub(1 + (card >> 3));
        *byte |= 1 << (card & 7);
        if f & CARDS_SET == 0 {
            header::set_flags(obj, f | CARDS_SET);
            push(&mut self.cards_set, obj);
        }
    }

    // ---------------------------------------------------------------
    // Identity hash

    /// A hash of the object's identity that never changes and differs from
    /// that of every other live object (so it also serves as `id()`): the
    /// address of the object once it is in the old generation. A nursery
    /// object gets its old-generation cell reserved now (its shadow). Never
    /// collects. 0 for null.
    ///
    /// # Safety
    /// `obj` is null or an object.
    pub unsafe fn identityhash(&mut self, obj: *mut u8) -> i64 {
        if !self.in_nursery(obj) {
            return obj as i64;
        }
        if header::flags(obj) & HAS_SHADOW != 0 {
            match self.shadows.as_ref().and_then(|m| m.get(&(obj as usize))) {
                Some(&(s, _)) => return s as i64,
                None => os::fatal("a young object lost its shadow"),
            }
        }
        let info = self.types.of(obj);
        let (size, length) = typeinfo::object_size(info, obj);
        let s = self.old_alloc(size, info, length);
        if s.is_null() {
            os::fatal("out of memory reserving an identity hash");
        }
        // An allocated cell (non-zero header) that nothing points to until the copy.
        (s as *mut u64).write(header::make(header::tid(obj), 0));
        self.shadows.get_or_insert_with(Default::default).insert(obj as usize, (s as usize, size));
        header::add_flags(obj, HAS_SHADOW);
        s as i64
    }

    // ---------------------------------------------------------------
    // Roots

    /// Registers a word outside the heap that holds a GC pointer (or null);
    /// the collector reads and updates it. For the runtime's own globals.
    pub fn add_static_root(&mut self, slot: *mut *mut u8) {
        push(&mut self.static_roots, slot);
    }

    /// Pushes a reference on the shadow stack (for Rust code of the runtime
    /// that holds references across an allocation). Fatal on overflow.
    ///
    /// # Safety
    /// initialized collector.
    #[inline]
    pub unsafe fn push_root(&mut self, p: *mut u8) {
        let top = self.inline.root_stack_top;
        if top >= self.inline.root_stack_limit {
            os::fatal("shadow stack overflow");
        }
        top.write(p);
        self.inline.root_stack_top = top.add(1);
    }

    /// Pops the top of the shadow stack (updated if the object moved).
    ///
    /// # Safety
    /// the stack is not empty.
    #[inline]
    pub unsafe fn pop_root(&mut self) -> *mut u8 {
        let top = self.inline.root_stack_top.sub(1);
        self.inline.root_stack_top = top;
        top.read()
    }

    /// Slots in use on the shadow stack.
    pub fn root_stack_depth(&self) -> usize {
        (self.inline.root_stack_top as usize - self.inline.root_stack_base as usize) / 8
    }

    // ---------------------------------------------------------------
    // Collections

    /// A full collection (minor, then major): `rgc.collect()`.
    ///
    /// # Safety
    /// the shadow stack holds every live reference.
    pub unsafe fn collect(&mut self) {
        if !self.ready || self.collecting {
            return;
        }
        let t0 = os::now_ns();
        self.minor();
        self.major();
        self.end_pause(t0);
    }

    /// A minor collection only.
    ///
    /// # Safety
    /// as `collect`.
    pub unsafe fn collect_minor(&mut self) {
        if !self.ready || self.collecting {
            return;
        }
        let t0 = os::now_ns();
        self.minor();
        self.end_pause(t0);
    }

    /// The collection an allocation needs: minor, then major if the heap grew
    /// past its threshold (or by the stress period). False if the heap is
    /// still over its limit with `extra` more bytes.
    unsafe fn collect_for_alloc(&mut self, extra: usize) -> bool {
        let t0 = os::now_ns();
        self.minor();
        self.collections += 1;
        let heap = self.heap_bytes().saturating_add(extra);
        let mut major = if self.config.stress > 0 {
            self.collections.is_multiple_of(self.config.stress as u64)
        } else {
            heap > self.next_major
        };
        if heap > self.config.max_heap {
            major = true;
        }
        if major {
            self.major();
        }
        self.end_pause(t0);
        self.heap_bytes().saturating_add(extra) <= self.config.max_heap
    }

    fn end_pause(&mut self, t0: u64) {
        let dt = os::now_ns().saturating_sub(t0);
        self.stats.longest_pause_ns = self.stats.longest_pause_ns.max(dt);
        self.stats.peak_heap_bytes = self.stats.peak_heap_bytes.max(self.heap_bytes());
        if self.config.verify {
            if let Err(e) = unsafe { self.verify_heap() } {
                os::fatal(&format!("heap check after a collection: {}", e));
            }
        }
    }

    /// Minor collection: copies the young objects reachable from the roots,
    /// from remembered old objects and from marked cards into the old
    /// generation, frees unreached young large objects, empties the nursery.
    unsafe fn minor(&mut self) {
        let t0 = os::now_ns();
        self.collecting = true;
        self.stats.peak_heap_bytes = self.stats.peak_heap_bytes.max(self.heap_bytes());
        let promoted_before = self.stats.bytes_promoted;

        let mut cards = std::mem::take(&mut self.cards_set);
        for &obj in &cards {
            self.scan_cards(obj);
        }
        cards.clear();
        self.cards_set = cards;

        let top = self.inline.root_stack_top;
        let mut slot = self.inline.root_stack_base;
        while slot < top {
            self.minor_visit(slot);
            slot = slot.add(1);
        }
        for i in 0..self.static_roots.len() {
            let s = self.static_roots[i];
            self.minor_visit(s);
        }
        // The remembered objects, then the copies (pushed as they are made).
        while let Some(obj) = self.remembered.pop() {
            let info = self.types.of(obj);
            typeinfo::trace(info, obj, |s| self.minor_visit(s));
            header::add_flags(obj, TRACK_YOUNG_PTRS);
        }

        let mut c = self.young_large;
        while !c.is_null() {
            let next = (*c).next;
            if header::flags(Chunk::obj(c)) & YOUNG_LARGE != 0 {
                self.chunk_bytes -= (*c).total;
                Chunk::free(c);
            } else {
                Chunk::push(&mut self.old_chunks, c);
            }
            c = next;
        }
        self.young_large = null_mut();
        // Shadows of young objects that died stay allocated, unreachable,
        // until the next major collection frees them.
        if let Some(m) = self.shadows.as_mut() {
            m.clear();
        }

        let used = self.inline.nursery_free as usize - self.nursery_start as usize;
        std::ptr::write_bytes(self.nursery_start, 0, used);
        self.stats.bytes_allocated += used as u64;
        self.inline.nursery_free = self.nursery_start;
        self.inline.nursery_top = if self.config.stress > 0 { self.nursery_start } else { self.nursery_end };
        self.collecting = false;

        let dt = os::now_ns().saturating_sub(t0);
        self.stats.minor_collections += 1;
        self.stats.minor_time_ns += dt;
        self.stats.longest_minor_ns = self.stats.longest_minor_ns.max(dt);
        if self.config.stats >= 2 {
            os::write_stderr(
                format!(
                    "[gc] minor {}: {} bytes allocated, {} promoted, {} us\n",
                    self.stats.minor_collections,
                    used,
                    self.stats.bytes_promoted - promoted_before,
                    dt / 1000
                )
                .as_bytes(),
            );
        }
    }

    /// The slots of the marked cards of an old array, then clears its cards.
    unsafe fn scan_cards(&mut self, obj: *mut u8) {
        let f = header::flags(obj);
        header::set_flags(obj, f & !CARDS_SET);
        let info = self.types.of(obj);
        let len = typeinfo::length(info, obj);
        let nbytes = len.div_ceil(CARD_ITEMS).div_ceil(8);
        for b in 0..nbytes {
            let bp = obj.sub(1 + b);
            let bits = *bp;
            if bits == 0 {
                continue;
            }
            *bp = 0;
            if f & TRACK_YOUNG_PTRS == 0 {
                continue; // also remembered: it is scanned whole
            }
            for bit in 0..8 {
                if bits & (1 << bit) != 0 {
                    let from = (b * 8 + bit) * CARD_ITEMS;
                    let to = (from + CARD_ITEMS).min(len);
                    if from < to {
                        typeinfo::trace_items(info, obj, from, to, |s| self.minor_visit(s));
                        self.stats.card_items_scanned += (to - from) as u64;
                    }
                }
            }
        }
    }

    /// Minor collection, one slot: a nursery object is replaced by its copy
    /// (made now if needed); a young large object is kept and queued for scanning.
    #[inline(always)]
    unsafe fn minor_visit(&mut self, slot: *mut *mut u8) {
        let p = *slot;
        if (p as usize) & 1 != 0 {
            return;
        }
        if self.in_nursery(p) {
            if header::flags(p) & FORWARDED != 0 {
                *slot = (p.add(8) as *const *mut u8).read();
            } else {
                *slot = self.copy_young(p);
            }
        } else if !self.young_large.is_null() && !p.is_null() {
            let f = header::flags(p);
            if f & YOUNG_LARGE != 0 {
                header::set_flags(p, f & !YOUNG_LARGE);
                push(&mut self.remembered, p);
            }
        }
    }

    /// Copies a nursery object to the old generation (to its shadow if it has
    /// one), leaves a forwarding address, and queues the copy for scanning.
    #[inline]
    unsafe fn copy_young(&mut self, p: *mut u8) -> *mut u8 {
        let info = self.types.of(p);
        let (size, length) = typeinfo::object_size(info, p);
        let f = header::flags(p);
        let new = if f & HAS_SHADOW != 0 {
            match self.shadows.as_mut().and_then(|m| m.remove(&(p as usize))) {
                Some((s, sz)) if sz == size => s as *mut u8,
                _ => os::fatal("the shadow of a young object is missing or of the wrong size"),
            }
        } else {
            self.old_alloc(size, info, length)
        };
        if new.is_null() {
            os::fatal("out of memory while copying young objects to the old generation");
        }
        copy_words(p, new, size);
        let cards = if size > SMALL_MAX && typeinfo::card_bytes(info, length) > 0 { HAS_CARDS } else { 0 };
        // TRACK_YOUNG_PTRS stays clear until the copy is scanned.
        header::set_flags(new, cards);
        header::set_flags(p, f | FORWARDED);
        (p.add(8) as *mut *mut u8).write(new);
        push(&mut self.remembered, new);
        self.stats.bytes_promoted += size as u64;
        new
    }

    /// Major collection: marks from the roots, sweeps the old generation,
    /// gives free memory back and sets the next threshold. Must follow a
    /// minor collection (no young objects, no remembered set).
    unsafe fn major(&mut self) {
        let t0 = os::now_ns();
        self.collecting = true;
        let before = self.heap_bytes();
        let top = self.inline.root_stack_top;
        let mut slot = self.inline.root_stack_base;
        while slot < top {
            self.mark(*slot);
            slot = slot.add(1);
        }
        for i in 0..self.static_roots.len() {
            let s = self.static_roots[i];
            self.mark(*s);
        }
        for i in 0..self.prebuilt_roots.len() {
            let obj = self.prebuilt_roots[i];
            let info = self.types.of(obj);
            typeinfo::trace(info, obj, |s| self.mark(*s));
        }
        while let Some(obj) = self.mark_stack.pop() {
            let info = self.types.of(obj);
            typeinfo::trace(info, obj, |s| self.mark(*s));
        }
        let live = self.old.sweep() + self.sweep_chunks();
        self.stats.live_after_major = live;
        self.stats.max_live_after_major = self.stats.max_live_after_major.max(live);
        let next = (live as f64 * self.config.major_factor) as usize;
        self.next_major = next.max(self.config.min_major_threshold);
        // Keep as many free pages as the program will fill before the next
        // major collection; give the rest back.
        self.old.release(self.next_major.saturating_sub(live));
        self.collecting = false;

        let dt = os::now_ns().saturating_sub(t0);
        self.stats.major_collections += 1;
        self.stats.major_time_ns += dt;
        self.stats.longest_major_ns = self.stats.longest_major_ns.max(dt);
        if self.config.stats >= 2 {
            os::write_stderr(
                format!(
                    "[gc] major {}: heap {} -> {} KiB, next at {} KiB, {} KiB committed, {} us\n",
                    self.stats.major_collections,
                    before >> 10,
                    live >> 10,
                    self.next_major >> 10,
                    self.committed_bytes() >> 10,
                    dt / 1000
                )
                .as_bytes(),
            );
        }
    }

    #[inline(always)]
    unsafe fn mark(&mut self, p: *mut u8) {
        if p.is_null() || (p as usize) & 1 != 0 {
            return;
        }
        let f = header::flags(p);
        if f & (MARKED | PREBUILT) != 0 {
            return;
        }
        header::set_flags(p, f | MARKED);
        let info = self.types.of(p);
        if !info.ptr_offsets.is_null() || info.items_have_ptrs() {
            push(&mut self.mark_stack, p);
        }
    }

    unsafe fn sweep_chunks(&mut self) -> usize {
        let mut live = 0;
        let mut c = self.old_chunks;
        while !c.is_null() {
            let next = (*c).next;
            let obj = Chunk::obj(c);
            let f = header::flags(obj);
            if f & MARKED != 0 {
                header::set_flags(obj, f & !MARKED);
                live += (*c).total;
            } else {
                Chunk::unlink(&mut self.old_chunks, c);
                Chunk::free(c);
            }
            c = next;
        }
        self.chunk_bytes = live;
        live
    }

    /// The summary of `RPY_GC_STATS=1`.
    pub fn report(&self) -> String {
        self.stats().report(self.heap_bytes(), self.committed_bytes())
    }

    /// At exit: prints the statistics if configured (once).
    pub fn finish(&mut self) {
        if self.ready && self.config.stats >= 1 && !self.finished {
            self.finished = true;
            os::write_stderr(self.report().as_bytes());
        }
    }

    // ---------------------------------------------------------------
    // Checking

    /// Walks everything reachable from the roots and checks the invariants
    /// (see the crate documentation). For tests and `RPY_GC_VERIFY=1`.
    ///
    /// # Safety
    /// initialized collector, not collecting.
    pub unsafe fn verify_heap(&self) -> Result<HeapCheck, String> {
        use std::collections::HashSet;
        #[derive(Clone, Copy, PartialEq, Debug)]
        enum Kind {
            Young,
            YoungLarge,
            Old,
            Prebuilt,
        }
        let mut chunk_objs: HashMap<usize, bool> = HashMap::new();
        let mut c = self.young_large;
        while !c.is_null() {
            let o = Chunk::obj(c);
            if header::flags(o) & YOUNG_LARGE == 0 {
                return Err(format!("young large object {:p} without YOUNG_LARGE", o));
            }
            chunk_objs.insert(o as usize, true);
            c = (*c).next;
        }
        let mut c = self.old_chunks;
        while !c.is_null() {
            let o = Chunk::obj(c);
            if header::flags(o) & YOUNG_LARGE != 0 {
                return Err(format!("old chunk object {:p} with YOUNG_LARGE", o));
            }
            chunk_objs.insert(o as usize, false);
            c = (*c).next;
        }
        let free = self.inline.nursery_free as usize;
        let classify = |p: *mut u8| -> Result<Kind, String> {
            let a = p as usize;
            if !a.is_multiple_of(8) {
                return Err(format!("misaligned reference {:#x}", a));
            }
            if self.in_nursery(p) {
                if a >= free {
                    return Err(format!("{:#x} points into the free part of the nursery", a));
                }
                return Ok(Kind::Young);
            }
            if let Some(&young) = chunk_objs.get(&a) {
                return Ok(if young { Kind::YoungLarge } else { Kind::Old });
            }
            if self.old.is_cell(p) {
                return Ok(Kind::Old);
            }
            if header::flags(p) & PREBUILT != 0 {
                return Ok(Kind::Prebuilt);
            }
            Err(format!("{:#x} is not an object", a))
        };
        let remembered: HashSet<usize> = self.remembered.iter().map(|&p| p as usize).collect();
        let cards: HashSet<usize> = self.cards_set.iter().map(|&p| p as usize).collect();
        let prebuilt_roots: HashSet<usize> = self.prebuilt_roots.iter().map(|&p| p as usize).collect();
        let mut stack: Vec<*mut u8> = Vec::new();
        let mut slot = self.inline.root_stack_base;
        while slot < self.inline.root_stack_top {
            stack.push(*slot);
            slot = slot.add(1);
        }
        for &s in &self.static_roots {
            stack.push(*s);
        }
        stack.extend(&self.prebuilt_roots);
        let mut seen = HashSet::new();
        let mut check = HeapCheck::default();
        // First what the roots reach (counted), then what the remembered set
        // and the card list hold (possibly garbage, checked all the same).
        let mut counting = true;
        loop {
            let Some(obj) = stack.pop() else {
                if !counting {
                    break;
                }
                counting = false;
                stack.extend(self.remembered.iter().chain(&self.cards_set));
                continue;
            };
            if obj.is_null() || obj as usize & 1 != 0 || !seen.insert(obj as usize) {
                continue;
            }
            let kind = classify(obj)?;
            let f = header::flags(obj);
            let Some(info) = self.types.get(header::tid(obj)) else {
                return Err(format!("{:p} ({:?}) has an invalid type id {}", obj, kind, header::tid(obj)));
            };
            let bad =
                |m: &str| Err(format!("{:?} object {:p} (tid {}, flags {:#x}): {}", kind, obj, header::tid(obj), f, m));
            if f & (MARKED | FORWARDED) != 0 {
                return bad("MARKED or FORWARDED outside a collection");
            }
            match kind {
                Kind::Young => {
                    if f & !HAS_SHADOW != 0 {
                        return bad("unexpected flags on a nursery object");
                    }
                    if f & HAS_SHADOW != 0 && !self.shadows.as_ref().is_some_and(|m| m.contains_key(&(obj as usize))) {
                        return bad("HAS_SHADOW but no shadow");
                    }
                }
                Kind::YoungLarge => {
                    if f & (TRACK_YOUNG_PTRS | CARDS_SET | PREBUILT) != 0 {
                        return bad("unexpected flags on a young large object");
                    }
                }
                Kind::Old | Kind::Prebuilt => {
                    if f & (HAS_SHADOW | YOUNG_LARGE) != 0 {
                        return bad("young flags on an old object");
                    }
                    if (kind == Kind::Old) == (f & PREBUILT != 0) {
                        return bad("PREBUILT flag disagrees with the object's place");
                    }
                    if f & TRACK_YOUNG_PTRS == 0 && !remembered.contains(&(obj as usize)) {
                        return bad("TRACK_YOUNG_PTRS clear but not in the remembered set");
                    }
                    if kind == Kind::Prebuilt && f & NO_HEAP_PTRS == 0 && !prebuilt_roots.contains(&(obj as usize)) {
                        return bad("NO_HEAP_PTRS clear but not a prebuilt root");
                    }
                }
            }
            if f & CARDS_SET != 0 && (f & HAS_CARDS == 0 || !cards.contains(&(obj as usize))) {
                return bad("CARDS_SET without a card table or not listed");
            }
            if counting {
                check.objects += 1;
                check.bytes += typeinfo::object_size(info, obj).0;
            }
            let old_like = matches!(kind, Kind::Old | Kind::Prebuilt);
            let mut err = None;
            typeinfo::trace_indexed(info, obj, |slot, idx| {
                let p = *slot;
                if err.is_some() || p.is_null() || p as usize & 1 != 0 {
                    return;
                }
                match classify(p) {
                    Err(e) => err = Some(format!("{} (in a field of {:?} object {:p})", e, kind, obj)),
                    Ok(k) => {
                        if old_like && matches!(k, Kind::Young | Kind::YoungLarge) && f & TRACK_YOUNG_PTRS != 0 {
                            let carded = idx.is_some_and(|i| {
                                let card = i >> CARD_SHIFT;
                                f & HAS_CARDS != 0
                                    && f & CARDS_SET != 0
                                    && *obj.sub(1 + (card >> 3)) & (1 << (card & 7)) != 0
                            });
                            if !carded {
                                err = Some(format!(
                                    "{:?} object {:p} (flags {:#x}) points to young {:p} but is not remembered (missing write barrier?)",
                                    kind, obj, f, p
                                ));
                            }
                        }
                        if kind == Kind::Prebuilt && k != Kind::Prebuilt && f & NO_HEAP_PTRS != 0 {
                            err = Some(format!("prebuilt {:p} points into the heap but has NO_HEAP_PTRS", obj));
                        }
                        stack.push(p);
                    }
                }
            });
            if let Some(e) = err {
                return Err(e);
            }
        }
        for &r in &self.remembered {
            if header::flags(r) & TRACK_YOUNG_PTRS != 0 {
                return Err(format!("remembered object {:p} has TRACK_YOUNG_PTRS", r));
            }
        }
        let free_part = std::slice::from_raw_parts(free as *const u64, (self.nursery_end as usize - free) / 8);
        if let Some(i) = free_part.iter().position(|&w| w != 0) {
            return Err(format!("the free part of the nursery is not zero at {:#x}", free + 8 * i));
        }
        Ok(check)
    }

    unsafe fn destroy(&mut self) {
        if !self.ready {
            return;
        }
        for head in [self.young_large, self.old_chunks] {
            let mut c = head;
            while !c.is_null() {
                let next = (*c).next;
                Chunk::free(c);
                c = next;
            }
        }
        self.young_large = null_mut();
        self.old_chunks = null_mut();
        self.chunk_bytes = 0;
        self.old.destroy();
        os::unmap(self.nursery_start, self.nursery_size());
        os::unmap(self.root_stack_map, self.root_stack_map_len);
        self.ready = false;
    }
}

impl Drop for Gc {
    fn drop(&mut self) {
        unsafe { self.destroy() }
    }
}

/// Copies an object (a multiple of 8 bytes): most are a few words, for
/// which a loop beats a call to memcpy.
#[inline(always)]
unsafe fn copy_words(from: *const u8, to: *mut u8, size: usize) {
    if size <= 64 {
        let (f, t) = (from as *const u64, to as *mut u64);
        for i in 0..size / 8 {
            t.add(i).write(f.add(i).read());
        }
    } else {
        std::ptr::copy_nonoverlapping(from, to, size);
    }
}

#[cold]
fn bad_tid(tid: u32) -> ! {
    os::fatal(&format!("allocation of invalid type id {}", tid))
}
