//! The x86-64 instruction encoder: one function per instruction form, with
//! REX / ModRM / SIB / displacement handled once in `emit_rm`.
//!
//! An `Assembler` holds the code of one function: bytes, labels and the
//! fixups that patch jumps to them, the relocations the object file needs,
//! calls to other functions of the program (patched when the functions are
//! laid out in `.text`), the source line rows for DWARF, and a listing.
//!
//! Listing text follows objdump's Intel syntax (`mov    QWORD PTR
//! [rbp-0x10],rax`), so a test can compare it with objdump's disassembly of
//! the same bytes.

use std::fmt::Write;

/// A general-purpose register by hardware number (0 = rax ... 15 = r15).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(pub u8);

pub const RAX: Reg = Reg(0);
pub const RCX: Reg = Reg(1);
pub const RDX: Reg = Reg(2);
pub const RBX: Reg = Reg(3);
pub const RSP: Reg = Reg(4);
pub const RBP: Reg = Reg(5);
pub const RSI: Reg = Reg(6);
pub const RDI: Reg = Reg(7);
pub const R8: Reg = Reg(8);
pub const R9: Reg = Reg(9);
pub const R10: Reg = Reg(10);
pub const R11: Reg = Reg(11);
pub const R12: Reg = Reg(12);
pub const R13: Reg = Reg(13);
pub const R14: Reg = Reg(14);
pub const R15: Reg = Reg(15);

const NAMES64: [&str; 16] = [
    "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
    "r14", "r15",
];
const NAMES32: [&str; 16] = [
    "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d",
    "r13d", "r14d", "r15d",
];
const NAMES8: [&str; 16] = [
    "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b",
    "r13b", "r14b", "r15b",
];

impl Reg {
    fn low(self) -> u8 {
        self.0 & 7
    }
    fn high(self) -> u8 {
        (self.0 >> 3) & 1
    }
    pub fn name(self, size: Size) -> &'static str {
        let i = (self.0 & 15) as usize;
        match size {
            Size::B1 => NAMES8[i],
            Size::B4 => NAMES32[i],
            Size::B8 => NAMES64[i],
        }
    }
}

/// Width of a memory access or register operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    B1,
    B4,
    B8,
}

impl Size {
    /// The access width for a value of `bytes` bytes (1, 4 or 8).
    pub fn of_bytes(bytes: usize) -> Option<Size> {
        match bytes {
            1 => Some(Size::B1),
            4 => Some(Size::B4),
            8 => Some(Size::B8),
            _ => None,
        }
    }
    fn ptr_text(self) -> &'static str {
        match self {
            Size::B1 => "BYTE PTR ",
            Size::B4 => "DWORD PTR ",
            Size::B8 => "QWORD PTR ",
        }
    }
    fn mask(self) -> u64 {
        match self {
            Size::B1 => 0xff,
            Size::B4 => 0xffff_ffff,
            Size::B8 => u64::MAX,
        }
    }
}

/// A code label local to one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

/// What a RIP-relative operand points at.
#[derive(Clone, Debug, PartialEq)]
pub enum RipTarget {
    /// An offset into the program's `.data` section.
    Data(u64),
    /// An offset into the program's `.rodata` section (C strings).
    Rodata(u64),
    /// A symbol defined elsewhere (the runtime), addressed directly (PC32).
    Extern(String),
    /// A field of a data symbol defined elsewhere: the symbol plus a byte offset.
    ExternField(String, i32),
    /// The GOT entry of a symbol defined elsewhere (GOTPCRELX).
    Got(String),
    /// A label in this function.
    Label(Label),
    /// The start of a program function (by index), patched at layout.
    Func(u32, String),
}

/// A memory operand.
#[derive(Clone, Debug, PartialEq)]
pub enum Mem {
    /// `[base + index*scale + disp]`; scale is 1, 2, 4 or 8; index is never rsp.
    Base {
        base: Reg,
        index: Option<(Reg, u8)>,
        disp: i32,
    },
    /// `[rip + target]`
    Rip(RipTarget),
}

impl Mem {
    pub fn base(base: Reg, disp: i32) -> Mem {
        Mem::Base {
            base,
            index: None,
            disp,
        }
    }
    pub fn indexed(base: Reg, index: Reg, scale: u8, disp: i32) -> Mem {
        Mem::Base {
            base,
            index: Some((index, scale)),
            disp,
        }
    }
    fn text(&self) -> String {
        match self {
            Mem::Base { base, index, disp } => {
                let mut s = format!("[{}", base.name(Size::B8));
                if let Some((i, scale)) = index {
                    let _ = write!(s, "+{}*{}", i.name(Size::B8), scale);
                }
                // objdump shows a displacement whenever the encoding has one
                // (always with base rbp/r13).
                let has_disp = *disp != 0 || base.low() == 5;
                if has_disp {
                    if *disp < 0 {
                        let _ = write!(s, "-{:#x}", (*disp as i64).unsigned_abs());
                    } else {
                        let _ = write!(s, "+{:#x}", disp);
                    }
                }
                s.push(']');
                s
            }
            Mem::Rip(t) => format!("[rip+{}]", rip_text(t)),
        }
    }
}

