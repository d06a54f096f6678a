//! Debug information: DWARF 4 (`.debug_info`, `.debug_line`, ...) mapping
//! machine code to the `.py` sources, and `.eh_frame` call frame information.
//!
//! One compile unit for the whole program, named after its first source file.
//! Each function is a `DW_TAG_subprogram` (name = the graph name, declaration
//! file and line, code range) and one line-table sequence whose rows come
//! from the spans of the operations. Addresses are relocations against the
//! `.text` section symbol (`TEXT_SYMBOL`), offsets between debug sections are
//! relocations against the section symbols, so the linker can merge ours
//! with the runtime's debug info.

use gimli::write::{
    Address, AttributeValue, CallFrameInstruction, CommonInformationEntry, DwarfUnit, EndianVec,
    FrameDescriptionEntry, FrameTable, LineProgram, LineString, RelocateWriter, Relocation,
    Sections,
};
use gimli::{Encoding, Format, LineEncoding, LittleEndian, SectionId, X86_64};
use lltype::LlProgram;

use crate::x86::Reg;
use crate::CompiledProgram;

/// The symbol number that stands for the `.text` section in relocations.
pub const TEXT_SYMBOL: usize = 0;

/// A written debug section with the relocations it needs.
#[derive(Clone)]
pub struct DebugSection {
    pub data: EndianVec<LittleEndian>,
    pub relocs: Vec<Relocation>,
}

impl Default for DebugSection {
    fn default() -> DebugSection {
        DebugSection {
            data: EndianVec::new(LittleEndian),
            relocs: Vec::new(),
        }
    }
}

impl RelocateWriter for DebugSection {
    type Writer = EndianVec<LittleEndian>;
    fn writer(&self) -> &Self::Writer {
        &self.data
    }
    fn writer_mut(&mut self) -> &mut Self::Writer {
        &mut self.data
    }
    fn relocate(&mut self, relocation: Relocation) {
        self.relocs.push(relocation);
    }
}

/// The non-empty sections, by id.
pub type DebugSections = Vec<(SectionId, DebugSection)>;

fn dwarf_reg(r: Reg) -> gimli::Register {
    // DWARF numbers the first eight registers in a different order.
    const MAP: [u16; 16] = [0, 2, 1, 3, 7, 6, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15];
    gimli::Register(MAP[(r.0 & 15) as usize])
}

fn line_string(s: &str) -> LineString {
    // The line program rejects empty names and NUL bytes.
    let bytes: Vec<u8> = s.bytes().filter(|&b| b != 0).collect();
    LineString::String(if bytes.is_empty() {
        b"?".to_vec()
    } else {
        bytes
    })
}

