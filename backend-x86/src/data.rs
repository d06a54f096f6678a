//! Prebuilt GC objects as the bytes of `.data`.
//!
//! Each object is laid out by `TypeTable::layout`: a header (type id, and
//! `abi::FLAG_PREBUILT` in the flags half), its fields, then for a
//! variable-sized object the length word and the items. Pointers to other
//! prebuilt objects, functions or runtime symbols become 64-bit absolute
//! relocations (the linker turns them into RELATIVE dynamic relocations in a
//! PIE; `.data` is writable, so that is allowed).

use std::collections::HashMap;

use flowmodel::{ExitSwitch, Operand};
use lltype::{LlConst, LlProgram, LlType, PrebuiltData, TypeDefKind};

/// The C string constants (`LlConst::CString`) of the program: `.rodata`,
/// each NUL-terminated, identical strings shared.
#[derive(Clone, Debug, Default)]
pub struct CStrings {
    pub bytes: Vec<u8>,
    pub offsets: HashMap<Vec<u8>, u64>,
}

impl CStrings {
    fn add(&mut self, s: &[u8]) {
        if !self.offsets.contains_key(s) {
            self.offsets.insert(s.to_vec(), self.bytes.len() as u64);
            self.bytes.extend_from_slice(s);
            self.bytes.push(0);
        }
    }

    /// Offset of a string in `.rodata`.
    pub fn offset(&self, s: &[u8]) -> Result<u64, String> {
        self.offsets
            .get(s)
            .copied()
            .ok_or_else(|| "C string missing from the pool".to_string())
    }
}

/// Collects every C string constant of the program, in a stable order.
pub fn collect_cstrings(p: &LlProgram) -> CStrings {
    let mut pool = CStrings::default();
    let mut visit = |c: &LlConst| {
        if let LlConst::CString(s) = c {
            pool.add(s);
        }
    };
    // Raised when an allocation fails.
    visit(&LlConst::CString(b"MemoryError".to_vec()));
    for g in &p.functions {
        visit(&LlConst::CString(abi::traceback_entry(&g.name, g.span.line).into_bytes()));
        for block in &g.blocks {
            for op in &block.operations {
                op.args
                    .iter()
                    .filter_map(Operand::as_const)
                    .for_each(&mut visit);
            }
            if let ExitSwitch::Value(Operand::Const(c)) = &block.exitswitch {
                visit(c);
            }
            for link in &block.exits {
                link.args
                    .iter()
                    .filter_map(Operand::as_const)
                    .for_each(&mut visit);
            }
        }
    }
    for obj in &p.prebuilt {
        match &obj.data {
            PrebuiltData::Str(_) => {}
            PrebuiltData::Struct { fields, items } => {
                fields.iter().chain(items).for_each(&mut visit)
            }
            PrebuiltData::Array(items) => items.iter().for_each(&mut visit),
        }
    }
    pool
}