fn rip_text(t: &RipTarget) -> String {
    match t {
        RipTarget::Data(off) => format!("data+{:#x}", off),
        RipTarget::Rodata(off) => format!("rodata+{:#x}", off),
        RipTarget::Extern(name) => name.clone(),
        RipTarget::ExternField(name, off) => format!("{}+{}", name, off),
        RipTarget::Got(name) => format!("{}@GOTPCREL", name),
        RipTarget::Label(l) => format!(".L{}", l.0),
        RipTarget::Func(_, name) => name.clone(),
    }
}

/// A source operand: register, memory or a sign-extended 32-bit immediate.
#[derive(Clone, Debug, PartialEq)]
pub enum Src {
    Reg(Reg),
    Mem(Mem),
    Imm(i32),
}

/// Condition codes (the low nibble of Jcc / SETcc opcodes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    O = 0,
    NO = 1,
    B = 2,
    AE = 3,
    E = 4,
    NE = 5,
    BE = 6,
    A = 7,
    S = 8,
    NS = 9,
    P = 10,
    NP = 11,
    L = 12,
    GE = 13,
    LE = 14,
    G = 15,
}

const COND_NAMES: [&str; 16] = [
    "o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g",
];
const ALL_CONDS: [Cond; 16] = [
    Cond::O,
    Cond::NO,
    Cond::B,
    Cond::AE,
    Cond::E,
    Cond::NE,
    Cond::BE,
    Cond::A,
    Cond::S,
    Cond::NS,
    Cond::P,
    Cond::NP,
    Cond::L,
    Cond::GE,
    Cond::LE,
    Cond::G,
];

impl Cond {
    /// The opposite condition (flips the low bit of the encoding).
    pub fn negate(self) -> Cond {
        ALL_CONDS[(self as usize) ^ 1]
    }
    fn name(self) -> &'static str {
        COND_NAMES[self as usize]
    }
}

/// The classic two-operand ALU group (the /digit of opcodes 0x81 / 0x83).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alu {
    Add = 0,
    Or = 1,
    And = 4,
    Sub = 5,
    Xor = 6,
    Cmp = 7,
}

impl Alu {
    fn name(self) -> &'static str {
        match self {
            Alu::Add => "add",
            Alu::Or => "or",
            Alu::And => "and",
            Alu::Sub => "sub",
            Alu::Xor => "xor",
            Alu::Cmp => "cmp",
        }
    }
}

/// One-operand group 3 forms (opcode 0xF7) and shifts (0xD3 / 0xC1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unary {
    Not = 2,
    Neg = 3,
    Idiv = 7,
}

/// SSE2 scalar double arithmetic (the opcode byte after F2 0F).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SseOp {
    Add = 0x58,
    Mul = 0x59,
    Sub = 0x5c,
    Div = 0x5e,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    Shl = 4,
    Shr = 5,
    Sar = 7,
}

/// Relocation kinds the object file needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelocKind {
    /// 32-bit PC-relative to a symbol (data, or a runtime global).
    Pc32,
    /// 32-bit PC-relative call through the PLT.
    Plt32,
    /// 32-bit PC-relative to the symbol's GOT entry (relaxable mov).
    GotPcRelX,
}

/// What a relocation refers to.
#[derive(Clone, Debug, PartialEq)]
pub enum RelocSymbol {
    /// The program's `.data` section.
    Data,
    /// The program's `.rodata` section.
    Rodata,
    /// A symbol defined outside the object.
    Extern(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reloc {
    /// Offset in this function's code.
    pub offset: u32,
    pub kind: RelocKind,
    pub symbol: RelocSymbol,
    pub addend: i64,
}

/// A 32-bit PC-relative reference to another function of the program,
/// patched once every function has its place in `.text`.
#[derive(Clone, Debug, PartialEq)]
pub struct FuncRef {
    pub at: u32,
    /// End of the instruction (the PC the displacement is relative to).
    pub end: u32,
    pub func: u32,
}

#[derive(Clone, Copy, Debug)]
enum FixupKind {
    Rel8 {
        end: u32,
    },
    Rel32 {
        end: u32,
    },
    /// A jump-table entry: label minus the table's base label.
    Table {
        base: Label,
    },
}

#[derive(Clone, Copy, Debug)]
struct Fixup {
    at: u32,
    label: Label,
    kind: FixupKind,
}

/// A row of the source line table: from `offset` on, code is for this line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRow {
    pub offset: u32,
    pub file: u32,
    pub line: u32,
}

/// An entry of the human-readable listing.
#[derive(Clone, Debug)]
pub enum ListItem {
    Insn {
        offset: u32,
        len: u32,
        text: String,
    },
    Label(Label),
    Comment(String),
    /// Raw data (jump tables), shown as `.long` lines.
    Data {
        offset: u32,
        len: u32,
        text: String,
    },
}

/// The code of one function being assembled.
#[derive(Default)]
pub struct Assembler {
    pub code: Vec<u8>,
    labels: Vec<Option<u32>>,
    fixups: Vec<Fixup>,
    pub relocs: Vec<Reloc>,
    pub func_refs: Vec<FuncRef>,
    pub lines: Vec<LineRow>,
    pub listing: Vec<ListItem>,
    /// Position and target of the RIP-relative displacement of the
    /// instruction being emitted (resolved when the instruction ends).
    pending_rip: Option<(usize, RipTarget)>,
    insn_start: usize,
}

fn fits_i8(v: i64) -> bool {
    (-128..=127).contains(&v)
}

fn imm_text(v: i64, size: Size) -> String {
    format!("{:#x}", (v as u64) & size.mask())
}

impl Assembler {
    pub fn new() -> Assembler {
        Assembler::default()
    }

