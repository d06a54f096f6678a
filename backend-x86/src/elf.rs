//! The ELF relocatable object: `.text`, `.data`, debug sections, symbols and
//! relocations, written with `object::write`.
//!
//! Relocation choices (all valid in a PIE, so `cc` may link with its default
//! `-pie`):
//! - calls to runtime functions: `R_X86_64_PLT32`;
//! - reads/writes of runtime globals (`rpy_exc_type`) and addresses of
//!   prebuilt objects: `R_X86_64_PC32` (RIP-relative; the runtime is linked
//!   statically, so the symbol is local to the executable);
//! - addresses of runtime symbols as values: `R_X86_64_REX_GOTPCRELX`;
//! - pointers inside `.data`: `R_X86_64_64` (RELATIVE at load time);
//! - calls between the program's own functions are resolved here, no relocation.

use std::collections::HashMap;

use object::write::{Object, Relocation, StandardSection, Symbol, SymbolId, SymbolSection};
use object::{
    elf, Architecture, BinaryFormat, Endianness, RelocationFlags, SectionKind, SymbolFlags,
    SymbolKind, SymbolScope,
};

use crate::data::DataTarget;
use crate::dwarf::{DebugSections, TEXT_SYMBOL};
use crate::x86::{RelocKind, RelocSymbol};
use crate::CompiledProgram;

struct Externs<'a> {
    obj: &'a mut Object<'static>,
    ids: HashMap<String, SymbolId>,
}

impl Externs<'_> {
    /// The undefined symbol `name` (created on first use).
    fn get(&mut self, name: &str, kind: SymbolKind) -> SymbolId {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.obj.add_symbol(Symbol {
            name: name.as_bytes().to_vec(),
            value: 0,
            size: 0,
            kind,
            scope: SymbolScope::Dynamic,
            weak: false,
            section: SymbolSection::Undefined,
            flags: SymbolFlags::None,
        });
        self.ids.insert(name.to_string(), id);
        id
    }
}

fn reloc(offset: u64, symbol: SymbolId, addend: i64, r_type: elf::RelocationType) -> Relocation {
    Relocation {
        offset,
        symbol,
        addend,
        flags: RelocationFlags::Elf { r_type },
    }
}

