//! The type table: what the collector knows about each type id (size and
//! where the GC pointers are). The translator emits it as data; its binary
//! layout is part of the contract (see the crate documentation).

use crate::header;
use crate::os::fatal;

/// One entry of the type table, indexed by type id. 40 bytes, `#[repr(C)]`:
///
/// | offset | field | meaning |
/// |---|---|---|
/// | 0  | `flags: u32` | `T_VALID`, `T_VARSIZE`, `T_ITEMS_ARE_PTRS` |
/// | 4  | `fixed_size: u32` | size in bytes, header included; for a varsize type the size with 0 items |
/// | 8  | `length_offset: u32` | varsize: offset of the item count (a `Signed`) |
/// | 12 | `items_offset: u32` | varsize: offset of item 0 |
/// | 16 | `item_size: u32` | varsize: bytes per item |
/// | 20 | `item_ptr_count: u32` | varsize, struct items: number of GC pointers in each item |
/// | 24 | `ptr_offsets: *const u32` | GC pointer fields of the fixed part: offsets, ending with 0 (null = none) |
/// | 32 | `item_ptr_offsets: *const u32` | `item_ptr_count` offsets inside one item (null if the count is 0) |
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct TypeInfo {
    pub flags: u32,
    pub fixed_size: u32,
    pub length_offset: u32,
    pub items_offset: u32,
    pub item_size: u32,
    pub item_ptr_count: u32,
    pub ptr_offsets: *const u32,
    pub item_ptr_offsets: *const u32,
}

/// The entry describes a type (entries of unused type ids, and always entry 0, are all zero).
pub const T_VALID: u32 = 1;
/// The type has a variable-sized part: a length word and items.
pub const T_VARSIZE: u32 = 2;
/// Every item is one GC pointer (`item_size` is 8); `item_ptr_*` are ignored.
pub const T_ITEMS_ARE_PTRS: u32 = 4;

/// Items per card: one card bit covers this many consecutive items.
pub const CARD_ITEMS: usize = 128;
/// log2(CARD_ITEMS).
pub const CARD_SHIFT: u32 = 7;

impl TypeInfo {
    pub const INVALID: TypeInfo = TypeInfo {
        flags: 0,
        fixed_size: 0,
        length_offset: 0,
        items_offset: 0,
        item_size: 0,
        item_ptr_count: 0,
        ptr_offsets: std::ptr::null(),
        item_ptr_offsets: std::ptr::null(),
    };

    #[inline(always)]
    pub fn is_varsize(&self) -> bool {
        self.flags & T_VARSIZE != 0
    }

    /// Whether the items hold GC pointers (such arrays may get card tables).
    #[inline(always)]
    pub fn items_have_ptrs(&self) -> bool {
        self.flags & T_VARSIZE != 0 && (self.flags & T_ITEMS_ARE_PTRS != 0 || self.item_ptr_count > 0)
    }

    /// Allocation size for `length` items: header included, a multiple of 8,
    /// at least `MIN_OBJECT` bytes. None on overflow.
    #[inline]
    pub fn size_for(&self, length: usize) -> Option<usize> {
        let mut size = self.fixed_size as usize;
        if self.is_varsize() {
            let items = length.checked_mul(self.item_size as usize)?.checked_add(self.items_offset as usize)?;
            size = size.max(items);
        }
        round_size(size)
    }
}

/// The smallest object: a header and one word (the forwarding address of a
/// copied nursery object, the link of a free old-generation cell).
pub const MIN_OBJECT: usize = 16;

/// `size` rounded up to 8 bytes and to at least `MIN_OBJECT`; None on overflow.
#[inline(always)]
pub fn round_size(size: usize) -> Option<usize> {
    size.max(MIN_OBJECT).checked_add(7).map(|s| s & !7)
}

/// The table as the collector reads it: a pointer and a count.
#[derive(Clone, Copy)]
pub(crate) struct Types {
    pub ptr: *const TypeInfo,
    pub len: usize,
}

impl Types {
    pub const EMPTY: Types = Types { ptr: std::ptr::null(), len: 0 };

    /// The entry of a type id, if valid.
    #[inline(always)]
    pub unsafe fn get(&self, tid: u32) -> Option<&'static TypeInfo> {
        if (tid as usize) < self.len {
            let info = &*self.ptr.add(tid as usize);
            if info.flags & T_VALID != 0 {
                return Some(info);
            }
        }
        None
    }

    /// The entry of an object's type; a bad type id means a corrupted heap.
    #[inline(always)]
    pub unsafe fn of(&self, obj: *const u8) -> &'static TypeInfo {
        let tid = header::tid(obj);
        match self.get(tid) {
            Some(i) => i,
            None => bad_object(obj),
        }
    }
}