    pub fn offset(&self) -> u32 {
        self.code.len() as u32
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.offset());
        self.listing.push(ListItem::Label(l));
    }

    pub fn comment(&mut self, text: impl Into<String>) {
        self.listing.push(ListItem::Comment(text.into()));
    }

    /// Starts a new source line row if (file, line) differs from the last one.
    pub fn set_line(&mut self, file: u32, line: u32) -> bool {
        if let Some(last) = self.lines.last() {
            if last.file == file && last.line == line {
                return false;
            }
            if last.offset == self.offset() {
                self.lines.pop();
                if self
                    .lines
                    .last()
                    .is_some_and(|l| l.file == file && l.line == line)
                {
                    return false;
                }
            }
        }
        self.lines.push(LineRow {
            offset: self.offset(),
            file,
            line,
        });
        true
    }

    /// Patches label references; Err names an unbound label (a codegen bug).
    pub fn finish(&mut self) -> Result<(), String> {
        for f in &self.fixups {
            let target = self.labels[f.label.0 as usize]
                .ok_or_else(|| format!("label .L{} never bound", f.label.0))?;
            let at = f.at as usize;
            match f.kind {
                FixupKind::Rel8 { end } => {
                    let d = target as i64 - end as i64;
                    if !fits_i8(d) {
                        return Err("short jump out of range".into());
                    }
                    self.code[at] = d as i8 as u8;
                }
                FixupKind::Rel32 { end } => {
                    let d = (target as i64 - end as i64) as i32;
                    self.code[at..at + 4].copy_from_slice(&d.to_le_bytes());
                }
                FixupKind::Table { base } => {
                    let b = self.labels[base.0 as usize].ok_or("jump table base never bound")?;
                    let d = (target as i64 - b as i64) as i32;
                    self.code[at..at + 4].copy_from_slice(&d.to_le_bytes());
                }
            }
        }
        self.fixups.clear();
        Ok(())
    }

    // ---- encoding core ----

    fn byte(&mut self, b: u8) {
        self.code.push(b);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.code.extend_from_slice(b);
    }
    fn imm32(&mut self, v: i32) {
        self.bytes(&v.to_le_bytes());
    }

    fn begin(&mut self) {
        self.insn_start = self.code.len();
        self.pending_rip = None;
    }

    /// Ends the instruction started by `begin`: resolves its RIP-relative
    /// displacement (relative to the instruction's end) and lists it.
    fn end(&mut self, text: String) {
        let end = self.code.len();
        if let Some((at, target)) = self.pending_rip.take() {
            let to_end = (end - at) as i64;
            match target {
                RipTarget::Data(off) => self.relocs.push(Reloc {
                    offset: at as u32,
                    kind: RelocKind::Pc32,
                    symbol: RelocSymbol::Data,
                    addend: off as i64 - to_end,
                }),
                RipTarget::Rodata(off) => self.relocs.push(Reloc {
                    offset: at as u32,
                    kind: RelocKind::Pc32,
                    symbol: RelocSymbol::Rodata,
                    addend: off as i64 - to_end,
                }),
                RipTarget::Extern(name) => self.relocs.push(Reloc {
                    offset: at as u32,
                    kind: RelocKind::Pc32,
                    symbol: RelocSymbol::Extern(name),
                    addend: -to_end,
                }),
                RipTarget::ExternField(name, off) => self.relocs.push(Reloc {
                    offset: at as u32,
                    kind: RelocKind::Pc32,
                    symbol: RelocSymbol::Extern(name),
                    addend: off as i64 - to_end,
                }),
                RipTarget::Got(name) => self.relocs.push(Reloc {
                    offset: at as u32,
                    kind: RelocKind::GotPcRelX,
                    symbol: RelocSymbol::Extern(name),
                    addend: -to_end,
                }),
                RipTarget::Label(l) => self.fixups.push(Fixup {
                    at: at as u32,
                    label: l,
                    kind: FixupKind::Rel32 { end: end as u32 },
                }),
                RipTarget::Func(f, _) => self.func_refs.push(FuncRef {
                    at: at as u32,
                    end: end as u32,
                    func: f,
                }),
            }
        }
        let offset = self.insn_start as u32;
        self.listing.push(ListItem::Insn {
            offset,
            len: end as u32 - offset,
            text,
        });
    }

