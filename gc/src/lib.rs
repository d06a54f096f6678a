//! A precise, generational, moving garbage collector for translated programs.
//!
//! The runtime links this crate in; generated code allocates, keeps its roots
//! and applies write barriers exactly as described under "The contract with
//! generated code". This crate knows nothing of the translator: it learns
//! object layouts from a type table it is given at start-up.
//!
//! # Overview
//!
//! Two generations. New objects are bump-allocated in the *nursery*, an area
//! of a few MiB. When it is full, a *minor collection* copies the nursery
//! objects that are still reachable into the *old generation* and empties the
//! nursery. Old objects never move. When the old generation has grown by a
//! factor since the last *major collection*, a major collection marks
//! everything reachable and sweeps the rest (non-moving mark-sweep, stop the
//! world; not incremental).
//!
//! To find young objects without scanning the old generation, the program
//! tells the collector which old objects it writes pointers into (the *write
//! barrier*); those objects form the *remembered set*. For big arrays only the
//! written *cards* (ranges of 128 items) are remembered.
//!
//! Roots are precise: generated code keeps every GC reference that is live
//! across a call that can collect on a *shadow stack*, a contiguous array of
//! slots the collector reads and updates when objects move.
//!
//! # Object model
//!
//! Every object starts with the 8-byte header of `abi`: the type id in the
//! low `u32`, GC flags in the high `u32` (the 4 bytes at offset 4). Objects
//! are 8-byte aligned and at least 16 bytes (`typeinfo::MIN_OBJECT`), so a
//! copied nursery object has room for its forwarding address and a free
//! old-generation cell for its free-list link. Type id 0 is reserved: a zero
//! header word marks a free cell. References point to the header; interior
//! pointers are not references. Null and odd values in reference slots are
//! ignored (so tagged values may share the slots).
//!
//! Header flags (`header`):
//!
//! | bit | flag | on | meaning |
//! |---|---|---|---|
//! | 0 | `PREBUILT` | prebuilt | in the executable's data, never freed, never moved (`abi::FLAG_PREBUILT`) |
//! | 1 | `TRACK_YOUNG_PTRS` | old, prebuilt | storing a GC pointer into it must call the barrier's slow path |
//! | 2 | `NO_HEAP_PTRS` | prebuilt | no pointer was ever stored into it at run time |
//! | 3 | `HAS_CARDS` | big arrays | a card table precedes the header |
//! | 4 | `CARDS_SET` | big arrays | some card is marked; the array is in the card list |
//! | 5 | `MARKED` | old | major collection only |
//! | 6 | `FORWARDED` | nursery | minor collection only: word 1 is the copy's address |
//! | 7 | `HAS_SHADOW` | nursery | the identity hash was taken: the copy's cell is reserved |
//! | 8 | `YOUNG_LARGE` | large | allocated outside the nursery since the last minor collection |
//!
//! # The type table (binary layout, emitted by the translator)
//!
//! The generated object defines `rpy_type_info`, an array of `TypeInfo`
//! indexed by type id, and `rpy_type_info_count: u64`, its length; the runtime
//! passes both to `rpy_gc_init`. Each entry is 40 bytes (`typeinfo::TypeInfo`):
//!
//! ```text
//!  0 flags: u32          T_VALID=1 | T_VARSIZE=2 | T_ITEMS_ARE_PTRS=4 (0: unused type id)
//!  4 fixed_size: u32     size with no items, header included
//!  8 length_offset: u32  varsize: offset of the item count (a Signed)
//! 12 items_offset: u32   varsize: offset of item 0
//! 16 item_size: u32      varsize: bytes per item
//! 20 item_ptr_count: u32 varsize with struct items: GC pointers per item
//! 24 ptr_offsets: *const u32       GC pointer fields of the fixed part, then 0 (null: none)
//! 32 item_ptr_offsets: *const u32  item_ptr_count offsets of GC pointers inside one item
//! ```
//!
//! From `lltype::TypeTable::layout(id)` of a type with header id `tid`:
//! entry `tid` gets `fixed_size = layout.fixed_size`, and for varsize types
//! `T_VARSIZE`, `length_offset`, `items_offset` and `item_size` from the
//! layout; `ptr_offsets` lists `field_offsets[i]` for each field whose type
//! `is_gc_ptr()`; items of type `Ptr(_)` set `T_ITEMS_ARE_PTRS`. (Struct items,
//! e.g. dict entries, use `item_ptr_count`/`item_ptr_offsets`.) The object
//! size is `fixed_size`, or `max(fixed_size, items_offset + length *
//! item_size)`, rounded up to 8 and to at least 16. `rpy_gc_init` validates
//! the table and refuses a malformed one. Types sharing a layout may share a
//! type id. `typeinfo::TypeTable` builds a table in Rust (tests, the
//! runtime's own types).
//!
//! # The contract with generated code
//!
//! The collector's state is the symbol `rpy_gc`; its first five words
//! (`GcInline`, offsets in `inline_offsets`) are read and written by
//! generated code:
//!
//! ```text
//! rpy_gc+0   nursery_free      next free byte of the nursery
//! rpy_gc+8   nursery_top       allocation limit
//! rpy_gc+16  root_stack_top    next free shadow-stack slot (grows upwards)
//! rpy_gc+24  root_stack_base   first slot
//! rpy_gc+32  root_stack_limit  end of the shadow stack (a guard page follows)
//! ```
//!
//! **Allocation** of a fixed-size object of `size` bytes (from
//! `typeinfo::round_size`: a multiple of 8, at least 16, at most
//! `INLINE_ALLOC_MAX`):
//!
//! ```text
//! p = [rpy_gc+0]; q = p + size
//! if q > [rpy_gc+8]: p = rpy_gc_collect_and_reserve(size); if p == 0: raise MemoryError
//! else: [rpy_gc+0] = q
//! dword [p] = tid            ; a 4-byte store: the flags half is the collector's
//! ```
//!
//! (Up to `INLINE_ALLOC_MAX` the slow path also returns nursery memory,
//! whose flags are 0, so an 8-byte store of `tid` is equivalent there.)
//!
//! The memory is zeroed. Varsize objects use `rpy_gc_malloc_varsize(tid,
//! length)`, which also writes the length; anything else may use
//! `rpy_gc_malloc(tid, size)` (header written). Null means MemoryError: the
//! heap limit was reached or the system has no memory. Every allocation can
//! collect.
//!
//! **Roots.** Around every call that can collect (an allocation, or a call of
//! a function that may allocate), each GC reference that is live after the
//! call is pushed on the shadow stack before it (`[top] = ref; top += 8`)
//! and reloaded from its slot after it (the object may have moved); the
//! slots are popped (`top -= 8`) before the function returns. A function may
//! instead reserve its slots once in its prologue (zeroing them) and keep
//! them up to date. Interior pointers (into the middle of an object) must
//! not live across such a call: keep the object and an offset.
//! Every slot below `root_stack_top` must hold a reference, null, or an odd
//! value. References in registers or on the native stack are invisible to
//! the collector: after a call that can collect they are stale. The runtime's
//! own globals that hold references are registered with
//! `rpy_gc_add_static_root(&slot)`; its Rust code that holds references
//! across an allocation uses `Gc::push_root`/`pop_root`.
//!
//! **Write barrier.** Before storing a GC pointer (whatever its value) into
//! a field of an object `obj`:
//!
//! ```text
//! if byte [obj+4] & TRACK_YOUNG_PTRS: rpy_gc_remember_young_pointer(obj)
//! ```
//!
//! and before storing one into item `i` of an array (or of the varsize part
//! of a struct, including struct items holding pointers):
//!
//! ```text
//! if byte [obj+4] & TRACK_YOUNG_PTRS: rpy_gc_remember_young_pointer_from_array(obj, i)
//! ```
//!
//! A bulk copy into an array (`ll_arraycopy`) calls
//! `rpy_gc_remember_young_pointer(dst)` once if the flag is set. No barrier is
//! needed for stores into an object allocated since the last call that can
//! collect (it is young: nursery or young large object), nor for stores of
//! non-pointers. The barrier never collects. Optionally, the array barrier
//! may be inlined further: when the header also has `CARDS_SET`, set bit
//! `(i >> 7) & 7` of the byte at `obj - 1 - (i >> 10)` instead of calling.
//!
//! **Prebuilt objects** are emitted with flags `header::PREBUILT_FLAGS`
//! (`PREBUILT | TRACK_YOUNG_PTRS | NO_HEAP_PTRS`) in the high half of the
//! header. They may point to other prebuilt objects only; run-time stores go
//! through the barrier, which makes the object a permanent root of major
//! collections the first time.
//!
//! **Identity.** `rpy_gc_identityhash(obj)` is the object's identity hash and
//! `id()`: stable for the object's life and distinct from that of every other
//! live object. It never collects.
//!
//! # Entry points
//!
//! | symbol | signature | |
//! |---|---|---|
//! | `rpy_gc` | `Gc` (static) | state; `GcInline` at offset 0 |
//! | `rpy_gc_init` | `(types: *const TypeInfo, count: u64) -> i64` | 0 ok, -1 failed (message printed) |
//! | `rpy_gc_collect_and_reserve` | `(size: u64) -> *mut u8` | slow path of the inline allocation |
//! | `rpy_gc_malloc` | `(tid: i64, size: i64) -> *mut u8` | header written; replaces `rpy_malloc` |
//! | `rpy_gc_malloc_varsize` | `(tid: i64, length: i64) -> *mut u8` | header and length written |
//! | `rpy_gc_remember_young_pointer` | `(obj)` | barrier slow path |
//! | `rpy_gc_remember_young_pointer_from_array` | `(obj, index: i64)` | barrier slow path, items |
//! | `rpy_gc_identityhash` | `(obj) -> i64` | also `id()` |
//! | `rpy_gc_collect` | `()` | full collection (`rgc.collect()`) |
//! | `rpy_gc_collect_minor` | `()` | |
//! | `rpy_gc_add_static_root` | `(slot: *mut *mut u8)` | runtime globals holding references |
//! | `rpy_gc_heap_size` | `() -> i64` | bytes in the old generation |
//! | `rpy_gc_finish` | `()` | at exit: statistics if asked for |
//!
//! None of them panics or unwinds. A broken contract (unknown type id, a
//! header that is not one, a missing shadow) or running out of memory in the
//! middle of a collection prints `Fatal RPython error: GC: ...` and aborts.
//!
//! # Algorithms
//!
//! **Nursery.** One mapping of `nursery_size` bytes. Objects up to
//! `nonlarge_max = min(128 KiB, nursery_size / 4)` are bump-allocated there;
//! `nursery_top` is the nursery's end. After a minor collection the used part
//! is zeroed again, so allocation never clears memory.
//!
//! **Minor collection** (Cheney-style, with an explicit scan list because the
//! old generation is not one contiguous to-space): first the marked cards of
//! the arrays in the card list are scanned; then every shadow-stack slot and
//! static root; then the remembered set is drained, and every copy made is
//! pushed on it too. Visiting a slot that holds a nursery object copies the
//! object into the old generation (to its shadow if it has one), sets
//! `FORWARDED` in the old header with the new address in word 1, and updates
//! the slot; a forwarded object just updates the slot. Scanning a remembered
//! object visits all its slots and sets `TRACK_YOUNG_PTRS` again. Young large
//! objects reached lose `YOUNG_LARGE` and are scanned like copies; the others
//! are freed at the end. The minor collection's cost is proportional to the
//! survivors plus the remembered objects and cards, not to the heap.
//!
//! **Large objects.** Objects over `nonlarge_max` get a chunk of their own
//! outside the nursery but are young until the next minor collection
//! (`YOUNG_LARGE`, no `TRACK_YOUNG_PTRS`): the program initializes them
//! without barriers, and those that die young are freed at once. They never
//! move.
//!
//! **Old generation** (`oldgen`): objects up to 512 bytes in size-class
//! cells (63 classes, multiples of 8) of 16 KiB pages carved from 1 MiB
//! aligned arenas; bigger objects in chunks of their own (malloc below 64 KiB,
//! mmap above). Allocation takes the current page's free list, then its
//! never-used tail, then the next page with room, then a free page of the
//! fullest arena, then a new arena.
//!
//! **Major collection:** after a minor collection (so no young objects, no
//! remembered set, no cards), marks from the shadow stack, the static roots
//! and the prebuilt roots with an explicit stack (`MARKED`; prebuilt objects
//! are not marked, objects without pointers are not pushed), then sweeps all
//! pages and chunks: unmarked cells go to their page's free list, unmarked
//! chunks are freed. It starts when an allocation finds the old generation
//! over `next_major = max(major_factor * live_after_last_major,
//! min_major_threshold)`; `major_factor` is 1.82 (PyPy's value: a heap at most
//! ~1.8x the live data between collections, and a marking cost amortized
//! over at least 0.82x the live size of allocation).
//!
//! **Memory return.** After each sweep, pages with no live cell go back to
//! their arena. Free pages worth `next_major - live` bytes (what the program
//! will allocate before the next major collection) stay resident, in the
//! fullest arenas; the other free pages are discarded with
//! `madvise(MADV_DONTNEED)`, and arenas left with no used page are unmapped.
//! So a heap that shrinks gives its memory back at the next major
//! collection, while a steady heap does not fault its pages in again every
//! cycle. Chunks are freed (big ones unmapped) as soon as they are swept.
//! Arenas are sorted fullest first, so new pages come from them and sparse
//! arenas empty out. Objects never move in the old generation, so a page
//! with a single live cell stays (fragmentation is bounded by the page
//! size, not compacted away).
//!
//! **Cards.** An object in a chunk whose items hold GC pointers and that has
//! more than 128 items gets a card table just before its header: one bit per
//! 128 items, card `k` being bit `k % 8` of the byte at `obj - 1 - k / 8`,
//! rounded up to 8 bytes. The array barrier on such an object marks the card
//! and, the first time, sets `CARDS_SET` and adds the array to the card list;
//! `TRACK_YOUNG_PTRS` stays set. A minor collection scans only the marked
//! cards' items, then clears them. (Nursery arrays need no cards: they are
//! young. An array smaller than a chunk is simply remembered whole.)
//!
//! **Identity hashes.** An old, large or prebuilt object's hash is its
//! address: it never moves. A nursery object's hash is the address it will
//! have in the old generation: `identityhash` allocates that cell now (the
//! object's *shadow*), records it in a side table and sets `HAS_SHADOW`; the
//! minor collection copies the object into its shadow. So hashes are unique
//! among live objects (a nursery address is never a hash, and nursery
//! addresses are reused after every minor collection), which `id()` needs,
//! and no object grows when it moves. The shadow of an object that dies
//! young is garbage, freed by the next major collection.
//!
//! **Heap limit.** `RPY_GC_MAX_HEAP` bounds the old generation (objects,
//! large ones included; not the nursery). An allocation that finds it over
//! the limit after a minor collection runs a major one, and if that does
//! not help returns null (the program raises MemoryError and may recover);
//! `nursery_top` is then lowered to `nursery_free`, so every allocation
//! comes back to the collector until the heap is under the limit again. A
//! large allocation counts its own size. The limit is soft inside a
//! collection: survivors are always copied (the heap may pass the limit by
//! one nursery's worth). When the system refuses memory to an allocation
//! (mmap or malloc fails) it also returns null.
//!
//! # Configuration (environment variables, read by `rpy_gc_init`)
//!
//! | variable | default | |
//! |---|---|---|
//! | `RPY_GC_NURSERY` | 4 x L2 cache size, clamped to 4..16 MiB; 4 MiB if unknown | nursery size (`64k`, `4M`, ...); at least 64 KiB |
//! | `RPY_GC_MAJOR_FACTOR` | 1.82 | growth of the old generation that starts a major collection |
//! | `RPY_GC_MIN_MAJOR` | 4 x nursery | no major collection below this heap size |
//! | `RPY_GC_MAX_HEAP` | none | old generation limit; allocations beyond it fail |
//! | `RPY_GC_STRESS` | 0 | 1: collect at every allocation that reaches the collector, major every 16th; N > 1: major every N-th |
//! | `RPY_GC_ROOT_STACK` | 8M | shadow stack size |
//! | `RPY_GC_STATS` | 0 | 1: summary on stderr at exit (`atexit`, or `rpy_gc_finish` if called first); 2: also a line per collection |
//! | `RPY_GC_VERIFY` | 0 | 1: check the heap after every collection (slow) |
//!
//! In stress mode `nursery_top` is kept equal to `nursery_free`, so every
//! inline allocation takes the slow path and collects. (`PYPYLOG` is left to
//! the runtime, which will own the log for the JIT too.)
//!
//! # Invariants
//!
//! Outside a collection:
//! 1. An old or prebuilt object with `TRACK_YOUNG_PTRS` points to no young
//!    object, except from items whose card is marked (with `CARDS_SET`).
//! 2. An old or prebuilt object without `TRACK_YOUNG_PTRS` is in the
//!    remembered set (exactly once); young objects never have the flag.
//! 3. An object with `CARDS_SET` has `HAS_CARDS` and is in the card list.
//! 4. A prebuilt object without `NO_HEAP_PTRS` is in the prebuilt roots;
//!    one with it points to prebuilt objects only.
//! 5. No object has `MARKED` or `FORWARDED`; a nursery object has no flag
//!    but `HAS_SHADOW`, and has one iff it is in the shadow table.
//! 6. The nursery from `nursery_free` to its end is zero.
//! 7. Old objects never move; nursery objects move once, at their first
//!    minor collection; large and prebuilt objects never move.
//!
//! `Gc::verify_heap` checks all of these on everything reachable.
//!
//! Deliberately absent: incremental or concurrent marking, threads (the
//! state is one global, used by one thread), finalizers, weak references,
//! pinning, compaction of the old generation.