/// What a data relocation points to.
#[derive(Clone, Debug, PartialEq)]
pub enum DataTarget {
    /// `.data` itself (another prebuilt object; the addend is its offset).
    Data,
    /// `.rodata` (a C string; the addend is its offset).
    Rodata,
    /// A function of the program (by index).
    Func(u32),
    /// A symbol outside the object.
    Extern(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataReloc {
    pub offset: u64,
    pub target: DataTarget,
    pub addend: i64,
}

/// The contents of `.data`.
#[derive(Clone, Debug, Default)]
pub struct DataSection {
    pub bytes: Vec<u8>,
    /// Offset of each prebuilt object.
    pub offsets: Vec<u64>,
    pub relocs: Vec<DataReloc>,
    /// Global data symbols and their offsets (`LlProgram::exported`, and an
    /// empty table for each symbol the runtime needs that the program does
    /// not export).
    pub exports: Vec<(String, u64)>,
}

/// Number of items in the variable-sized part of a prebuilt object (the
/// constants of a struct array are its items' fields one after the other).
fn item_count(p: &LlProgram, obj: &lltype::Prebuilt) -> usize {
    match (&obj.data, &p.types.get(obj.ty).kind) {
        (PrebuiltData::Array(items), TypeDefKind::StructArray { fields }) => items.len() / fields.len().max(1),
        (PrebuiltData::Str(s), _) => s.len(),
        (PrebuiltData::Struct { items, .. }, _) => items.len(),
        (PrebuiltData::Array(items), _) => items.len(),
    }
}

pub fn layout_prebuilt(p: &LlProgram, cstrings: &CStrings, gc_kind: u64) -> Result<DataSection, String> {
    let mut out = DataSection::default();
    let mut size = 0u64;
    for (i, obj) in p.prebuilt.iter().enumerate() {
        if obj.ty.0 as usize >= p.types.len() {
            return Err(format!(
                "prebuilt object {} has an unknown type t{}",
                i, obj.ty.0
            ));
        }
        out.offsets.push(size);
        size += p.types.alloc_size(obj.ty, item_count(p, obj)) as u64;
    }
    for (name, id) in &p.exported {
        let off = *out
            .offsets
            .get(id.0 as usize)
            .ok_or_else(|| format!("exported object {} does not exist", id.0))?;
        out.exports.push((name.clone(), off));
    }
    for table in [abi::generated::BUILTIN_EXCEPTIONS_TABLE, abi::generated::OSERROR_LAYOUT] {
        if !p.exported.iter().any(|(n, _)| n == table) {
            // An empty GC array (header, length 0): the runtime does without.
            out.exports.push((table.to_string(), size));
            size += 16;
        }
    }
    out.bytes = vec![0; size as usize];
    for i in 0..p.prebuilt.len() {
        write_object(p, cstrings, &mut out, i)
            .map_err(|e| format!("backend-x86: prebuilt object {}: {}", i, e))?;
    }
    write_gc_tables(p, &mut out, gc_kind);
    Ok(out)
}

/// Appends `rpy_gc_kind` and the GC type table (`rpy_type_info`, 40-byte
/// entries indexed by type id, as the `gc` crate documents, with their
/// offset lists; `rpy_type_info_count`).
fn write_gc_tables(p: &LlProgram, out: &mut DataSection, gc_kind: u64) {
    let word = |out: &mut DataSection, v: u64| out.bytes.extend_from_slice(&v.to_le_bytes());
    out.exports.push((abi::generated::GC_KIND.to_string(), out.bytes.len() as u64));
    word(out, gc_kind);
    let infos = p.types.gc_type_infos();
    out.exports.push((abi::generated::TYPE_INFO_COUNT.to_string(), out.bytes.len() as u64));
    word(out, infos.len() as u64);
    let table = out.bytes.len();
    out.exports.push((abi::generated::TYPE_INFO.to_string(), table as u64));
    out.bytes.resize(table + 40 * infos.len(), 0);
    for (tid, info) in infos.iter().enumerate() {
        let Some(info) = info else { continue };
        let at = table + 40 * tid;
        let mut flags = 1u32; // T_VALID
        let mut fields = [0u32; 5];
        if let Some(v) = &info.varsize {
            flags |= 2; // T_VARSIZE
            if v.items_are_ptrs {
                flags |= 4; // T_ITEMS_ARE_PTRS
            }
            fields = [v.length_offset, v.items_offset, v.item_size, v.item_ptr_offsets.len() as u32, 0];
        }
        let put32 = |out: &mut DataSection, off: usize, v: u32| out.bytes[off..off + 4].copy_from_slice(&v.to_le_bytes());
        put32(out, at, flags);
        put32(out, at + 4, info.fixed_size);
        for (k, v) in fields[..4].iter().enumerate() {
            put32(out, at + 8 + 4 * k, *v);
        }
        // The offset lists follow the table; ptr_offsets ends with a 0.
        let list = |out: &mut DataSection, slot: usize, offsets: &[u32], terminated: bool| {
            if offsets.is_empty() {
                return;
            }
            let start = out.bytes.len();
            for o in offsets.iter().chain(terminated.then_some(&0)) {
                out.bytes.extend_from_slice(&o.to_le_bytes());
            }
            while out.bytes.len() % 8 != 0 {
                out.bytes.push(0);
            }
            out.relocs.push(DataReloc { offset: slot as u64, target: DataTarget::Data, addend: start as i64 });
        };
        list(out, at + 24, &info.ptr_offsets, true);
        if let Some(v) = &info.varsize {
            list(out, at + 32, &v.item_ptr_offsets, false);
        }
    }
}

fn write_object(
    p: &LlProgram,
    cstrings: &CStrings,
    out: &mut DataSection,
    i: usize,
) -> Result<(), String> {
    let obj = &p.prebuilt[i];
    let at = out.offsets[i] as usize;
    let def = p.types.get(obj.ty);
    let layout = p.types.layout(obj.ty);
    let header = def.tid as u64 | (abi::PREBUILT_FLAGS as u64) << 32;
    out.bytes[at..at + 8].copy_from_slice(&header.to_le_bytes());

    let write_items = |out: &mut DataSection, items: &[LlConst]| -> Result<(), String> {
        let (Some(len_off), Some(items_off), Some(item_ty)) = (
            layout.length_offset,
            layout.items_offset,
            p.types.item_type(obj.ty),
        ) else {
            return Err(format!("{} has no items", def.name));
        };
        write_word(out, at + len_off, items.len() as u64);
        for (k, c) in items.iter().enumerate() {
            write_value(
                p,
                cstrings,
                out,
                at + items_off + k * layout.item_size,
                item_ty,
                c,
            )?;
        }
        Ok(())
    };
    match (&obj.data, &def.kind) {
        (
            PrebuiltData::Str(bytes),
            TypeDefKind::Struct {
                varsize: Some(LlType::Char),
                ..
            },
        ) => {
            // The hash field (if any) stays 0: "not computed yet".
            let (Some(len_off), Some(items_off)) = (layout.length_offset, layout.items_offset)
            else {
                return Err("string type without items".into());
            };
            write_word(out, at + len_off, bytes.len() as u64);
            out.bytes[at + items_off..at + items_off + bytes.len()].copy_from_slice(bytes);
        }
        (
            PrebuiltData::Struct { fields, items },
            TypeDefKind::Struct {
                fields: decl,
                varsize,
            },
        ) => {
            if fields.len() > decl.len() {
                return Err(format!(
                    "{} values for the {} fields of {}",
                    fields.len(),
                    decl.len(),
                    def.name
                ));
            }
            for (k, c) in fields.iter().enumerate() {
                write_value(
                    p,
                    cstrings,
                    out,
                    at + layout.field_offsets[k],
                    decl[k].ty,
                    c,
                )?;
            }
            if varsize.is_some() {
                write_items(out, items)?;
            } else if !items.is_empty() {
                return Err(format!("{} has no variable-sized part", def.name));
            }
        }
        (PrebuiltData::Array(items), TypeDefKind::Array { .. }) => write_items(out, items)?,
        (PrebuiltData::Array(items), TypeDefKind::StructArray { fields }) => {
            if items.len() % fields.len().max(1) != 0 {
                return Err(format!("{} constants for items of {} fields", items.len(), fields.len()));
            }
            let (Some(len_off), Some(items_off)) = (layout.length_offset, layout.items_offset) else {
                return Err(format!("{} has no items", def.name));
            };
            write_word(out, at + len_off, (items.len() / fields.len().max(1)) as u64);
            for (k, c) in items.iter().enumerate() {
                let (item, field) = (k / fields.len(), k % fields.len());
                let off = at + items_off + item * layout.item_size + layout.field_offsets[field];
                write_value(p, cstrings, out, off, fields[field].ty, c)?;
            }
        }
        (data, _) => return Err(format!("data {:?} does not match type {}", data, def.name)),
    }
    Ok(())
}

fn write_word(out: &mut DataSection, at: usize, v: u64) {
    out.bytes[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

/// Writes a constant of type `ty` (its size decides the width) at `at`.
fn write_value(
    p: &LlProgram,
    cstrings: &CStrings,
    out: &mut DataSection,
    at: usize,
    ty: LlType,
    c: &LlConst,
) -> Result<(), String> {
    let size = ty.size();
    let word_reloc =
        |out: &mut DataSection, target: DataTarget, addend: i64| -> Result<(), String> {
            if size != 8 {
                return Err(format!("a pointer constant in a {:?} slot", ty));
            }
            out.relocs.push(DataReloc {
                offset: at as u64,
                target,
                addend,
            });
            Ok(())
        };
    match c {
        LlConst::Int(v) => out.bytes[at..at + size].copy_from_slice(&v.to_le_bytes()[..size]),
        LlConst::Float(f) => {
            if size != 8 {
                return Err(format!("a float constant in a {:?} slot", ty));
            }
            out.bytes[at..at + 8].copy_from_slice(&f.to_bits().to_le_bytes());
        }
        LlConst::Null | LlConst::Void => {}
        LlConst::Prebuilt(q) => {
            let off = *out
                .offsets
                .get(q.0 as usize)
                .ok_or_else(|| format!("prebuilt object {} does not exist", q.0))?;
            word_reloc(out, DataTarget::Data, off as i64)?;
        }
        LlConst::Func(f) => {
            if f.0 as usize >= p.functions.len() {
                return Err(format!("function {} does not exist", f.0));
            }
            word_reloc(out, DataTarget::Func(f.0), 0)?;
        }
        LlConst::Extern(name) => {
            crate::codegen::check_symbol(name)?;
            word_reloc(out, DataTarget::Extern(name.clone()), 0)?
        }
        LlConst::CString(s) => word_reloc(out, DataTarget::Rodata, cstrings.offset(s)? as i64)?,
        LlConst::Type(_) | LlConst::Field(_) => {
            return Err(format!("constant {:?} cannot be stored in an object", c))
        }
    }
    Ok(())
}