/// Builds the debug sections (the DWARF part only when there are sources).
pub fn build(p: &LlProgram, c: &CompiledProgram) -> Result<DebugSections, String> {
    let encoding = Encoding {
        format: Format::Dwarf32,
        version: 4,
        address_size: 8,
    };
    let mut sections = Sections::new(DebugSection::default());
    let err = |e: gimli::write::Error| format!("backend-x86: writing debug info: {}", e);

    if !p.sources.is_empty() {
        let comp_dir = std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|_| "/".into());
        let main_file = p.sources[0].display().to_string();
        let mut dwarf = DwarfUnit::new(encoding);
        let mut lines = LineProgram::new(
            encoding,
            LineEncoding::default(),
            line_string(&comp_dir),
            None,
            line_string(&main_file),
            None,
        );
        let default_dir = lines.default_directory();
        let files: Vec<gimli::write::FileId> = p
            .sources
            .iter()
            .map(|path| {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let dir = match path.parent().map(|d| d.display().to_string()) {
                    Some(d) if !d.is_empty() => lines.add_directory(line_string(&d)),
                    _ => default_dir,
                };
                lines.add_file(line_string(&name), dir, None)
            })
            .collect();

        let root = dwarf.unit.root();
        let cu = dwarf.unit.get_mut(root);
        cu.set(
            gimli::DW_AT_producer,
            AttributeValue::String(b"rpython-rs backend-x86".to_vec()),
        );
        cu.set(
            gimli::DW_AT_language,
            AttributeValue::Language(gimli::DW_LANG_Python),
        );
        cu.set(
            gimli::DW_AT_name,
            AttributeValue::String(main_file.into_bytes()),
        );
        cu.set(
            gimli::DW_AT_comp_dir,
            AttributeValue::String(comp_dir.into_bytes()),
        );
        cu.set(
            gimli::DW_AT_low_pc,
            AttributeValue::Address(Address::Symbol {
                symbol: TEXT_SYMBOL,
                addend: 0,
            }),
        );
        cu.set(
            gimli::DW_AT_high_pc,
            AttributeValue::Udata(c.text.len() as u64),
        );

        for (fid, f) in c.functions.iter().enumerate() {
            let g = &p.functions[fid];
            let start = Address::Symbol {
                symbol: TEXT_SYMBOL,
                addend: f.offset as i64,
            };
            let sub = dwarf.unit.add(root, gimli::DW_TAG_subprogram);
            let e = dwarf.unit.get_mut(sub);
            e.set(
                gimli::DW_AT_name,
                AttributeValue::String(g.name.clone().into_bytes()),
            );
            e.set(gimli::DW_AT_external, AttributeValue::Flag(true));
            if let Some(&file) = files.get(g.span.file.0 as usize) {
                e.set(
                    gimli::DW_AT_decl_file,
                    AttributeValue::FileIndex(Some(file)),
                );
                e.set(
                    gimli::DW_AT_decl_line,
                    AttributeValue::Udata(g.span.line as u64),
                );
            }
            e.set(gimli::DW_AT_low_pc, AttributeValue::Address(start));
            e.set(gimli::DW_AT_high_pc, AttributeValue::Udata(f.size as u64));
            e.set(
                gimli::DW_AT_frame_base,
                AttributeValue::Exprloc(frame_base_expr()),
            );

            let rows: Vec<_> = f
                .code
                .asm
                .lines
                .iter()
                .filter(|r| (r.file as usize) < files.len())
                .collect();
            if rows.is_empty() {
                continue;
            }
            lines.begin_sequence(Some(start));
            for r in rows {
                let row = lines.row();
                row.address_offset = r.offset as u64;
                row.file = files[r.file as usize];
                row.line = r.line as u64;
                row.is_statement = true;
                lines.generate_row();
            }
            lines.end_sequence(f.size as u64);
        }
        dwarf.unit.line_program = lines;
        dwarf.write(&mut sections).map_err(err)?;
    }

    // Call frame information: every function has the same rbp frame.
    let mut frames = FrameTable::default();
    // .eh_frame CIEs are version 1.
    let cfi_encoding = Encoding {
        version: 1,
        ..encoding
    };
    let mut cie = CommonInformationEntry::new(cfi_encoding, 1, -8, X86_64::RA);
    cie.fde_address_encoding = gimli::DW_EH_PE_pcrel | gimli::DW_EH_PE_sdata4;
    cie.add_instruction(CallFrameInstruction::Cfa(X86_64::RSP, 8));
    cie.add_instruction(CallFrameInstruction::Offset(X86_64::RA, -8));
    let cie = frames.add_cie(cie);
    for f in &c.functions {
        let ev = &f.code.frame;
        let mut fde = FrameDescriptionEntry::new(
            Address::Symbol {
                symbol: TEXT_SYMBOL,
                addend: f.offset as i64,
            },
            f.size,
        );
        fde.add_instruction(ev.after_push_rbp, CallFrameInstruction::CfaOffset(16));
        fde.add_instruction(
            ev.after_push_rbp,
            CallFrameInstruction::Offset(X86_64::RBP, -16),
        );
        fde.add_instruction(
            ev.after_mov_rbp,
            CallFrameInstruction::CfaRegister(X86_64::RBP),
        );
        for (i, &(r, at)) in ev.saved.iter().enumerate() {
            fde.add_instruction(
                at,
                CallFrameInstruction::Offset(dwarf_reg(r), -24 - 8 * i as i32),
            );
        }
        for &(after_pop, after_ret) in &ev.returns {
            fde.add_instruction(after_pop, CallFrameInstruction::Cfa(X86_64::RSP, 8));
            if after_ret < f.size {
                // Code after this return still runs in the full frame.
                fde.add_instruction(after_ret, CallFrameInstruction::Cfa(X86_64::RBP, 16));
            }
        }
        frames.add_fde(cie, fde);
    }
    frames.write_eh_frame(&mut sections.eh_frame).map_err(err)?;

    let mut out = Vec::new();
    sections
        .for_each_mut(|id, s| -> Result<(), ()> {
            if !s.data.slice().is_empty() {
                out.push((id, std::mem::take(s)));
            }
            Ok(())
        })
        .map_err(|_| "backend-x86: collecting debug sections".to_string())?;
    Ok(out)
}

/// `DW_AT_frame_base`: the canonical frame address.
fn frame_base_expr() -> gimli::write::Expression {
    let mut e = gimli::write::Expression::new();
    e.op(gimli::DW_OP_call_frame_cfa);
    e
}
