//! The old generation's memory: size-class pages in arenas for small objects,
//! and individually allocated chunks for the others. Objects here never move.
//!
//! Small objects (up to `SMALL_MAX` bytes) live in cells of 16 KiB pages; each
//! page serves one size class (multiples of 8 bytes). Pages come from 1 MiB
//! arenas mapped from the system and aligned to their size; page 0 of an
//! arena holds its header (the state of each page). A free cell has a zero
//! header word and the next free cell of its page in word 1; cells past a
//! page's `bump` pointer were never used. Sweeping rebuilds each page's free
//! list and each class's list of pages with room; a page with no live cell
//! goes back to its arena, a free page's memory is given back with
//! `madvise(DONTNEED)`, and an arena with no used page is unmapped.
//!
//! Bigger objects get a chunk each: a 40-byte header linking all chunks of a
//! generation, then the object's card table if it has one, then the object.
//! Chunks up to `CHUNK_MMAP` bytes come from the system allocator (malloc),
//! bigger ones straight from mmap, so freeing them returns the memory at once.

use crate::header;
use crate::os;
use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr::null_mut;

pub const PAGE_SIZE: usize = 16 << 10;
pub const ARENA_SIZE: usize = 1 << 20;
const NPAGES: usize = ARENA_SIZE / PAGE_SIZE;
/// Bytes at the start of a page for its header.
const PAGE_HDR: usize = 64;
/// The largest object kept in size-class pages.
pub const SMALL_MAX: usize = 512;
const NCLASSES: usize = SMALL_MAX / 8 - 1;

/// Page states in the arena header.
const P_CLEAN: u8 = 0; // free, memory given back (or never touched)
const P_DIRTY: u8 = 1; // free, memory still resident
const P_USED: u8 = 2;
const P_HEADER: u8 = 3;

const ARENA_MAGIC: usize = 0x4152_454e_4147_4321;

#[repr(C)]
struct Page {
    /// Next page in the size class's list of pages with room.
    next: *mut Page,
    cell: usize,
    free_list: *mut u8,
    /// Cells from here to `limit` were never used.
    bump: *mut u8,
    limit: *mut u8,
}

#[repr(C)]
struct Arena {
    magic: usize,
    nfree: usize,
    state: [u8; NPAGES],
}

#[derive(Clone, Copy)]
struct SizeClass {
    current: *mut Page,
    /// Pages with free cells, linked through `Page::next`.
    partial: *mut Page,
}

pub struct OldGen {
    classes: [SizeClass; NCLASSES],
    arenas: Vec<*mut Arena>,
    /// Bytes of allocated cells.
    pub cell_bytes: usize,
}

#[inline(always)]
fn class_of(size: usize) -> usize {
    size / 8 - 2
}

#[inline(always)]
unsafe fn first_cell(page: *mut Page) -> *mut u8 {
    (page as *mut u8).add(PAGE_HDR)
}

impl OldGen {
    pub const fn new() -> OldGen {
        OldGen {
            classes: [SizeClass { current: null_mut(), partial: null_mut() }; NCLASSES],
            arenas: Vec::new(),
            cell_bytes: 0,
        }
    }

    /// A cell of `size` bytes (a multiple of 8 in `16..=SMALL_MAX`) with
    /// unspecified contents, or null when the system has no memory.
    #[inline]
    pub unsafe fn alloc(&mut self, size: usize) -> *mut u8 {
        debug_assert!(size.is_multiple_of(8) && (16..=SMALL_MAX).contains(&size));
        let idx = class_of(size);
        loop {
            let page = self.classes[idx].current;
            if !page.is_null() {
                let p = (*page).free_list;
                if !p.is_null() {
                    (*page).free_list = *(p.add(8) as *mut *mut u8);
                    self.cell_bytes += size;
                    return p;
                }
                let b = (*page).bump;
                if (b as usize) + size <= (*page).limit as usize {
                    (*page).bump = b.add(size);
                    self.cell_bytes += size;
                    return b;
                }
            }
            let sc = &mut self.classes[idx];
            if !sc.partial.is_null() {
                sc.current = sc.partial;
                sc.partial = (*sc.partial).next;
                continue;
            }
            let page = self.new_page(size);
            if page.is_null() {
                return null_mut();
            }
            self.classes[idx].current = page;
        }
    }