    /// Emits `[prefix] [REX] opcode ModRM [SIB] [disp]` for a register (`reg`
    /// field: a register number or an opcode extension) and an r/m operand.
    /// `byte_regs`: the instruction names 8-bit registers, so spl/bpl/sil/dil
    /// need a REX prefix (without one they would mean ah/ch/dh/bh).
    fn emit_rm(
        &mut self,
        prefix: Option<u8>,
        w: bool,
        opcode: &[u8],
        reg: u8,
        rm: &Src,
        byte_regs: bool,
    ) {
        if let Some(p) = prefix {
            self.byte(p);
        }
        let r = (reg >> 3) & 1;
        let (x, b) = match rm {
            Src::Reg(rr) => (0, rr.high()),
            Src::Mem(Mem::Base { base, index, .. }) => {
                (index.map_or(0, |(i, _)| i.high()), base.high())
            }
            Src::Mem(Mem::Rip(_)) | Src::Imm(_) => (0, 0),
        };
        let needs_byte_rex = byte_regs
            && ((4..8).contains(&reg) || matches!(rm, Src::Reg(rr) if (4..8).contains(&rr.0)));
        if w || r != 0 || x != 0 || b != 0 || needs_byte_rex {
            self.byte(0x40 | (w as u8) << 3 | r << 2 | x << 1 | b);
        }
        self.bytes(opcode);
        let reg_bits = (reg & 7) << 3;
        match rm {
            Src::Reg(rr) => self.byte(0xc0 | reg_bits | rr.low()),
            Src::Mem(Mem::Rip(t)) => {
                self.byte(reg_bits | 5);
                self.pending_rip = Some((self.code.len(), t.clone()));
                self.imm32(0);
            }
            Src::Mem(Mem::Base { base, index, disp }) => {
                // mod 00 with base rbp/r13 means disp32 (no base), so those
                // bases always take a displacement.
                let mode = if *disp == 0 && base.low() != 5 {
                    0
                } else if fits_i8(*disp as i64) {
                    1
                } else {
                    2
                };
                match index {
                    None if base.low() != 4 => self.byte(mode << 6 | reg_bits | base.low()),
                    _ => {
                        // rsp/r12 as base, or an index: a SIB byte follows.
                        self.byte(mode << 6 | reg_bits | 4);
                        let (idx, scale_bits) = match index {
                            Some((i, s)) => (i.low(), scale_log2(*s)),
                            None => (4, 0), // 100 = no index
                        };
                        self.byte(scale_bits << 6 | idx << 3 | base.low());
                    }
                }
                match mode {
                    1 => self.byte(*disp as i8 as u8),
                    2 => self.imm32(*disp),
                    _ => {}
                }
            }
            Src::Imm(_) => unreachable!("an immediate is not an r/m operand"),
        }
    }

    fn rm_text(rm: &Src, size: Size, show_size: bool) -> String {
        match rm {
            Src::Reg(r) => r.name(size).to_string(),
            Src::Mem(m) if show_size => format!("{}{}", size.ptr_text(), m.text()),
            Src::Mem(m) => m.text(),
            Src::Imm(i) => imm_text(*i as i64, size),
        }
    }

    // ---- instructions ----

    /// `mov dst, src` (64-bit) for any source; immediates are sign-extended.
    pub fn mov(&mut self, dst: Reg, src: &Src) {
        match src {
            Src::Reg(s) => self.mov_rr(dst, *s),
            Src::Mem(m) => self.load(Size::B8, dst, m),
            Src::Imm(i) => self.mov_ri(dst, *i as i64),
        }
    }

    pub fn mov_rr(&mut self, dst: Reg, src: Reg) {
        if dst == src {
            return;
        }
        self.begin();
        self.emit_rm(None, true, &[0x89], src.0, &Src::Reg(dst), false);
        self.end(format!(
            "mov    {},{}",
            dst.name(Size::B8),
            src.name(Size::B8)
        ));
    }

    /// `mov dst32, src32`: copies the low half and zero-extends.
    pub fn mov_rr32(&mut self, dst: Reg, src: Reg) {
        self.begin();
        self.emit_rm(None, false, &[0x89], src.0, &Src::Reg(dst), false);
        self.end(format!(
            "mov    {},{}",
            dst.name(Size::B4),
            src.name(Size::B4)
        ));
    }

    /// Loads an immediate with the shortest encoding.
    pub fn mov_ri(&mut self, dst: Reg, v: i64) {
        self.begin();
        if v == 0 {
            // xor clobbers the flags; no caller keeps flags across a constant load.
            self.emit_rm(None, false, &[0x31], dst.0, &Src::Reg(dst), false);
            self.end(format!(
                "xor    {},{}",
                dst.name(Size::B4),
                dst.name(Size::B4)
            ));
        } else {
            self.mov_ri_body(dst, v);
        }
    }

    fn mov_ri_body(&mut self, dst: Reg, v: i64) {
        if (0..=u32::MAX as i64).contains(&v) {
            if dst.high() != 0 {
                self.byte(0x41);
            }
            self.byte(0xb8 + dst.low());
            self.imm32(v as u32 as i32);
            self.end(format!(
                "mov    {},{}",
                dst.name(Size::B4),
                imm_text(v, Size::B4)
            ));
        } else if v >= i32::MIN as i64 && v <= i32::MAX as i64 {
            self.emit_rm(None, true, &[0xc7], 0, &Src::Reg(dst), false);
            self.imm32(v as i32);
            self.end(format!(
                "mov    {},{}",
                dst.name(Size::B8),
                imm_text(v, Size::B8)
            ));
        } else {
            self.byte(0x48 | dst.high());
            self.byte(0xb8 + dst.low());
            self.bytes(&v.to_le_bytes());
            self.end(format!(
                "movabs {},{}",
                dst.name(Size::B8),
                imm_text(v, Size::B8)
            ));
        }
    }