mod config;
mod ffi;
mod gc;
pub mod header;
mod oldgen;
mod os;
mod stats;
pub mod typeinfo;

pub use config::{parse_size, GcConfig, MIN_NURSERY};
pub use ffi::*;
pub use gc::{inline_offsets, Gc, GcInline, HeapCheck, LARGE_OBJECT};
pub use oldgen::{ARENA_SIZE, PAGE_SIZE, SMALL_MAX};
pub use stats::GcStats;
pub use typeinfo::{round_size, Items, TypeInfo, TypeTable, CARD_ITEMS};

/// Size of the object header (`abi::HEADER_SIZE`).
pub const HEADER_SIZE: usize = abi::HEADER_SIZE;

/// The largest object generated code may allocate with the inline fast path:
/// such objects always come from the nursery (the nursery is at least
/// `MIN_NURSERY` bytes and takes objects up to a quarter of its size).
pub const INLINE_ALLOC_MAX: usize = MIN_NURSERY / 4;
const _: () = assert!(INLINE_ALLOC_MAX == abi::GC_INLINE_ALLOC_MAX);
// Generated code addresses these words through `abi::gc`.
const _: () = assert!(
    inline_offsets::NURSERY_FREE == abi::gc::NURSERY_FREE as usize
        && inline_offsets::NURSERY_TOP == abi::gc::NURSERY_TOP as usize
        && inline_offsets::ROOT_STACK_TOP == abi::gc::ROOT_STACK_TOP as usize
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_words_are_at_the_documented_offsets() {
        let gc = Gc::new();
        let base = &gc as *const Gc as usize;
        assert_eq!(&gc.inline as *const _ as usize, base);
        assert_eq!(&gc.inline.nursery_free as *const _ as usize - base, inline_offsets::NURSERY_FREE);
        assert_eq!(&gc.inline.nursery_top as *const _ as usize - base, inline_offsets::NURSERY_TOP);
        assert_eq!(&gc.inline.root_stack_top as *const _ as usize - base, inline_offsets::ROOT_STACK_TOP);
        assert_eq!(&gc.inline.root_stack_base as *const _ as usize - base, inline_offsets::ROOT_STACK_BASE);
        assert_eq!(&gc.inline.root_stack_limit as *const _ as usize - base, inline_offsets::ROOT_STACK_LIMIT);
    }

    #[test]
    fn header_flags_do_not_overlap() {
        use header::*;
        let all = [
            PREBUILT,
            TRACK_YOUNG_PTRS,
            NO_HEAP_PTRS,
            HAS_CARDS,
            CARDS_SET,
            MARKED,
            FORWARDED,
            HAS_SHADOW,
            YOUNG_LARGE,
        ];
        let mut seen = 0;
        for f in all {
            assert_eq!(f.count_ones(), 1);
            assert_eq!(seen & f, 0);
            seen |= f;
        }
        assert_eq!(PREBUILT, abi::FLAG_PREBUILT);
        const { assert!(INLINE_ALLOC_MAX <= LARGE_OBJECT) };
    }

    #[test]
    fn uninitialized_collector_refuses_allocation() {
        let mut gc = Gc::new();
        unsafe {
            assert!(gc.collect_and_reserve(16).is_null());
            assert!(gc.malloc(16, 32).is_null());
            gc.collect();
        }
        assert_eq!(gc.stats().failed_allocations, 2);
    }
}