    /// A free page set up for cells of `cell` bytes, from the fullest arena
    /// with room (the arena list is kept sorted that way), or a new arena.
    unsafe fn new_page(&mut self, cell: usize) -> *mut Page {
        let mut arena = null_mut();
        for &a in &self.arenas {
            if (*a).nfree > 0 {
                arena = a;
                break;
            }
        }
        if arena.is_null() {
            if self.arenas.try_reserve(1).is_err() {
                return null_mut();
            }
            let a = os::map_aligned(ARENA_SIZE, ARENA_SIZE) as *mut Arena;
            if a.is_null() {
                return null_mut();
            }
            (*a).magic = ARENA_MAGIC;
            (*a).nfree = NPAGES - 1;
            (*a).state = [P_CLEAN; NPAGES];
            (*a).state[0] = P_HEADER;
            self.arenas.push(a);
            arena = a;
        }
        let st = &mut (*arena).state;
        // Prefer a page whose memory is still resident.
        let i = match st.iter().position(|&s| s == P_DIRTY) {
            Some(i) => i,
            None => match st.iter().position(|&s| s == P_CLEAN) {
                Some(i) => i,
                None => os::fatal("arena free-page count is wrong"),
            },
        };
        st[i] = P_USED;
        (*arena).nfree -= 1;
        let page = (arena as *mut u8).add(i * PAGE_SIZE) as *mut Page;
        let first = first_cell(page);
        (*page).next = null_mut();
        (*page).cell = cell;
        (*page).free_list = null_mut();
        (*page).bump = first;
        (*page).limit = first.add((PAGE_SIZE - PAGE_HDR) / cell * cell);
        page
    }

    /// Frees every cell whose header lacks `MARKED` and clears the mark of the
    /// others. Rebuilds the free lists; pages left empty go back to their
    /// arena. Returns the bytes of live cells.
    pub unsafe fn sweep(&mut self) -> usize {
        for sc in self.classes.iter_mut() {
            sc.current = null_mut();
            sc.partial = null_mut();
        }
        let mut live = 0;
        for ai in 0..self.arenas.len() {
            let a = self.arenas[ai];
            for i in 1..NPAGES {
                if (*a).state[i] != P_USED {
                    continue;
                }
                let page = (a as *mut u8).add(i * PAGE_SIZE) as *mut Page;
                let cell = (*page).cell;
                let mut free: *mut u8 = null_mut();
                let mut nlive = 0;
                let mut p = first_cell(page);
                let bump = (*page).bump;
                while p < bump {
                    let f = header::flags(p);
                    if header::word(p) != 0 && f & header::MARKED != 0 {
                        header::set_flags(p, f & !header::MARKED);
                        nlive += 1;
                    } else {
                        (p as *mut u64).write(0);
                        (p.add(8) as *mut *mut u8).write(free);
                        free = p;
                    }
                    p = p.add(cell);
                }
                if nlive == 0 {
                    (*a).state[i] = P_DIRTY;
                    (*a).nfree += 1;
                    continue;
                }
                live += nlive * cell;
                (*page).free_list = free;
                if !free.is_null() || (*page).bump < (*page).limit {
                    let sc = &mut self.classes[class_of(cell)];
                    (*page).next = sc.partial;
                    sc.partial = page;
                }
            }
        }
        self.cell_bytes = live;
        live
    }