    /// Loads `size` bytes, zero-extending 1- and 4-byte values into the full register.
    pub fn load(&mut self, size: Size, dst: Reg, m: &Mem) {
        self.begin();
        let rm = Src::Mem(m.clone());
        match size {
            Size::B8 => {
                self.emit_rm(None, true, &[0x8b], dst.0, &rm, false);
                self.end(format!(
                    "mov    {},{}",
                    dst.name(Size::B8),
                    Self::rm_text(&rm, Size::B8, true)
                ));
            }
            Size::B4 => {
                self.emit_rm(None, false, &[0x8b], dst.0, &rm, false);
                self.end(format!(
                    "mov    {},{}",
                    dst.name(Size::B4),
                    Self::rm_text(&rm, Size::B4, true)
                ));
            }
            Size::B1 => {
                self.emit_rm(None, false, &[0x0f, 0xb6], dst.0, &rm, false);
                self.end(format!(
                    "movzx  {},{}",
                    dst.name(Size::B4),
                    Self::rm_text(&rm, Size::B1, true)
                ));
            }
        }
    }

    /// Stores the low `size` bytes of `src`.
    pub fn store(&mut self, size: Size, m: &Mem, src: Reg) {
        self.begin();
        let rm = Src::Mem(m.clone());
        match size {
            Size::B8 => self.emit_rm(None, true, &[0x89], src.0, &rm, false),
            Size::B4 => self.emit_rm(None, false, &[0x89], src.0, &rm, false),
            Size::B1 => self.emit_rm(None, false, &[0x88], src.0, &rm, true),
        }
        self.end(format!(
            "mov    {},{}",
            Self::rm_text(&rm, size, true),
            src.name(size)
        ));
    }

    /// Stores an immediate (sign-extended to 8 bytes for `Size::B8`).
    pub fn store_imm(&mut self, size: Size, m: &Mem, v: i32) {
        self.begin();
        let rm = Src::Mem(m.clone());
        match size {
            Size::B8 => {
                self.emit_rm(None, true, &[0xc7], 0, &rm, false);
                self.imm32(v);
            }
            Size::B4 => {
                self.emit_rm(None, false, &[0xc7], 0, &rm, false);
                self.imm32(v);
            }
            Size::B1 => {
                self.emit_rm(None, false, &[0xc6], 0, &rm, false);
                self.byte(v as u8);
            }
        }
        self.end(format!(
            "mov    {},{}",
            Self::rm_text(&rm, size, true),
            imm_text(v as i64, size)
        ));
    }

    pub fn lea(&mut self, dst: Reg, m: &Mem) {
        self.begin();
        let rm = Src::Mem(m.clone());
        self.emit_rm(None, true, &[0x8d], dst.0, &rm, false);
        self.end(format!(
            "lea    {},{}",
            dst.name(Size::B8),
            Self::rm_text(&rm, Size::B8, false)
        ));
    }

    /// `op dst, src` (64-bit) with a register, memory or immediate source.
    pub fn alu(&mut self, op: Alu, dst: Reg, src: &Src) {
        self.alu_rm(op, &Src::Reg(dst), src);
    }

    /// `op dst, src` where dst is a register or memory (64-bit); a memory
    /// dst takes a register or immediate source.
    pub fn alu_rm(&mut self, op: Alu, dst: &Src, src: &Src) {
        self.begin();
        let code = (op as u8) << 3;
        match (dst, src) {
            (_, Src::Imm(i)) => {
                if fits_i8(*i as i64) {
                    self.emit_rm(None, true, &[0x83], op as u8, dst, false);
                    self.byte(*i as i8 as u8);
                } else {
                    self.emit_rm(None, true, &[0x81], op as u8, dst, false);
                    self.imm32(*i);
                }
            }
            (_, Src::Reg(s)) => self.emit_rm(None, true, &[code | 1], s.0, dst, false),
            (Src::Reg(d), Src::Mem(_)) => self.emit_rm(None, true, &[code | 3], d.0, src, false),
            _ => unreachable!("alu with two memory operands"),
        }
        self.end(format!(
            "{:<6} {},{}",
            op.name(),
            Self::rm_text(dst, Size::B8, true),
            Self::rm_text(src, Size::B8, matches!(dst, Src::Reg(_)))
        ));
    }

    /// `xor r32, r32`: zero a register.
    pub fn zero(&mut self, r: Reg) {
        self.mov_ri(r, 0);
    }

    /// `imul dst, src` (64-bit).
    pub fn imul(&mut self, dst: Reg, src: &Src) {
        match src {
            Src::Imm(i) => self.imul_imm(dst, &Src::Reg(dst), *i),
            _ => {
                self.begin();
                self.emit_rm(None, true, &[0x0f, 0xaf], dst.0, src, false);
                self.end(format!(
                    "imul   {},{}",
                    dst.name(Size::B8),
                    Self::rm_text(src, Size::B8, true)
                ));
            }
        }
    }