#[cold]
fn bad_object(obj: *const u8) -> ! {
    let w = unsafe { header::word(obj) };
    fatal(&format!("object {:p} has an invalid header {:#x} (corrupted heap or missing write barrier)", obj, w))
}

/// The item count of a varsize object (0 for a fixed-size one).
#[inline(always)]
pub(crate) unsafe fn length(info: &TypeInfo, obj: *const u8) -> usize {
    if !info.is_varsize() {
        return 0;
    }
    let n = (obj.add(info.length_offset as usize) as *const i64).read();
    if n < 0 {
        fatal(&format!("object {:p} has a negative length {}", obj, n));
    }
    n as usize
}

/// The object's size in bytes (as allocated) and its item count.
#[inline(always)]
pub(crate) unsafe fn object_size(info: &TypeInfo, obj: *const u8) -> (usize, usize) {
    let n = length(info, obj);
    match info.size_for(n) {
        Some(s) => (s, n),
        None => fatal(&format!("object {:p} has an impossible length {}", obj, n)),
    }
}

/// Calls `f` on the address of every GC pointer slot of the object.
#[inline(always)]
pub(crate) unsafe fn trace(info: &TypeInfo, obj: *mut u8, mut f: impl FnMut(*mut *mut u8)) {
    let mut o = info.ptr_offsets;
    if !o.is_null() {
        while *o != 0 {
            f(obj.add(*o as usize) as *mut *mut u8);
            o = o.add(1);
        }
    }
    if info.items_have_ptrs() {
        let n = length(info, obj);
        trace_items(info, obj, 0, n, f);
    }
}

/// Calls `f` on the GC pointer slots of items `from..to` (`to` <= length).
#[inline(always)]
pub(crate) unsafe fn trace_items(
    info: &TypeInfo,
    obj: *mut u8,
    from: usize,
    to: usize,
    mut f: impl FnMut(*mut *mut u8),
) {
    let base = obj.add(info.items_offset as usize);
    if info.flags & T_ITEMS_ARE_PTRS != 0 {
        let slots = base as *mut *mut u8;
        for i in from..to {
            f(slots.add(i));
        }
    } else if info.item_ptr_count > 0 {
        let size = info.item_size as usize;
        let offs = std::slice::from_raw_parts(info.item_ptr_offsets, info.item_ptr_count as usize);
        for i in from..to {
            let item = base.add(i * size);
            for &o in offs {
                f(item.add(o as usize) as *mut *mut u8);
            }
        }
    }
}

/// Like `trace`, also giving the item index of item slots (None for fixed fields).
pub(crate) unsafe fn trace_indexed(info: &TypeInfo, obj: *mut u8, mut f: impl FnMut(*mut *mut u8, Option<usize>)) {
    let mut o = info.ptr_offsets;
    if !o.is_null() {
        while *o != 0 {
            f(obj.add(*o as usize) as *mut *mut u8, None);
            o = o.add(1);
        }
    }
    if info.items_have_ptrs() {
        let n = length(info, obj);
        for i in 0..n {
            trace_items(info, obj, i, i + 1, |s| f(s, Some(i)));
        }
    }
}

/// Bytes of card table an object needs: one bit per `CARD_ITEMS` items,
/// rounded up to 8 bytes; 0 when the items hold no pointers or fit in one card.
#[inline]
pub(crate) fn card_bytes(info: &TypeInfo, length: usize) -> usize {
    if !info.items_have_ptrs() || length <= CARD_ITEMS {
        return 0;
    }
    let cards = length.div_ceil(CARD_ITEMS);
    cards.div_ceil(8).div_ceil(8) * 8
}