    /// Gives free memory back to the system, except `keep` bytes of free
    /// pages (what the program is expected to fill before the next major
    /// collection, so they are not faulted in again at once). Arenas are
    /// sorted fullest first, so new pages come from them and sparse arenas
    /// empty out; the kept pages are those of the fullest arenas, the
    /// released ones those of the emptiest: arenas with no used page are
    /// unmapped, the free pages of the others discarded with madvise.
    pub unsafe fn release(&mut self, keep: usize) {
        self.arenas.sort_unstable_by_key(|&a| (*a).nfree);
        let mut budget = keep;
        let mut i = 0;
        while i < self.arenas.len() {
            let a = self.arenas[i];
            if (*a).nfree == NPAGES - 1 && budget < PAGE_SIZE {
                os::unmap(a as *mut u8, ARENA_SIZE);
                self.arenas.remove(i);
                continue;
            }
            let mut j = 1;
            while j < NPAGES {
                if (*a).state[j] != P_DIRTY {
                    j += 1;
                    continue;
                }
                if budget >= PAGE_SIZE {
                    budget -= PAGE_SIZE;
                    j += 1;
                    continue;
                }
                let start = j;
                while j < NPAGES && (*a).state[j] == P_DIRTY {
                    (*a).state[j] = P_CLEAN;
                    j += 1;
                }
                os::discard((a as *mut u8).add(start * PAGE_SIZE), (j - start) * PAGE_SIZE);
            }
            i += 1;
        }
    }

    /// Bytes of arena memory that may be resident: used and dirty pages and
    /// the header pages.
    pub fn committed(&self) -> usize {
        self.arenas.iter().map(|&a| unsafe { (*a).state.iter().filter(|&&s| s != P_CLEAN).count() * PAGE_SIZE }).sum()
    }

    pub fn arena_count(&self) -> usize {
        self.arenas.len()
    }

    /// Whether `p` is an allocated cell (for the heap checker).
    pub unsafe fn is_cell(&self, p: *const u8) -> bool {
        let a = (p as usize & !(ARENA_SIZE - 1)) as *mut Arena;
        if !self.arenas.contains(&a) {
            return false;
        }
        let i = (p as usize - a as usize) / PAGE_SIZE;
        if i == 0 || (*a).state[i] != P_USED {
            return false;
        }
        let page = (a as *mut u8).add(i * PAGE_SIZE) as *mut Page;
        let first = first_cell(page) as usize;
        let p = p as usize;
        p >= first && p < (*page).bump as usize && (p - first).is_multiple_of((*page).cell) && *(p as *const u64) != 0
    }

    /// Unmaps everything (the collector is being dropped).
    pub unsafe fn destroy(&mut self) {
        for &a in &self.arenas {
            os::unmap(a as *mut u8, ARENA_SIZE);
        }
        self.arenas.clear();
        self.classes = [SizeClass { current: null_mut(), partial: null_mut() }; NCLASSES];
        self.cell_bytes = 0;
    }
}

/// The header of a chunk holding one big object.
#[repr(C)]
pub struct Chunk {
    pub next: *mut Chunk,
    pub prev: *mut Chunk,
    /// Bytes allocated for the whole chunk.
    pub total: usize,
    /// The object is at `chunk + obj_offset`; the card table, if any, just before it.
    pub obj_offset: usize,
    mmapped: usize,
}

const CHUNK_HDR: usize = std::mem::size_of::<Chunk>();
/// Chunks at least this big are mapped from the system directly.
pub const CHUNK_MMAP: usize = 64 << 10;

impl Chunk {
    #[inline(always)]
    pub unsafe fn obj(c: *mut Chunk) -> *mut u8 {
        (c as *mut u8).add((*c).obj_offset)
    }

    /// A chunk for an object of `size` bytes with `card_bytes` of (zeroed)
    /// card table before it; the object is zeroed if `zero`. Null if the
    /// system has no memory.
    pub unsafe fn alloc(size: usize, card_bytes: usize, zero: bool) -> *mut Chunk {
        let Some(total) = size.checked_add(CHUNK_HDR + card_bytes) else { return null_mut() };
        let (c, total, mmapped) = if total >= CHUNK_MMAP {
            let Some(t) = os::round_up(total, os::OS_PAGE) else { return null_mut() };
            (os::map(t), t, 1)
        } else {
            let layout = Layout::from_size_align_unchecked(total, 16);
            let p = if zero { System.alloc_zeroed(layout) } else { System.alloc(layout) };
            if !p.is_null() && !zero {
                std::ptr::write_bytes(p.add(CHUNK_HDR), 0, card_bytes);
            }
            (p, total, 0)
        };
        if c.is_null() {
            return null_mut();
        }
        let c = c as *mut Chunk;
        (*c).next = null_mut();
        (*c).prev = null_mut();
        (*c).total = total;
        (*c).obj_offset = CHUNK_HDR + card_bytes;
        (*c).mmapped = mmapped;
        c
    }