    /// `imul dst, src, imm` (64-bit).
    pub fn imul_imm(&mut self, dst: Reg, src: &Src, v: i32) {
        self.begin();
        if fits_i8(v as i64) {
            self.emit_rm(None, true, &[0x6b], dst.0, src, false);
            self.byte(v as i8 as u8);
        } else {
            self.emit_rm(None, true, &[0x69], dst.0, src, false);
            self.imm32(v);
        }
        self.end(format!(
            "imul   {},{},{}",
            dst.name(Size::B8),
            Self::rm_text(src, Size::B8, true),
            imm_text(v as i64, Size::B8)
        ));
    }

    pub fn unary(&mut self, op: Unary, r: Reg) {
        self.begin();
        self.emit_rm(None, true, &[0xf7], op as u8, &Src::Reg(r), false);
        let name = match op {
            Unary::Not => "not",
            Unary::Neg => "neg",
            Unary::Idiv => "idiv",
        };
        self.end(format!("{:<6} {}", name, r.name(Size::B8)));
    }

    /// `cqo`: sign-extends rax into rdx:rax.
    pub fn cqo(&mut self) {
        self.begin();
        self.bytes(&[0x48, 0x99]);
        self.end("cqo".into());
    }

    fn shift_name(op: Shift) -> &'static str {
        match op {
            Shift::Shl => "shl",
            Shift::Shr => "shr",
            Shift::Sar => "sar",
        }
    }

    /// `shl/sar r, cl`
    pub fn shift_cl(&mut self, op: Shift, r: Reg) {
        self.begin();
        self.emit_rm(None, true, &[0xd3], op as u8, &Src::Reg(r), false);
        self.end(format!(
            "{:<6} {},cl",
            Self::shift_name(op),
            r.name(Size::B8)
        ));
    }

    /// `shl/sar r, imm8`
    pub fn shift_imm(&mut self, op: Shift, r: Reg, count: u8) {
        self.begin();
        self.emit_rm(None, true, &[0xc1], op as u8, &Src::Reg(r), false);
        self.byte(count);
        self.end(format!(
            "{:<6} {},{:#x}",
            Self::shift_name(op),
            r.name(Size::B8),
            count
        ));
    }

    /// `test a, b` (64-bit registers).
    pub fn test_rr(&mut self, a: Reg, b: Reg) {
        self.begin();
        self.emit_rm(None, true, &[0x85], b.0, &Src::Reg(a), false);
        self.end(format!("test   {},{}", a.name(Size::B8), b.name(Size::B8)));
    }

    /// `test BYTE PTR m, imm8`
    pub fn test_mem8_imm(&mut self, m: &Mem, imm: u8) {
        self.begin();
        let rm = Src::Mem(m.clone());
        self.emit_rm(None, false, &[0xf6], 0, &rm, false);
        self.byte(imm);
        self.end(format!("test   {},{:#x}", Self::rm_text(&rm, Size::B1, true), imm));
    }

    /// `setcc r8`
    pub fn setcc(&mut self, c: Cond, r: Reg) {
        self.begin();
        self.emit_rm(None, false, &[0x0f, 0x90 + c as u8], 0, &Src::Reg(r), true);
        self.end(format!("set{:<3} {}", c.name(), r.name(Size::B1)));
    }

    /// `movzx dst32, src8`
    pub fn movzx8(&mut self, dst: Reg, src: Reg) {
        self.begin();
        self.emit_rm(None, false, &[0x0f, 0xb6], dst.0, &Src::Reg(src), true);
        self.end(format!(
            "movzx  {},{}",
            dst.name(Size::B4),
            src.name(Size::B1)
        ));
    }

    /// `movsxd dst, DWORD PTR m`
    pub fn movsxd(&mut self, dst: Reg, m: &Mem) {
        self.begin();
        let rm = Src::Mem(m.clone());
        self.emit_rm(None, true, &[0x63], dst.0, &rm, false);
        self.end(format!(
            "movsxd {},{}",
            dst.name(Size::B8),
            Self::rm_text(&rm, Size::B4, true)
        ));
    }

    /// `movq xmm, r64`
    pub fn movq_to_xmm(&mut self, xmm: u8, src: Reg) {
        self.begin();
        self.emit_rm(Some(0x66), true, &[0x0f, 0x6e], xmm, &Src::Reg(src), false);
        self.end(format!("movq   xmm{},{}", xmm, src.name(Size::B8)));
    }

    /// `movq r64, xmm`
    pub fn movq_from_xmm(&mut self, dst: Reg, xmm: u8) {
        self.begin();
        self.emit_rm(Some(0x66), true, &[0x0f, 0x7e], xmm, &Src::Reg(dst), false);
        self.end(format!("movq   {},xmm{}", dst.name(Size::B8), xmm));
    }

    /// Scalar double operations `op xmm_d, xmm_s` (SSE2, prefix F2).
    pub fn sse_sd(&mut self, op: SseOp, d: u8, s: u8) {
        self.begin();
        self.emit_rm(Some(0xf2), false, &[0x0f, op as u8], d, &Src::Reg(Reg(s)), false);
        let name = match op {
            SseOp::Add => "addsd",
            SseOp::Mul => "mulsd",
            SseOp::Sub => "subsd",
            SseOp::Div => "divsd",
        };
        self.end(format!("{:<6} xmm{},xmm{}", name, d, s));
    }

    /// `ucomisd xmm_a, xmm_b`: flags as an unsigned compare, PF for NaN.
    pub fn ucomisd(&mut self, a: u8, b: u8) {
        self.begin();
        self.emit_rm(Some(0x66), false, &[0x0f, 0x2e], a, &Src::Reg(Reg(b)), false);
        self.end(format!("ucomisd xmm{},xmm{}", a, b));
    }

    /// `cvtsi2sd xmm, r64`
    pub fn cvtsi2sd(&mut self, xmm: u8, src: Reg) {
        self.begin();
        self.emit_rm(Some(0xf2), true, &[0x0f, 0x2a], xmm, &Src::Reg(src), false);
        self.end(format!("cvtsi2sd xmm{},{}", xmm, src.name(Size::B8)));
    }

    /// `cvttsd2si r64, xmm` (truncating)
    pub fn cvttsd2si(&mut self, dst: Reg, xmm: u8) {
        self.begin();
        self.emit_rm(Some(0xf2), true, &[0x0f, 0x2c], dst.0, &Src::Reg(Reg(xmm)), false);
        self.end(format!("cvttsd2si {},xmm{}", dst.name(Size::B8), xmm));
    }

    pub fn push(&mut self, r: Reg) {
        self.begin();
        if r.high() != 0 {
            self.byte(0x41);
        }
        self.byte(0x50 + r.low());
        self.end(format!("push   {}", r.name(Size::B8)));
    }

    pub fn pop(&mut self, r: Reg) {
        self.begin();
        if r.high() != 0 {
            self.byte(0x41);
        }
        self.byte(0x58 + r.low());
        self.end(format!("pop    {}", r.name(Size::B8)));
    }

    pub fn ret(&mut self) {
        self.begin();
        self.byte(0xc3);
        self.end("ret".into());
    }

    /// `ud2`: traps; marks code the program can never reach.
    pub fn ud2(&mut self) {
        self.begin();
        self.bytes(&[0x0f, 0x0b]);
        self.end("ud2".into());
    }

    /// Distance to an already bound label if it fits a short jump of `len` bytes.
    fn short_back(&self, l: Label, len: u32) -> Option<i8> {
        let target = self.labels[l.0 as usize]?;
        let d = target as i64 - (self.offset() + len) as i64;
        if fits_i8(d) {
            Some(d as i8)
        } else {
            None
        }
    }

    pub fn jmp(&mut self, l: Label) {
        self.begin();
        if let Some(d) = self.short_back(l, 2) {
            self.bytes(&[0xeb, d as u8]);
        } else {
            self.byte(0xe9);
            let at = self.offset();
            self.imm32(0);
            self.fixups.push(Fixup {
                at,
                label: l,
                kind: FixupKind::Rel32 { end: at + 4 },
            });
        }
        self.end(format!("jmp    .L{}", l.0));
    }

    /// A short forward jump: the caller guarantees the label is < 128 bytes ahead.
    pub fn jmp_short(&mut self, l: Label) {
        self.begin();
        self.byte(0xeb);
        let at = self.offset();
        self.byte(0);
        self.fixups.push(Fixup {
            at,
            label: l,
            kind: FixupKind::Rel8 { end: at + 1 },
        });
        self.end(format!("jmp    .L{}", l.0));
    }

    pub fn jcc(&mut self, c: Cond, l: Label) {
        self.begin();
        if let Some(d) = self.short_back(l, 2) {
            self.bytes(&[0x70 + c as u8, d as u8]);
        } else {
            self.bytes(&[0x0f, 0x80 + c as u8]);
            let at = self.offset();
            self.imm32(0);
            self.fixups.push(Fixup {
                at,
                label: l,
                kind: FixupKind::Rel32 { end: at + 4 },
            });
        }
        self.end(format!("j{:<5} .L{}", c.name(), l.0));
    }

    /// A short forward conditional jump (label < 128 bytes ahead).
    pub fn jcc_short(&mut self, c: Cond, l: Label) {
        self.begin();
        self.byte(0x70 + c as u8);
        let at = self.offset();
        self.byte(0);
        self.fixups.push(Fixup {
            at,
            label: l,
            kind: FixupKind::Rel8 { end: at + 1 },
        });
        self.end(format!("j{:<5} .L{}", c.name(), l.0));
    }

    /// `jmp r64`
    pub fn jmp_reg(&mut self, r: Reg) {
        self.begin();
        self.emit_rm(None, false, &[0xff], 4, &Src::Reg(r), false);
        self.end(format!("jmp    {}", r.name(Size::B8)));
    }

    /// `call r64`
    pub fn call_reg(&mut self, r: Reg) {
        self.begin();
        self.emit_rm(None, false, &[0xff], 2, &Src::Reg(r), false);
        self.end(format!("call   {}", r.name(Size::B8)));
    }

    /// `call` another function of the program.
    pub fn call_func(&mut self, func: u32, name: &str) {
        self.begin();
        self.byte(0xe8);
        let at = self.offset();
        self.imm32(0);
        self.func_refs.push(FuncRef {
            at,
            end: at + 4,
            func,
        });
        self.end(format!("call   {}", name));
    }

    /// `call` a runtime function through the PLT.
    pub fn call_extern(&mut self, name: &str) {
        self.begin();
        self.byte(0xe8);
        let at = self.offset();
        self.imm32(0);
        self.relocs.push(Reloc {
            offset: at,
            kind: RelocKind::Plt32,
            symbol: RelocSymbol::Extern(name.to_string()),
            addend: -4,
        });
        self.end(format!("call   {}@PLT", name));
    }

    /// A jump table entry: `label - base` as a 32-bit value.
    pub fn table_entry(&mut self, label: Label, base: Label) {
        let at = self.offset();
        self.imm32(0);
        self.fixups.push(Fixup {
            at,
            label,
            kind: FixupKind::Table { base },
        });
        self.listing.push(ListItem::Data {
            offset: at,
            len: 4,
            text: format!(".long  .L{}-.L{}", label.0, base.0),
        });
    }

    /// The listing as text, one instruction per line with its offset and bytes.
    pub fn render_listing(&self, base: u32, out: &mut String) {
        for item in &self.listing {
            match item {
                ListItem::Insn { offset, len, text } | ListItem::Data { offset, len, text } => {
                    let bytes: Vec<String> = self.code[*offset as usize..(*offset + *len) as usize]
                        .iter()
                        .map(|b| format!("{:02x}", b))
                        .collect();
                    let _ = writeln!(
                        out,
                        "  {:6x}:  {:<30} {}",
                        base + offset,
                        bytes.join(" "),
                        text
                    );
                }
                ListItem::Label(l) => {
                    let _ = writeln!(out, ".L{}:", l.0);
                }
                ListItem::Comment(c) => {
                    let _ = writeln!(out, "  # {}", c);
                }
            }
        }
    }
}