/// Checks the table the translator emitted, so a backend bug is reported at
/// start-up instead of corrupting the heap later.
///
/// # Safety
/// `ptr` points to `len` entries whose offset lists are readable.
pub unsafe fn validate(ptr: *const TypeInfo, len: usize) -> Result<(), String> {
    if len > 0 && ptr.is_null() {
        return Err("type table pointer is null".into());
    }
    if len > u32::MAX as usize {
        return Err("type table too long".into());
    }
    for tid in 0..len {
        let t = &*ptr.add(tid);
        if t.flags & T_VALID == 0 {
            continue;
        }
        let err = |m: &str| Err(format!("type table entry {}: {}", tid, m));
        if tid == 0 {
            return err("type id 0 is reserved (free cells have a zero header)");
        }
        if t.flags & !(T_VALID | T_VARSIZE | T_ITEMS_ARE_PTRS) != 0 {
            return err("unknown flags");
        }
        let fixed = t.fixed_size as usize;
        if fixed < crate::HEADER_SIZE {
            return err("fixed_size smaller than the header");
        }
        let mut o = t.ptr_offsets;
        if !o.is_null() {
            let mut count = 0;
            while *o != 0 {
                let off = *o as usize;
                if !off.is_multiple_of(8) || off < crate::HEADER_SIZE || off + 8 > fixed {
                    return err(&format!("bad pointer offset {}", off));
                }
                o = o.add(1);
                count += 1;
                if count > fixed / 8 {
                    return err("pointer offset list not terminated by 0");
                }
            }
        }
        if t.flags & T_VARSIZE != 0 {
            let lo = t.length_offset as usize;
            if !lo.is_multiple_of(8) || lo < crate::HEADER_SIZE || lo + 8 > fixed.max(t.items_offset as usize) {
                return err("bad length_offset");
            }
            if (t.items_offset as usize) < crate::HEADER_SIZE {
                return err("bad items_offset");
            }
            if t.flags & T_ITEMS_ARE_PTRS != 0 {
                if t.item_size != 8 || !t.items_offset.is_multiple_of(8) {
                    return err("T_ITEMS_ARE_PTRS needs 8-byte items at an 8-aligned offset");
                }
            } else if t.item_ptr_count > 0 {
                if t.item_ptr_offsets.is_null() || !t.item_size.is_multiple_of(8) || !t.items_offset.is_multiple_of(8) {
                    return err(
                        "items with pointers need item_ptr_offsets, 8-byte multiple item_size and 8-aligned items",
                    );
                }
                for i in 0..t.item_ptr_count as usize {
                    let off = *t.item_ptr_offsets.add(i);
                    if !off.is_multiple_of(8) || off + 8 > t.item_size {
                        return err(&format!("bad item pointer offset {}", off));
                    }
                }
            }
        } else if t.flags & T_ITEMS_ARE_PTRS != 0 || t.item_ptr_count != 0 {
            return err("item pointers on a fixed-size type");
        }
    }
    Ok(())
}

/// Which GC pointers the items of a varsize type hold.
#[derive(Clone, Copy, Debug)]
pub enum Items<'a> {
    /// No GC pointers in the items (strings, arrays of numbers).
    NoPtrs,
    /// Every item is one GC pointer.
    Ptrs,
    /// Struct items: the offsets of the GC pointers inside one item.
    Struct(&'a [u32]),
}

/// A type table built in Rust (tests, and the runtime's own types if it
/// wants them): owns the entries and their offset lists, so the pointers in
/// the entries stay valid while it lives.
#[derive(Default)]
pub struct TypeTable {
    entries: Vec<TypeInfo>,
    lists: Vec<Box<[u32]>>,
}

impl TypeTable {
    pub fn new() -> TypeTable {
        TypeTable::default()
    }

    fn list(&mut self, offsets: &[u32], terminate: bool) -> *const u32 {
        if offsets.is_empty() {
            return std::ptr::null();
        }
        let mut v = offsets.to_vec();
        if terminate {
            v.push(0);
        }
        let b = v.into_boxed_slice();
        let p = b.as_ptr();
        self.lists.push(b);
        p
    }

    fn set(&mut self, tid: u32, info: TypeInfo) {
        let i = tid as usize;
        if self.entries.len() <= i {
            self.entries.resize(i + 1, TypeInfo::INVALID);
        }
        self.entries[i] = info;
    }

    /// A fixed-size type of `size` bytes (header included) with GC pointers at `ptr_offsets`.
    pub fn add_fixed(&mut self, tid: u32, size: u32, ptr_offsets: &[u32]) -> &mut Self {
        let ptr_offsets = self.list(ptr_offsets, true);
        self.set(tid, TypeInfo { flags: T_VALID, fixed_size: size, ptr_offsets, ..TypeInfo::INVALID });
        self
    }

    /// A varsize type: `fixed_size` bytes with no items (header and fixed
    /// fields, GC pointers at `ptr_offsets`), the length at `length_offset`,
    /// items of `item_size` bytes from `items_offset`.
    #[allow(clippy::too_many_arguments)] // one per field of the entry
    pub fn add_varsize(
        &mut self,
        tid: u32,
        fixed_size: u32,
        ptr_offsets: &[u32],
        length_offset: u32,
        items_offset: u32,
        item_size: u32,
        items: Items<'_>,
    ) -> &mut Self {
        let ptr_offsets = self.list(ptr_offsets, true);
        let mut info = TypeInfo {
            flags: T_VALID | T_VARSIZE,
            fixed_size,
            length_offset,
            items_offset,
            item_size,
            ptr_offsets,
            ..TypeInfo::INVALID
        };
        match items {
            Items::NoPtrs => {}
            Items::Ptrs => info.flags |= T_ITEMS_ARE_PTRS,
            Items::Struct(offs) => {
                info.item_ptr_count = offs.len() as u32;
                info.item_ptr_offsets = self.list(offs, false);
            }
        }
        self.set(tid, info);
        self
    }