    pub unsafe fn free(c: *mut Chunk) {
        if (*c).mmapped != 0 {
            os::unmap(c as *mut u8, (*c).total);
        } else {
            System.dealloc(c as *mut u8, Layout::from_size_align_unchecked((*c).total, 16));
        }
    }

    pub unsafe fn push(head: &mut *mut Chunk, c: *mut Chunk) {
        (*c).prev = null_mut();
        (*c).next = *head;
        if !head.is_null() {
            (**head).prev = c;
        }
        *head = c;
    }

    pub unsafe fn unlink(head: &mut *mut Chunk, c: *mut Chunk) {
        if (*c).prev.is_null() {
            *head = (*c).next;
        } else {
            (*(*c).prev).next = (*c).next;
        }
        if !(*c).next.is_null() {
            (*(*c).next).prev = (*c).prev;
        }
        (*c).next = null_mut();
        (*c).prev = null_mut();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_reused_after_sweep() {
        let mut o = OldGen::new();
        unsafe {
            let mut cells = Vec::new();
            for i in 0..5000 {
                let p = o.alloc(48);
                assert!(!p.is_null());
                assert_eq!(p as usize % 8, 0);
                (p as *mut u64).write(header::make(16, if i % 2 == 0 { header::MARKED } else { 0 }));
                cells.push(p);
            }
            assert_eq!(o.cell_bytes, 5000 * 48);
            assert!(o.is_cell(cells[10]));
            assert!(!o.is_cell(cells[10].add(8)));
            let live = o.sweep();
            assert_eq!(live, 2500 * 48);
            assert!(o.is_cell(cells[0]) && !o.is_cell(cells[1]));
            assert_eq!(header::flags(cells[0]), 0);
            // Freed cells are handed out again (or the never-used tail of a
            // page that has some) before new pages.
            let arenas = o.arena_count();
            let old: std::collections::HashSet<_> = cells.iter().copied().collect();
            let mut reused = 0;
            for _ in 0..2500 {
                let p = o.alloc(48);
                reused += old.contains(&p) as usize;
                (p as *mut u64).write(header::make(16, 0));
            }
            assert!(reused >= 2500 - (PAGE_SIZE - PAGE_HDR) / 48, "{}", reused);
            assert_eq!(o.arena_count(), arenas);
            // Nothing marked: every page becomes free and the arenas go away.
            assert_eq!(o.sweep(), 0);
            o.release(PAGE_SIZE * 3);
            assert_eq!(o.committed(), 3 * PAGE_SIZE + PAGE_SIZE);
            o.release(0);
            assert_eq!(o.arena_count(), 0);
            assert_eq!(o.committed(), 0);
            o.destroy();
        }
    }

    #[test]
    fn every_size_class() {
        let mut o = OldGen::new();
        unsafe {
            for size in (16..=SMALL_MAX).step_by(8) {
                for _ in 0..100 {
                    let p = o.alloc(size);
                    std::ptr::write_bytes(p, 0xab, size);
                    (p as *mut u64).write(header::make(16, header::MARKED));
                }
            }
            let total: usize = (16..=SMALL_MAX).step_by(8).map(|s| 100 * s).sum();
            assert_eq!(o.sweep(), total);
            o.destroy();
        }
    }

    #[test]
    fn chunks() {
        unsafe {
            let mut head = null_mut();
            let a = Chunk::alloc(1000, 16, false);
            let b = Chunk::alloc(200_000, 0, true);
            assert_eq!(*(Chunk::obj(a).sub(1)), 0);
            assert_eq!(*(Chunk::obj(a).sub(16)), 0);
            assert_eq!(*(Chunk::obj(b).add(199_999)), 0);
            Chunk::push(&mut head, a);
            Chunk::push(&mut head, b);
            Chunk::unlink(&mut head, a);
            assert_eq!(head, b);
            Chunk::unlink(&mut head, b);
            assert!(head.is_null());
            Chunk::free(a);
            Chunk::free(b);
        }
    }
}