fn scale_log2(s: u8) -> u8 {
    match s {
        1 => 0,
        2 => 1,
        4 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(f: impl FnOnce(&mut Assembler)) -> Vec<u8> {
        let mut a = Assembler::new();
        f(&mut a);
        a.finish().unwrap();
        a.code
    }

    // Expected bytes from the Intel SDM encoding tables (checked with objdump).
    #[test]
    fn encodings() {
        assert_eq!(bytes(|a| a.mov_rr(RBP, RSP)), [0x48, 0x89, 0xe5]);
        assert_eq!(bytes(|a| a.mov_rr(R12, RDI)), [0x49, 0x89, 0xfc]);
        assert_eq!(
            bytes(|a| a.load(Size::B8, RAX, &Mem::base(RBP, -16))),
            [0x48, 0x8b, 0x45, 0xf0]
        );
        assert_eq!(
            bytes(|a| a.load(Size::B8, RAX, &Mem::base(R13, 0))),
            [0x49, 0x8b, 0x45, 0x00]
        );
        assert_eq!(
            bytes(|a| a.load(Size::B8, RAX, &Mem::base(R12, 8))),
            [0x49, 0x8b, 0x44, 0x24, 0x08]
        );
        assert_eq!(
            bytes(|a| a.load(Size::B1, RSI, &Mem::indexed(RAX, RCX, 1, 24))),
            [0x0f, 0xb6, 0x74, 0x08, 0x18]
        );
        assert_eq!(
            bytes(|a| a.store(Size::B1, &Mem::base(RAX, 8), RSI)),
            [0x40, 0x88, 0x70, 0x08]
        );
        assert_eq!(bytes(|a| a.push(R12)), [0x41, 0x54]);
        assert_eq!(bytes(|a| a.setcc(Cond::L, RDI)), [0x40, 0x0f, 0x9c, 0xc7]);
        assert_eq!(
            bytes(|a| a.alu(Alu::Cmp, RAX, &Src::Imm(2))),
            [0x48, 0x83, 0xf8, 0x02]
        );
        assert_eq!(
            bytes(|a| a.alu(Alu::Add, RAX, &Src::Imm(1000))),
            [0x48, 0x81, 0xc0, 0xe8, 0x03, 0, 0]
        );
        assert_eq!(
            bytes(|a| a.mov_ri(RAX, -1)),
            [0x48, 0xc7, 0xc0, 0xff, 0xff, 0xff, 0xff]
        );
        assert_eq!(bytes(|a| a.mov_ri(R9, 5)), [0x41, 0xb9, 5, 0, 0, 0]);
        assert_eq!(
            bytes(|a| a.movq_to_xmm(0, RAX)),
            [0x66, 0x48, 0x0f, 0x6e, 0xc0]
        );
    }

    #[test]
    fn labels_and_short_back_jumps() {
        let mut a = Assembler::new();
        let top = a.new_label();
        let out = a.new_label();
        a.bind(top);
        a.jcc(Cond::E, out);
        a.jmp(top);
        a.bind(out);
        a.ret();
        a.finish().unwrap();
        assert_eq!(a.code, [0x0f, 0x84, 2, 0, 0, 0, 0xeb, 0xf8, 0xc3]);
    }
}
