//! The process-wide collector and the entry points generated code and the
//! runtime call (`extern "C"`, unmangled). They never panic or unwind; a
//! broken contract or a corrupted heap is a fatal error (message, abort).

use crate::config::GcConfig;
use crate::gc::Gc;
use crate::os;
use crate::typeinfo::TypeInfo;
use std::ptr::addr_of_mut;

/// The collector of the process. Generated code addresses its first words
/// (`GcInline`) directly: `rpy_gc+0` is the nursery's free pointer, `+8` its
/// top, `+16` the shadow stack's top (see `inline_offsets`).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut rpy_gc: Gc = Gc::new();

/// The process-wide collector, for the runtime's Rust code.
///
/// # Safety
/// Single-threaded use only; no other reference to it may be alive.
#[inline(always)]
pub unsafe fn global() -> &'static mut Gc {
    &mut *addr_of_mut!(rpy_gc)
}

#[inline(always)]
unsafe fn ready() -> &'static mut Gc {
    let gc = global();
    if !gc.is_ready() {
        os::fatal("the collector is used before rpy_gc_init");
    }
    gc
}

/// Start-up: reads the `RPY_GC_*` variables, maps the nursery and the shadow
/// stack, takes the type table (`rpy_type_info`, `rpy_type_info_count` of
/// the generated object). Returns 0, or -1 after printing why it failed.
///
/// # Safety
/// `types` points to `ntypes` valid entries that live as long as the process.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_init(types: *const TypeInfo, ntypes: usize) -> i64 {
    match global().init(GcConfig::from_env(), types, ntypes) {
        Ok(()) => {
            if global().config().stats >= 1 {
                os::at_exit(finish_at_exit);
            }
            0
        }
        Err(e) => {
            os::write_stderr(format!("rpy_gc_init: {}\n", e).as_bytes());
            -1
        }
    }
}

extern "C" fn finish_at_exit() {
    unsafe { global().finish() }
}

/// Slow path of the inline nursery allocation. See `Gc::collect_and_reserve`.
///
/// # Safety
/// Called by generated code with every live reference on the shadow stack.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collect_and_reserve(size: usize) -> *mut u8 {
    ready().collect_and_reserve(size)
}

/// A zeroed object with its header set, or null (MemoryError). See `Gc::malloc`.
///
/// # Safety
/// As `rpy_gc_collect_and_reserve`.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_malloc(tid: i64, size: i64) -> *mut u8 {
    if tid < 0 || tid > u32::MAX as i64 || size < 0 {
        return std::ptr::null_mut();
    }
    ready().malloc(tid as u32, size as usize)
}

/// A zeroed varsize object with its header and length set, or null. See `Gc::malloc_varsize`.
///
/// # Safety
/// As `rpy_gc_collect_and_reserve`.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_malloc_varsize(tid: i64, length: i64) -> *mut u8 {
    if tid < 0 || tid > u32::MAX as i64 || length < 0 {
        return std::ptr::null_mut();
    }
    ready().malloc_varsize(tid as u32, length as usize)
}

/// Write barrier slow path for a field store. See `Gc::remember_young_pointer`.
///
/// # Safety
/// `obj` is an object whose header has TRACK_YOUNG_PTRS.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_remember_young_pointer(obj: *mut u8) {
    ready().remember_young_pointer(obj)
}

/// Write barrier slow path for an item store. See `Gc::remember_young_pointer_from_array`.
///
/// # Safety
/// As `rpy_gc_remember_young_pointer`; `index` is the item written.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_remember_young_pointer_from_array(obj: *mut u8, index: i64) {
    ready().remember_young_pointer_from_array(obj, index as usize)
}

/// The identity hash (and `id()`) of an object. Never collects. See `Gc::identityhash`.
///
/// # Safety
/// `obj` is null or an object.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_identityhash(obj: *mut u8) -> i64 {
    ready().identityhash(obj)
}

/// A full collection (`rgc.collect()`).
///
/// # Safety
/// Every live reference is on the shadow stack.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collect() {
    ready().collect()
}

/// A minor collection only.
///
/// # Safety
/// As `rpy_gc_collect`.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_collect_minor() {
    ready().collect_minor()
}

/// Registers a word outside the heap that holds a GC pointer.
///
/// # Safety
/// `slot` stays valid for the life of the process.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_add_static_root(slot: *mut *mut u8) {
    global().add_static_root(slot)
}

/// Bytes of objects in the old generation.
///
/// # Safety
/// Single-threaded.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_heap_size() -> i64 {
    global().heap_bytes() as i64
}

/// At exit: prints the statistics when `RPY_GC_STATS` asks for them (also
/// registered with `atexit` by `rpy_gc_init`; prints once).
///
/// # Safety
/// Single-threaded.
#[no_mangle]
pub unsafe extern "C" fn rpy_gc_finish() {
    global().finish()
}