    /// The built-in types of `abi` (STR, PTR_ARRAY, PTR_LIST), which every program has.
    pub fn with_abi_types() -> TypeTable {
        use abi::{ptr_array_layout as pa, ptr_list_layout as pl, str_layout as s};
        let mut t = TypeTable::new();
        t.add_varsize(abi::TID_STR, s::CHARS as u32, &[], s::LENGTH as u32, s::CHARS as u32, 1, Items::NoPtrs);
        t.add_varsize(abi::TID_PTR_ARRAY, pa::ITEMS as u32, &[], pa::LENGTH as u32, pa::ITEMS as u32, 8, Items::Ptrs);
        t.add_fixed(abi::TID_PTR_LIST, pl::SIZE as u32, &[pl::ITEMS as u32]);
        t
    }

    pub fn as_ptr(&self) -> *const TypeInfo {
        self.entries.as_ptr()
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn get(&self, tid: u32) -> Option<&TypeInfo> {
        self.entries.get(tid as usize).filter(|t| t.flags & T_VALID != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_of_the_entry_is_the_documented_one() {
        assert_eq!(std::mem::size_of::<TypeInfo>(), 40);
        let t = TypeInfo::INVALID;
        let base = &t as *const _ as usize;
        assert_eq!(&t.fixed_size as *const _ as usize - base, 4);
        assert_eq!(&t.length_offset as *const _ as usize - base, 8);
        assert_eq!(&t.items_offset as *const _ as usize - base, 12);
        assert_eq!(&t.item_size as *const _ as usize - base, 16);
        assert_eq!(&t.item_ptr_count as *const _ as usize - base, 20);
        assert_eq!(&t.ptr_offsets as *const _ as usize - base, 24);
        assert_eq!(&t.item_ptr_offsets as *const _ as usize - base, 32);
    }

    #[test]
    fn sizes_and_cards() {
        let t = TypeTable::with_abi_types();
        unsafe { validate(t.as_ptr(), t.len()).unwrap() };
        let s = t.get(abi::TID_STR).unwrap();
        assert_eq!(s.size_for(0), Some(24));
        assert_eq!(s.size_for(1), Some(32));
        assert_eq!(s.size_for(8), Some(32));
        assert_eq!(s.size_for(usize::MAX), None);
        let a = t.get(abi::TID_PTR_ARRAY).unwrap();
        assert_eq!(a.size_for(0), Some(16));
        assert_eq!(a.size_for(3), Some(40));
        assert!(a.items_have_ptrs() && !s.items_have_ptrs());
        assert_eq!(card_bytes(a, 128), 0);
        assert_eq!(card_bytes(a, 129), 8);
        assert_eq!(card_bytes(a, 128 * 64), 8);
        assert_eq!(card_bytes(a, 128 * 64 + 1), 16);
        assert_eq!(card_bytes(s, 100000), 0);
        assert_eq!(round_size(0), Some(16));
        assert_eq!(round_size(17), Some(24));
        assert_eq!(round_size(usize::MAX), None);
    }

    #[test]
    fn validation_catches_bad_tables() {
        let mut t = TypeTable::new();
        t.add_fixed(16, 24, &[8, 20]);
        assert!(unsafe { validate(t.as_ptr(), t.len()) }.unwrap_err().contains("bad pointer offset 20"));
        let mut t = TypeTable::new();
        t.add_fixed(0, 24, &[]);
        assert!(unsafe { validate(t.as_ptr(), t.len()) }.unwrap_err().contains("reserved"));
        let mut t = TypeTable::new();
        t.add_varsize(5, 16, &[], 8, 16, 4, Items::Ptrs);
        assert!(unsafe { validate(t.as_ptr(), t.len()) }.is_err());
        let mut t = TypeTable::new();
        t.add_varsize(5, 16, &[], 8, 16, 24, Items::Struct(&[0, 8]));
        t.add_fixed(6, 32, &[8, 16, 24]);
        unsafe { validate(t.as_ptr(), t.len()).unwrap() };
        assert!(unsafe { validate(std::ptr::null(), 3) }.is_err());
    }
}