pub fn write(c: &CompiledProgram, entry: usize, debug: DebugSections) -> Result<Vec<u8>, String> {
    let err = |e: object::write::Error| format!("backend-x86: writing the object file: {}", e);
    let mut obj = Object::new(BinaryFormat::Elf, Architecture::X86_64, Endianness::Little);
    let text = obj.section_id(StandardSection::Text);
    obj.set_section_data(text, c.text.clone(), 16);
    let data = obj.section_id(StandardSection::Data);
    obj.set_section_data(data, c.data.bytes.clone(), 8);
    let rodata = obj.section_id(StandardSection::ReadOnlyData);
    obj.set_section_data(rodata, c.rodata.clone(), 1);
    // An empty .note.GNU-stack says the stack need not be executable.
    obj.add_section(Vec::new(), b".note.GNU-stack".to_vec(), SectionKind::Other);

    let text_sym = obj.section_symbol(text);
    let data_sym = obj.section_symbol(data);
    let rodata_sym = obj.section_symbol(rodata);
    let mut func_syms = Vec::new();
    for (i, f) in c.functions.iter().enumerate() {
        let sym = Symbol {
            name: f.symbol.as_bytes().to_vec(),
            value: f.offset as u64,
            size: f.size as u64,
            kind: SymbolKind::Text,
            scope: SymbolScope::Dynamic,
            weak: false,
            section: SymbolSection::Section(text),
            flags: SymbolFlags::None,
        };
        func_syms.push(obj.add_symbol(sym));
        if i == entry {
            obj.add_symbol(Symbol {
                name: abi::generated::ENTRY_POINT.as_bytes().to_vec(),
                value: f.offset as u64,
                size: f.size as u64,
                kind: SymbolKind::Text,
                scope: SymbolScope::Dynamic,
                weak: false,
                section: SymbolSection::Section(text),
                flags: SymbolFlags::None,
            });
        }
    }
    for (name, off) in &c.data.exports {
        obj.add_symbol(Symbol {
            name: name.as_bytes().to_vec(),
            value: *off,
            size: 0,
            kind: SymbolKind::Data,
            scope: SymbolScope::Dynamic,
            weak: false,
            section: SymbolSection::Section(data),
            flags: SymbolFlags::None,
        });
    }
    for (i, &off) in c.data.offsets.iter().enumerate() {
        obj.add_symbol(Symbol {
            name: format!("pyobj_{}", i).into_bytes(),
            value: off,
            size: 0,
            kind: SymbolKind::Data,
            scope: SymbolScope::Compilation,
            weak: false,
            section: SymbolSection::Section(data),
            flags: SymbolFlags::None,
        });
    }

    let mut relocs = Vec::new();
    {
        let mut ext = Externs {
            obj: &mut obj,
            ids: HashMap::new(),
        };
        for r in &c.text_relocs {
            let (symbol, kind) = match &r.symbol {
                RelocSymbol::Data => (data_sym, r.kind),
                RelocSymbol::Rodata => (rodata_sym, r.kind),
                RelocSymbol::Extern(name) => {
                    let k = if r.kind == RelocKind::Plt32 {
                        SymbolKind::Text
                    } else {
                        SymbolKind::Unknown
                    };
                    (ext.get(name, k), r.kind)
                }
            };
            let r_type = match kind {
                RelocKind::Pc32 => elf::R_X86_64_PC32,
                RelocKind::Plt32 => elf::R_X86_64_PLT32,
                RelocKind::GotPcRelX => elf::R_X86_64_REX_GOTPCRELX,
            };
            relocs.push((text, reloc(r.offset as u64, symbol, r.addend, r_type)));
        }
        for r in &c.data.relocs {
            let symbol = match &r.target {
                DataTarget::Data => data_sym,
                DataTarget::Rodata => rodata_sym,
                DataTarget::Func(f) => func_syms[*f as usize],
                DataTarget::Extern(name) => ext.get(name, SymbolKind::Unknown),
            };
            relocs.push((data, reloc(r.offset, symbol, r.addend, elf::R_X86_64_64)));
        }
    }

    // Debug sections and their relocations.
    let mut section_ids = HashMap::new();
    for (id, s) in &debug {
        let sid = if *id == gimli::SectionId::EhFrame {
            obj.section_id(StandardSection::EhFrame)
        } else {
            obj.add_section(
                Vec::new(),
                id.name().as_bytes().to_vec(),
                SectionKind::Debug,
            )
        };
        let align = if *id == gimli::SectionId::EhFrame {
            8
        } else {
            1
        };
        obj.set_section_data(sid, s.data.slice().to_vec(), align);
        section_ids.insert(*id, sid);
    }
    for (id, s) in &debug {
        let sid = section_ids[id];
        for r in &s.relocs {
            let symbol = match r.target {
                gimli::write::RelocationTarget::Symbol(TEXT_SYMBOL) => text_sym,
                gimli::write::RelocationTarget::Symbol(n) => {
                    return Err(format!("debug info names unknown symbol {}", n))
                }
                gimli::write::RelocationTarget::Section(target) => {
                    let t = *section_ids
                        .get(&target)
                        .ok_or_else(|| format!("debug info refers to {:?}", target))?;
                    obj.section_symbol(t)
                }
            };
            let pcrel = r
                .eh_pe
                .is_some_and(|pe| pe.application() == gimli::DW_EH_PE_pcrel);
            let r_type = match (pcrel, r.size) {
                (true, 4) => elf::R_X86_64_PC32,
                (false, 4) => elf::R_X86_64_32,
                (false, 8) => elf::R_X86_64_64,
                _ => return Err(format!("unsupported debug relocation of {} bytes", r.size)),
            };
            relocs.push((sid, reloc(r.offset as u64, symbol, r.addend, r_type)));
        }
    }
    for (section, r) in relocs {
        obj.add_relocation(section, r).map_err(err)?;
    }
    obj.write().map_err(err)
}
