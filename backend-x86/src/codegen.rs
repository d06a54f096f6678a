//! Instruction selection: one low-level graph to machine code.
//!
//! Blocks are laid out in the graph's depth-first order; each block's code is
//! its operations, then its exit: a compare-and-branch (or compare chain, or
//! jump table) and the parallel moves of each link. Moves of a link taken by a
//! conditional branch go to a stub after the function body; the last link's
//! moves are emitted inline and fall through when the target comes next.
//!
//! Value representation: every value is a 64-bit word in a register or stack
//! slot; Bool, Char and UniChar are zero-extended, Float is its bit pattern
//! (moved to xmm registers only at calls and returns), Void has no storage.
//!
//! The function's code ends with the shared exits: link stubs, the raise stub
//! (the except block), the propagate path (an exception is pending: return 0)
//! and the one epilogue.

use abi::runtime as rt;
use flowmodel::{BlockId, ExitSwitch, Link, Operand, VarId};
use lltype::{
    FuncId, LlConst, LlGraph, LlOp, LlOperand, LlOperation, LlProgram, LlType, TypeDefKind, TypeId,
};

use crate::moves::sequentialize;
use crate::regalloc::{self, AllocInput, Frame, Loc};
use crate::x86::*;

/// Integer argument registers of the System V calling convention.
pub const ARG_REGS: [Reg; 6] = [RDI, RSI, RDX, RCX, R8, R9];
const FLOAT_ARG_REGS: u8 = 8;

/// What every function's code generation needs about the whole program.
pub struct ProgramInfo<'a> {
    pub program: &'a LlProgram,
    pub opt_level: u8,
    /// Symbol name of each function.
    pub symbols: &'a [String],
    /// Offset of each prebuilt object in `.data`.
    pub prebuilt_offsets: &'a [u64],
    /// The C strings in `.rodata`.
    pub cstrings: &'a crate::data::CStrings,
    /// Per function: whether calling it may leave an exception pending.
    pub may_raise: &'a [bool],
    /// Allocate from the generational collector (inline nursery fast path)
    /// rather than with `rpy_malloc`.
    pub gc: bool,
}

/// Offsets in a function's code where the frame changes (for CFI).
#[derive(Clone, Debug, Default)]
pub struct FrameEvents {
    pub after_push_rbp: u32,
    pub after_mov_rbp: u32,
    /// Each saved register and the offset right after its push.
    pub saved: Vec<(Reg, u32)>,
    /// For each epilogue: the offsets right after its `pop rbp` and its `ret`.
    pub returns: Vec<(u32, u32)>,
}

/// The machine code of one function.
pub struct FunctionCode {
    pub asm: Assembler,
    pub frame: FrameEvents,
}

/// One link whose moves are emitted out of line, after the body.
struct Stub {
    label: Label,
    block: BlockId,
    exit: usize,
    line: Option<(u32, u32)>,
}

struct Lower<'a> {
    info: &'a ProgramInfo<'a>,
    g: &'a LlGraph,
    opt: u8,
    locs: Vec<Loc>,
    /// Compares whose result only feeds their block's branch.
    fused: Vec<bool>,
    frame: Frame,
    asm: Assembler,
    block_labels: Vec<Label>,
    events: FrameEvents,
    propagate: Label,
    propagate_used: bool,
    raise_stub: Option<Label>,
    /// Inside a `LastException` block with exception links: where a pending
    /// exception goes instead of `propagate` (the handler dispatch).
    catch: Option<Label>,
    unreachable: Option<Label>,
    stubs: Vec<Stub>,
    line: Option<(u32, u32)>,
    /// Shadow-stack slots of the frame (`gc_store_root` / `gc_load_root`).
    root_slots: u32,
}

fn fits_i32(v: i64) -> bool {
    v >= i32::MIN as i64 && v <= i32::MAX as i64
}

/// Compiles function `fid`; errors name the function and the operation.
pub fn compile_function(info: &ProgramInfo, fid: usize) -> Result<FunctionCode, String> {
    let g = &info.program.functions[fid];
    lower_function(info, g).map_err(|e| format!("backend-x86: function `{}`: {}", g.name, e))
}

fn lower_function(info: &ProgramInfo, g: &LlGraph) -> Result<FunctionCode, String> {
    validate(info.program, g)?;
    let order: Vec<BlockId> = g
        .reachable_blocks()
        .into_iter()
        .filter(|&b| b != g.returnblock && b != g.exceptblock)
        .collect();
    let opt = info.opt_level;
    let nvars = g.vars.len();

    // Uses of each variable, compares fused into branches, homes wanted.
    let mut uses = vec![0u32; nvars];
    let mut hints: Vec<Option<Reg>> = vec![None; nvars];
    let mut needs_scratch = false;
    for &b in &order {
        let block = g.block(b);
        for op in &block.operations {
            let mut int_arg = 0;
            for (k, a) in op.args.iter().enumerate() {
                if let Operand::Var(v) = a {
                    uses[v.0 as usize] += 1;
                    // The argument register of a call is a good home for a
                    // value that is computed just for the call.
                    if matches!(op.op, LlOp::DirectCall | LlOp::IndirectCall) && k > 0 {
                        let ty = g.var(*v).ty;
                        if ty != LlType::Void && ty != LlType::Float {
                            if int_arg < 6
                                && hints[v.0 as usize].is_none()
                                && regalloc::CALLER_SAVED.contains(&ARG_REGS[int_arg])
                            {
                                hints[v.0 as usize] = Some(ARG_REGS[int_arg]);
                            }
                            int_arg += 1;
                        }
                    }
                }
            }
            if op.op == LlOp::MallocVarsize && matches!(op.args.get(1), Some(Operand::Var(_))) {
                needs_scratch = true;
            }
        }
        if let ExitSwitch::Value(Operand::Var(v)) = &block.exitswitch {
            uses[v.0 as usize] += 1;
        }
        for link in &block.exits {
            for a in &link.args {
                if let Operand::Var(v) = a {
                    uses[v.0 as usize] += 1;
                }
            }
        }
    }
    let start = g.block(g.startblock);
    let mut int_param = 0;
    for &v in &start.inputargs {
        let ty = g.var(v).ty;
        if ty != LlType::Void && ty != LlType::Float {
            if int_param < 6 && regalloc::CALLER_SAVED.contains(&ARG_REGS[int_param]) {
                hints[v.0 as usize] = Some(ARG_REGS[int_param]);
            }
            int_param += 1;
        }
    }
    let mut fused = vec![false; nvars];
    if opt >= 1 {
        for &b in &order {
            let block = g.block(b);
            if let (ExitSwitch::Value(Operand::Var(v)), Some(last)) =
                (&block.exitswitch, block.operations.last())
            {
                if last.result == *v
                    && uses[v.0 as usize] == 1
                    && is_compare(last.op)
                    && is_bool_switch(g, block)
                {
                    fused[v.0 as usize] = true;
                }
            }
        }
    }
    let needed = needed_values(g, &order);
    let needs_loc: Vec<bool> = (0..nvars)
        .map(|v| g.vars[v].ty != LlType::Void && !fused[v] && (opt == 0 || needed[v]))
        .collect();
    let input = AllocInput {
        graph: g,
        order: &order,
        needs_loc: &needs_loc,
        hints: &hints,
        needs_scratch,
    };
    let frame = if opt == 0 {
        regalloc::allocate_slots(&input)
    } else {
        regalloc::allocate_registers(&input)
    };

    let mut asm = Assembler::new();
    let block_labels = (0..g.blocks.len()).map(|_| asm.new_label()).collect();
    let propagate = asm.new_label();
    let mut lower = Lower {
        info,
        g,
        opt,
        locs: frame.locs.clone(),
        fused,
        frame,
        asm,
        block_labels,
        events: FrameEvents::default(),
        propagate,
        propagate_used: false,
        raise_stub: None,
        catch: None,
        unreachable: None,
        stubs: Vec::new(),
        line: None,
        root_slots: root_slots(g),
    };
    lower.emit_function(&order)?;
    lower.asm.finish()?;
    Ok(FunctionCode {
        asm: lower.asm,
        frame: lower.events,
    })
}

/// The number of shadow-stack slots a function uses: one more than the
/// largest slot of its `gc_store_root` / `gc_load_root` operations.
fn root_slots(g: &LlGraph) -> u32 {
    let mut n = 0;
    for op in g.blocks.iter().flat_map(|b| &b.operations) {
        if matches!(op.op, LlOp::GcStoreRoot | LlOp::GcLoadRoot) {
            if let Some(Operand::Const(LlConst::Int(k))) = op.args.first() {
                n = n.max(*k as u32 + 1);
            }
        }
    }
    n
}

/// A word of the collector's state (`abi::gc`).
fn gc_word(offset: i32) -> Mem {
    Mem::Rip(RipTarget::ExternField(abi::gc::STATE.to_string(), offset))
}

/// The shadow stack's top.
fn root_stack_top() -> Mem {
    gc_word(abi::gc::ROOT_STACK_TOP)
}

/// The header flag the write barrier tests (`abi::FLAG_TRACK_YOUNG_PTRS`), in
/// the byte at offset 4.
const TRACK_YOUNG_PTRS: i32 = abi::FLAG_TRACK_YOUNG_PTRS as i32;

/// A runtime symbol name must be a C identifier.
pub fn check_symbol(name: &str) -> Result<&str, String> {
    let mut chars = name.chars();
    let ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(name)
    } else {
        Err(format!("`{}` is not a valid symbol name", name))
    }
}

/// Per variable: whether its value can matter, i.e. reaches (through link
/// copies) an operation, an exit switch, or the return or except block.
/// Values only copied around a loop (say an unused argument) are not needed.
fn needed_values(g: &LlGraph, order: &[BlockId]) -> Vec<bool> {
    let mut needed = vec![false; g.vars.len()];
    let mark = |o: &LlOperand, needed: &mut Vec<bool>| {
        if let Operand::Var(v) = o {
            needed[v.0 as usize] = true;
        }
    };
    for &b in order {
        let block = g.block(b);
        for op in &block.operations {
            op.args.iter().for_each(|a| mark(a, &mut needed));
        }
        if let ExitSwitch::Value(x) = &block.exitswitch {
            mark(x, &mut needed);
        }
        for link in &block.exits {
            if link.target == g.returnblock || link.target == g.exceptblock {
                link.args.iter().for_each(|a| mark(a, &mut needed));
            }
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for &b in order {
            for link in &g.block(b).exits {
                let inputs = &g.block(link.target).inputargs;
                for (a, x) in link.args.iter().zip(inputs) {
                    if let Operand::Var(v) = a {
                        if needed[x.0 as usize] && !needed[v.0 as usize] {
                            needed[v.0 as usize] = true;
                            changed = true;
                        }
                    }
                }
            }
        }
    }
    needed
}

/// Whether an operation may leave an exception pending: `canraise`
/// operations, except calls of program functions known not to raise.
pub fn may_raise(op: &LlOperation, may_raise: &[bool]) -> bool {
    if !op.op.flags().canraise {
        return false;
    }
    match (op.op, op.args.first()) {
        (LlOp::DirectCall, Some(Operand::Const(LlConst::Func(f)))) => {
            may_raise.get(f.0 as usize).copied().unwrap_or(true)
        }
        _ => true,
    }
}

/// Per function: whether it may return with an exception pending, i.e. it
/// reaches its except block or an operation that may raise (fixpoint over
/// the call graph; runtime functions are assumed to raise).
pub fn functions_that_may_raise(p: &LlProgram) -> Vec<bool> {
    let mut raises = vec![false; p.functions.len()];
    let mut changed = true;
    while changed {
        changed = false;
        for (i, g) in p.functions.iter().enumerate() {
            if raises[i] {
                continue;
            }
            let r = g.blocks.iter().any(|b| {
                b.exits.iter().any(|l| l.target == g.exceptblock)
                    || b.operations.iter().any(|op| may_raise(op, &raises))
            });
            if r {
                raises[i] = true;
                changed = true;
            }
        }
    }
    raises
}

fn is_compare(op: LlOp) -> bool {
    use LlOp::*;
    matches!(
        op,
        IntLt
            | IntLe
            | IntEq
            | IntNe
            | IntGt
            | IntGe
            | UintLt
            | UintLe
            | UintGt
            | UintGe
            | IntIsTrue
            | BoolNot
            | PtrEq
            | PtrNe
            | PtrIsZero
            | PtrNonZero
    )
}

/// A switch that is a truth test: cases only 0 and 1, and either a Bool
/// value or no default (an int with a default must compare with each case).
fn is_bool_switch(g: &LlGraph, block: &flowmodel::Block<lltype::Ll>) -> bool {
    let is_bool = matches!(&block.exitswitch, ExitSwitch::Value(Operand::Var(v)) if g.var(*v).ty == LlType::Bool);
    let has_default = block.exits.iter().any(|l| l.exitcase.is_none());
    block.exits.len() <= 3
        && (is_bool || !has_default)
        && block.exits.iter().all(|l| {
            matches!(
                l.exitcase,
                None | Some(LlConst::Int(0)) | Some(LlConst::Int(1))
            )
        })
}

/// Checks indexes and shapes so that code generation cannot panic.
fn validate(p: &LlProgram, g: &LlGraph) -> Result<(), String> {
    let nblocks = g.blocks.len();
    let nvars = g.vars.len();
    for b in [g.startblock, g.returnblock, g.exceptblock] {
        if b.0 as usize >= nblocks {
            return Err(format!("block{} does not exist", b.0));
        }
    }
    if g.startblock == g.returnblock || g.startblock == g.exceptblock {
        return Err("the start block is the return or except block".into());
    }
    for (i, block) in g.blocks.iter().enumerate() {
        for link in &block.exits {
            if link.target.0 as usize >= nblocks {
                return Err(format!(
                    "block{} links to block{}, which does not exist",
                    i, link.target.0
                ));
            }
        }
    }
    let check_var = |v: VarId| -> Result<(), String> {
        if v.0 as usize >= nvars {
            return Err(format!("v{} does not exist", v.0));
        }
        if let LlType::Ptr(t) = g.var(v).ty {
            if t.0 as usize >= p.types.len() {
                return Err(format!("v{} has an unknown type t{}", v.0, t.0));
            }
        }
        Ok(())
    };
    let mut defined = vec![false; nvars];
    let mut used = Vec::new();
    let reachable = g.reachable_blocks();
    for &b in &reachable {
        let block = g.block(b);
        for &v in &block.inputargs {
            check_var(v)?;
            defined[v.0 as usize] = true;
        }
        for op in &block.operations {
            check_var(op.result)?;
            defined[op.result.0 as usize] = true;
            if let Some(n) = op.op.arity() {
                if op.args.len() != n {
                    return Err(format!(
                        "op `{}` takes {} arguments, got {}",
                        op.op,
                        n,
                        op.args.len()
                    ));
                }
            } else if op.args.is_empty() {
                return Err(format!("op `{}` has no callee", op.op));
            }
            for a in &op.args {
                if let Operand::Var(v) = a {
                    check_var(*v)?;
                    used.push((*v, op.op.name()));
                }
            }
        }
        if let ExitSwitch::Value(Operand::Var(v)) = &block.exitswitch {
            check_var(*v)?;
            used.push((*v, "exit switch"));
        }
        if let ExitSwitch::LastException = block.exitswitch {
            for link in block.exits.iter().skip(1) {
                match &link.exitcase {
                    Some(LlConst::Null) => {}
                    Some(LlConst::Prebuilt(id)) => {
                        vtable_range(p, *id).map_err(|e| format!("block{}: {}", b.0, e))?;
                    }
                    other => {
                        return Err(format!("block{}: bad exception exitcase {:?}", b.0, other));
                    }
                }
            }
        }
        if b != g.returnblock && b != g.exceptblock && block.exits.is_empty() {
            return Err(format!("block{} has no exits", b.0));
        }
        for link in &block.exits {
            if let Some((t, v)) = link.exc_vars {
                check_var(t)?;
                check_var(v)?;
                defined[t.0 as usize] = true;
                defined[v.0 as usize] = true;
            }
            let target = g.block(link.target);
            if link.args.len() != target.inputargs.len() {
                return Err(format!(
                    "link block{} -> block{} passes {} values for {} input variables",
                    b.0,
                    link.target.0,
                    link.args.len(),
                    target.inputargs.len()
                ));
            }
            for a in &link.args {
                if let Operand::Var(v) = a {
                    check_var(*v)?;
                    used.push((*v, "link"));
                }
            }
        }
    }
    for (v, what) in used {
        if !defined[v.0 as usize] {
            return Err(format!("v{} is used (by {}) but never defined", v.0, what));
        }
    }
    if g.block(g.returnblock).inputargs.len() != 1 {
        return Err("the return block must have one input variable".into());
    }
    if g.block(g.exceptblock).inputargs.len() != 2 {
        return Err("the except block must have two input variables".into());
    }
    Ok(())
}

/// What a link does: location-to-location moves (a parallel move), then
/// constants into locations.
type LinkMoves = (Vec<(Loc, Loc)>, Vec<(Loc, LlConst)>);

/// How an argument or parameter is passed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ArgClass {
    Void,
    Int,
    Float,
}

fn class_of(ty: LlType) -> ArgClass {
    match ty {
        LlType::Void => ArgClass::Void,
        LlType::Float => ArgClass::Float,
        _ => ArgClass::Int,
    }
}

impl<'a> Lower<'a> {
    fn program(&self) -> &'a LlProgram {
        self.info.program
    }

    fn loc(&self, v: VarId) -> Loc {
        self.locs[v.0 as usize]
    }

    fn operand_class(&self, o: &LlOperand) -> ArgClass {
        match o {
            Operand::Var(v) => class_of(self.g.var(*v).ty),
            Operand::Const(LlConst::Float(_)) => ArgClass::Float,
            Operand::Const(LlConst::Void) => ArgClass::Void,
            Operand::Const(_) => ArgClass::Int,
        }
    }

    /// Records the source line of the code that follows (for DWARF and the listing).
    fn set_span(&mut self, span: diag::Span) {
        if span.line == 0 {
            return;
        }
        self.set_line(Some((span.file.0, span.line)));
    }

    fn set_line(&mut self, line: Option<(u32, u32)>) {
        let Some((file, line)) = line else { return };
        if self.asm.set_line(file, line) {
            let name = self
                .program()
                .sources
                .get(file as usize)
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "<unknown>".into());
            self.asm.comment(format!("{}:{}", name, line));
        }
        self.line = Some((file, line));
    }

    // ---- operands ----

    /// Loads a constant into `r`.
    fn load_const(&mut self, c: &LlConst, r: Reg) -> Result<(), String> {
        match c {
            LlConst::Int(i) => self.asm.mov_ri(r, *i),
            LlConst::Float(f) => self.asm.mov_ri(r, f.to_bits() as i64),
            LlConst::Null | LlConst::Void => self.asm.zero(r),
            LlConst::Prebuilt(p) => {
                let off = *self
                    .info
                    .prebuilt_offsets
                    .get(p.0 as usize)
                    .ok_or_else(|| format!("prebuilt object {} does not exist", p.0))?;
                self.asm.lea(r, &Mem::Rip(RipTarget::Data(off)));
            }
            LlConst::Func(f) => {
                let name = self.func_symbol(*f)?;
                self.asm.lea(r, &Mem::Rip(RipTarget::Func(f.0, name)));
            }
            LlConst::Extern(name) => {
                check_symbol(name)?;
                self.asm
                    .load(Size::B8, r, &Mem::Rip(RipTarget::Got(name.clone())));
            }
            LlConst::CString(s) => {
                let off = self.info.cstrings.offset(s)?;
                self.asm.lea(r, &Mem::Rip(RipTarget::Rodata(off)));
            }
            LlConst::Type(_) | LlConst::Field(_) => {
                return Err(format!("constant {:?} is not a value", c));
            }
        }
        Ok(())
    }

    fn func_symbol(&self, f: FuncId) -> Result<String, String> {
        self.info
            .symbols
            .get(f.0 as usize)
            .cloned()
            .ok_or_else(|| format!("function {} does not exist", f.0))
    }

    /// An operand as an instruction source; constants that do not fit an
    /// immediate are loaded into `scratch`.
    fn src(&mut self, o: &LlOperand, scratch: Reg) -> Result<Src, String> {
        Ok(match o {
            Operand::Var(v) => match self.loc(*v) {
                Loc::Reg(r) => Src::Reg(r),
                Loc::Stack(d) => Src::Mem(Mem::base(RBP, d)),
                Loc::None => Src::Imm(0),
            },
            Operand::Const(LlConst::Int(i)) if fits_i32(*i) => Src::Imm(*i as i32),
            Operand::Const(LlConst::Null | LlConst::Void) => Src::Imm(0),
            Operand::Const(c) => {
                self.load_const(c, scratch)?;
                Src::Reg(scratch)
            }
        })
    }

    /// Loads an operand's value into `r`.
    fn load(&mut self, o: &LlOperand, r: Reg) -> Result<(), String> {
        let s = self.src(o, r)?;
        self.asm.mov(r, &s);
        Ok(())
    }

    /// The operand in a register: its own, or loaded into `scratch`.
    fn in_reg(&mut self, o: &LlOperand, scratch: Reg) -> Result<Reg, String> {
        match self.src(o, scratch)? {
            Src::Reg(r) => Ok(r),
            other => {
                self.asm.mov(scratch, &other);
                Ok(scratch)
            }
        }
    }

    fn var_in(&self, o: &LlOperand, r: Reg) -> bool {
        matches!(o, Operand::Var(v) if self.loc(*v) == Loc::Reg(r))
    }

    /// The register to compute a result in: its home if that is a register.
    fn result_reg(&self, v: VarId) -> Reg {
        match self.loc(v) {
            Loc::Reg(r) => r,
            _ => RAX,
        }
    }

    /// Moves a computed result from `r` to its home.
    fn store_result(&mut self, v: VarId, r: Reg) {
        match self.loc(v) {
            Loc::Reg(d) => self.asm.mov_rr(d, r),
            Loc::Stack(d) => self.asm.store(Size::B8, &Mem::base(RBP, d), r),
            Loc::None => {}
        }
    }

    /// Sequential moves between homes (the parallel move resolved), then
    /// constants into their destinations.
    fn emit_moves(
        &mut self,
        moves: &[(Loc, Loc)],
        consts: &[(Loc, LlConst)],
    ) -> Result<(), String> {
        for (d, s) in sequentialize(moves, Loc::Reg(R11)) {
            match (d, s) {
                (Loc::Reg(d), Loc::Reg(s)) => self.asm.mov_rr(d, s),
                (Loc::Reg(d), Loc::Stack(s)) => self.asm.load(Size::B8, d, &Mem::base(RBP, s)),
                (Loc::Stack(d), Loc::Reg(s)) => self.asm.store(Size::B8, &Mem::base(RBP, d), s),
                (Loc::Stack(d), Loc::Stack(s)) => {
                    self.asm.load(Size::B8, RAX, &Mem::base(RBP, s));
                    self.asm.store(Size::B8, &Mem::base(RBP, d), RAX);
                }
                _ => {}
            }
        }
        for (d, c) in consts {
            match *d {
                Loc::Reg(r) => self.load_const(c, r)?,
                Loc::Stack(disp) => match c {
                    LlConst::Int(i) if fits_i32(*i) => {
                        self.asm
                            .store_imm(Size::B8, &Mem::base(RBP, disp), *i as i32)
                    }
                    LlConst::Null | LlConst::Void => {
                        self.asm.store_imm(Size::B8, &Mem::base(RBP, disp), 0)
                    }
                    _ => {
                        self.load_const(c, RAX)?;
                        self.asm.store(Size::B8, &Mem::base(RBP, disp), RAX);
                    }
                },
                Loc::None => {}
            }
        }
        Ok(())
    }

    /// The moves a link performs.
    fn link_moves(&self, link: &Link<lltype::Ll>) -> LinkMoves {
        let target = self.g.block(link.target);
        let mut moves = Vec::new();
        let mut consts = Vec::new();
        for (a, &dst) in link.args.iter().zip(&target.inputargs) {
            let d = self.loc(dst);
            if d == Loc::None {
                continue;
            }
            match a {
                Operand::Var(v) => match self.loc(*v) {
                    Loc::None => consts.push((d, LlConst::Int(0))),
                    s if s != d => moves.push((d, s)),
                    _ => {}
                },
                Operand::Const(c) => consts.push((d, c.clone())),
            }
        }
        (moves, consts)
    }

    // ---- function structure ----

    fn emit_function(&mut self, order: &[BlockId]) -> Result<(), String> {
        let g = self.g;
        let def_line = if g.span.line != 0 {
            Some((g.span.file.0, g.span.line))
        } else {
            None
        };
        self.set_line(def_line);
        self.asm.push(RBP);
        self.events.after_push_rbp = self.asm.offset();
        self.asm.mov_rr(RBP, RSP);
        self.events.after_mov_rbp = self.asm.offset();
        for r in self.frame.saved.clone() {
            self.asm.push(r);
            self.events.saved.push((r, self.asm.offset()));
        }
        if self.frame.frame_size > 0 {
            self.asm
                .alu(Alu::Sub, RSP, &Src::Imm(self.frame.frame_size as i32));
        }
        if self.root_slots > 0 {
            // Reserve the frame's shadow-stack slots, zeroed: the collector
            // reads every slot below the top. (r11 and rax are free here.)
            self.asm.comment("shadow-stack frame");
            self.asm.load(Size::B8, R11, &root_stack_top());
            self.asm.zero(RAX);
            for k in 0..self.root_slots {
                self.asm.store(Size::B8, &Mem::base(R11, 8 * k as i32), RAX);
            }
            self.asm.lea(R11, &Mem::base(R11, 8 * self.root_slots as i32));
            self.asm.store(Size::B8, &root_stack_top(), R11);
        }
        self.emit_params()?;

        for (i, &b) in order.iter().enumerate() {
            let next = order.get(i + 1).copied();
            let label = self.block_labels[b.0 as usize];
            self.asm.bind(label);
            self.asm.comment(format!("block{}", b.0));
            self.emit_block(b, next)?;
        }

        let mut k = 0;
        while k < self.stubs.len() {
            let (label, block, exit, line) = {
                let s = &self.stubs[k];
                (s.label, s.block, s.exit, s.line)
            };
            self.set_line(line);
            self.asm.bind(label);
            self.emit_link(block, exit, None)?;
            k += 1;
        }
        if let Some(raise) = self.raise_stub {
            // The except block: make the exception (type in rax, value in
            // rdx) pending, keeping one that is already pending if the type
            // is void/null, and leave.
            self.asm.bind(raise);
            self.asm.comment("raise");
            let exc = Mem::Rip(RipTarget::Extern(rt::EXC_TYPE.to_string()));
            let exc_value = Mem::Rip(RipTarget::Extern(rt::EXC_VALUE.to_string()));
            let keep = self.asm.new_label();
            self.asm.test_rr(RAX, RAX);
            self.asm.jcc_short(Cond::E, keep);
            self.asm.store(Size::B8, &exc, RAX);
            self.asm.store(Size::B8, &exc_value, RDX);
            self.asm.bind(keep);
            self.asm.alu_rm(Alu::Cmp, &Src::Mem(exc), &Src::Imm(0));
            self.asm.jcc(Cond::NE, self.propagate);
            self.asm.zero(RDI);
            self.asm.call_extern(rt::RAISE);
            self.asm.jmp(self.propagate);
            self.propagate_used = true;
        }
        if let Some(l) = self.unreachable {
            self.asm.bind(l);
            self.asm.ud2();
        }
        if self.propagate_used {
            self.set_line(def_line);
            self.asm.bind(self.propagate);
            self.asm.comment("an exception is pending: note this frame, return 0");
            let entry = abi::traceback_entry(&self.g.name, self.g.span.line);
            let off = self.info.cstrings.offset(entry.as_bytes())?;
            self.asm.lea(RDI, &Mem::Rip(RipTarget::Rodata(off)));
            self.asm.call_extern(rt::TRACEBACK_RECORD);
            self.asm.zero(RAX);
            self.emit_epilogue();
        }
        Ok(())
    }

    /// Restores the caller's registers and returns (the result is in rax).
    fn emit_epilogue(&mut self) {
        if self.root_slots > 0 {
            self.asm.alu_rm(Alu::Sub, &Src::Mem(root_stack_top()), &Src::Imm(8 * self.root_slots as i32));
        }
        let nsaved = self.frame.saved.len() as i32;
        if nsaved > 0 {
            if self.frame.frame_size > 0 {
                self.asm.lea(RSP, &Mem::base(RBP, -8 * nsaved));
            }
            for r in self.frame.saved.clone().into_iter().rev() {
                self.asm.pop(r);
            }
        } else if self.frame.frame_size > 0 {
            self.asm.mov_rr(RSP, RBP);
        }
        self.asm.pop(RBP);
        let after_pop = self.asm.offset();
        self.asm.ret();
        self.events.returns.push((after_pop, self.asm.offset()));
    }

    /// Moves the parameters from where the caller put them to their homes.
    fn emit_params(&mut self) -> Result<(), String> {
        let g = self.g;
        let mut moves = Vec::new();
        let mut floats = Vec::new();
        let (mut ints, mut xmms, mut stack) = (0usize, 0u8, 0i32);
        for &v in &g.block(g.startblock).inputargs {
            let class = class_of(g.var(v).ty);
            let from = match class {
                ArgClass::Void => continue,
                ArgClass::Int if ints < 6 => {
                    ints += 1;
                    Loc::Reg(ARG_REGS[ints - 1])
                }
                ArgClass::Float if xmms < FLOAT_ARG_REGS => {
                    xmms += 1;
                    floats.push((self.loc(v), xmms - 1));
                    continue;
                }
                _ => {
                    stack += 1;
                    Loc::Stack(16 + 8 * (stack - 1))
                }
            };
            if self.loc(v) != Loc::None {
                moves.push((self.loc(v), from));
            }
        }
        self.emit_moves(&moves, &[])?;
        for (to, xmm) in floats {
            match to {
                Loc::Reg(r) => self.asm.movq_from_xmm(r, xmm),
                Loc::Stack(d) => {
                    self.asm.movq_from_xmm(RAX, xmm);
                    self.asm.store(Size::B8, &Mem::base(RBP, d), RAX);
                }
                Loc::None => {}
            }
        }
        Ok(())
    }

    fn emit_block(&mut self, b: BlockId, next: Option<BlockId>) -> Result<(), String> {
        let block = self.g.block(b);
        self.catch = match block.exitswitch {
            ExitSwitch::LastException if block.exits.len() > 1 => Some(self.asm.new_label()),
            _ => None,
        };
        for op in &block.operations {
            self.set_span(op.span);
            self.emit_op(op)
                .map_err(|e| format!("op `{}` (v{}): {}", op.op, op.result.0, e))?;
        }
        match &block.exitswitch {
            ExitSwitch::None => self.emit_link(b, 0, next),
            ExitSwitch::LastException if block.exits.len() <= 1 => self.emit_link(b, 0, next),
            ExitSwitch::LastException => {
                let r = self.emit_catch_body(b);
                self.catch = None;
                r
            }
            ExitSwitch::Value(v) => self.emit_switch(b, v, next),
        }
    }

    /// A block with exception links: its raising operations jump to a
    /// dispatch that compares the pending class id with each handler's
    /// subclass range; a matching handler takes the pending words (into its
    /// link's exc_vars) and clears them.
    fn emit_catch_body(&mut self, b: BlockId) -> Result<(), String> {
        let block = self.g.block(b);
        let dispatch = self.catch.expect("catch label");
        self.emit_link(b, 0, None)?;
        self.asm.bind(dispatch);
        self.asm.comment("exception dispatch");
        let exc_type = Mem::Rip(RipTarget::Extern(rt::EXC_TYPE.to_string()));
        let exc_value = Mem::Rip(RipTarget::Extern(rt::EXC_VALUE.to_string()));
        self.asm.load(Size::B8, RAX, &exc_type);
        self.asm.load(Size::B8, RCX, &Mem::base(RAX, abi::vtable_layout::SUBCLASSRANGE_MIN as i32));
        let mut handlers = Vec::new();
        let mut catch_all = false;
        for (k, link) in block.exits.iter().enumerate().skip(1) {
            let handler = self.asm.new_label();
            handlers.push((k, handler));
            match &link.exitcase {
                Some(LlConst::Prebuilt(id)) => {
                    let (min, max) = vtable_range(self.info.program, *id)?;
                    let next = self.asm.new_label();
                    self.asm.alu(Alu::Cmp, RCX, &Src::Imm(min as i32));
                    self.asm.jcc(Cond::L, next);
                    self.asm.alu(Alu::Cmp, RCX, &Src::Imm(max as i32));
                    self.asm.jcc(Cond::G, next);
                    self.asm.jmp(handler);
                    self.asm.bind(next);
                }
                _ => {
                    self.asm.jmp(handler);
                    catch_all = true;
                    break;
                }
            }
        }
        if !catch_all {
            self.asm.jmp(self.propagate);
            self.propagate_used = true;
        }
        for (k, handler) in handlers {
            self.asm.bind(handler);
            let link = &block.exits[k];
            if let Some((t, v)) = link.exc_vars {
                for (var, mem) in [(t, &exc_type), (v, &exc_value)] {
                    match self.loc(var) {
                        Loc::Reg(r) => self.asm.load(Size::B8, r, mem),
                        Loc::Stack(d) => {
                            self.asm.load(Size::B8, RAX, mem);
                            self.asm.store(Size::B8, &Mem::base(RBP, d), RAX);
                        }
                        Loc::None => {}
                    }
                }
            }
            self.asm.store_imm(Size::B8, &exc_type, 0);
            self.asm.store_imm(Size::B8, &exc_value, 0);
            self.asm.store_imm(Size::B8, &Mem::Rip(RipTarget::Extern(rt::TRACEBACK_LEN.to_string())), 0);
            self.emit_link(b, k, None)?;
        }
        Ok(())
    }

    /// The code of a link: the moves into the target's input variables and
    /// the jump (none if the target comes next).
    fn emit_link(&mut self, b: BlockId, exit: usize, next: Option<BlockId>) -> Result<(), String> {
        let g = self.g;
        let link = &g.block(b).exits[exit];
        if link.target == g.returnblock {
            let ty = g.var(g.block(g.returnblock).inputargs[0]).ty;
            match class_of(ty) {
                ArgClass::Void => self.asm.zero(RAX),
                ArgClass::Int => self.load(&link.args[0], RAX)?,
                ArgClass::Float => {
                    self.load(&link.args[0], RAX)?;
                    self.asm.movq_to_xmm(0, RAX);
                }
            }
            self.emit_epilogue();
        } else if link.target == g.exceptblock {
            match self.operand_class(&link.args[1]) {
                ArgClass::Int => self.load(&link.args[1], RDX)?,
                _ => self.asm.zero(RDX),
            }
            match self.operand_class(&link.args[0]) {
                ArgClass::Int => self.load(&link.args[0], RAX)?,
                _ => self.asm.zero(RAX),
            }
            let raise = match self.raise_stub {
                Some(l) => l,
                None => {
                    let l = self.asm.new_label();
                    self.raise_stub = Some(l);
                    l
                }
            };
            self.asm.jmp(raise);
        } else {
            let (moves, consts) = self.link_moves(link);
            self.emit_moves(&moves, &consts)?;
            if Some(link.target) != next {
                self.asm.jmp(self.block_labels[link.target.0 as usize]);
            }
        }
        Ok(())
    }

    /// Where a conditional branch for this link jumps: the target block
    /// itself when the link moves nothing, else a stub with the moves.
    fn edge_label(&mut self, b: BlockId, exit: usize) -> Label {
        let g = self.g;
        let link = &g.block(b).exits[exit];
        let target = link.target;
        if target != g.returnblock && target != g.exceptblock {
            let (moves, consts) = self.link_moves(link);
            if moves.is_empty() && consts.is_empty() {
                return self.block_labels[target.0 as usize];
            }
        }
        let label = self.asm.new_label();
        self.stubs.push(Stub {
            label,
            block: b,
            exit,
            line: self.line,
        });
        label
    }

    fn unreachable_label(&mut self) -> Label {
        match self.unreachable {
            Some(l) => l,
            None => {
                let l = self.asm.new_label();
                self.unreachable = Some(l);
                l
            }
        }
    }

    fn emit_switch(
        &mut self,
        b: BlockId,
        value: &LlOperand,
        next: Option<BlockId>,
    ) -> Result<(), String> {
        let g = self.g;
        let block = g.block(b);
        let mut cases: Vec<(i64, usize)> = Vec::new();
        let mut default = None;
        for (i, link) in block.exits.iter().enumerate() {
            match &link.exitcase {
                None => default = default.or(Some(i)),
                Some(LlConst::Int(k)) => {
                    if !cases.iter().any(|c| c.0 == *k) {
                        cases.push((*k, i));
                    }
                }
                Some(LlConst::Null) => {
                    if !cases.iter().any(|c| c.0 == 0) {
                        cases.push((0, i));
                    }
                }
                Some(other) => {
                    return Err(format!("block{}: unsupported exit case {:?}", b.0, other))
                }
            }
        }
        if let Operand::Const(c) = value {
            let k = match c {
                LlConst::Int(k) => *k,
                LlConst::Null | LlConst::Void => 0,
                other => return Err(format!("block{}: switch on constant {:?}", b.0, other)),
            };
            return match cases.iter().find(|c| c.0 == k).map(|c| c.1).or(default) {
                Some(exit) => self.emit_link(b, exit, next),
                None => {
                    self.asm.ud2();
                    Ok(())
                }
            };
        }
        let var = value.as_var().unwrap_or(VarId(0));
        if is_bool_switch(g, block) {
            let find = |k: i64| cases.iter().find(|c| c.0 == k).map(|c| c.1).or(default);
            let (t, f) = match (find(1), find(0)) {
                (Some(t), Some(f)) => (t, f),
                (Some(x), None) | (None, Some(x)) => return self.emit_link(b, x, next),
                (None, None) => return Err(format!("block{} has no exits", b.0)),
            };
            let cond = if self.fused[var.0 as usize] {
                let last = block
                    .operations
                    .last()
                    .ok_or("fused compare without an operation")?;
                self.emit_compare(last)?
            } else {
                self.emit_test(value)?;
                Cond::NE
            };
            if t == f {
                return self.emit_link(b, t, next);
            }
            // Fall through to the link whose target comes next, if any.
            let (jump_exit, jump_cond, fall_exit) = if Some(block.exits[t].target) == next {
                (f, cond.negate(), t)
            } else {
                (t, cond, f)
            };
            let l = self.edge_label(b, jump_exit);
            self.asm.jcc(jump_cond, l);
            return self.emit_link(b, fall_exit, next);
        }

        // An integer switch: a jump table when the cases are dense, else a
        // chain of compares.
        if cases.is_empty() {
            return match default {
                Some(d) => self.emit_link(b, d, next),
                None => Err(format!("block{} has no exits", b.0)),
            };
        }
        let min = cases.iter().map(|c| c.0).min().unwrap_or(0);
        let max = cases.iter().map(|c| c.0).max().unwrap_or(0);
        let span = max as i128 - min as i128 + 1;
        let n = cases.len() as i128;
        if self.opt >= 1
            && n >= 4
            && span <= 3 * n + 4
            && span <= 4096
            && min > i32::MIN as i64
            && fits_i32(min)
        {
            return self.emit_jump_table(b, value, &cases, default, min, span as i64);
        }
        let r = self.in_reg(value, RAX)?;
        let count = cases.len();
        for (j, &(k, exit)) in cases.iter().enumerate() {
            if j == count - 1 && default.is_none() {
                return self.emit_link(b, exit, next);
            }
            let k_src = if fits_i32(k) {
                Src::Imm(k as i32)
            } else {
                self.asm.mov_ri(RCX, k);
                Src::Reg(RCX)
            };
            self.asm.alu(Alu::Cmp, r, &k_src);
            let l = self.edge_label(b, exit);
            self.asm.jcc(Cond::E, l);
        }
        match default {
            Some(d) => self.emit_link(b, d, next),
            None => Ok(()),
        }
    }

    fn emit_jump_table(
        &mut self,
        b: BlockId,
        value: &LlOperand,
        cases: &[(i64, usize)],
        default: Option<usize>,
        min: i64,
        span: i64,
    ) -> Result<(), String> {
        let default_label = match default {
            Some(d) => self.edge_label(b, d),
            None => self.unreachable_label(),
        };
        let mut entries = vec![default_label; span as usize];
        for &(k, exit) in cases {
            entries[(k - min) as usize] = self.edge_label(b, exit);
        }
        self.load(value, RAX)?;
        if min != 0 {
            self.asm.alu(Alu::Sub, RAX, &Src::Imm(min as i32));
        }
        self.asm.alu(Alu::Cmp, RAX, &Src::Imm((span - 1) as i32));
        self.asm.jcc(Cond::A, default_label);
        let table = self.asm.new_label();
        self.asm.lea(R11, &Mem::Rip(RipTarget::Label(table)));
        self.asm.movsxd(RAX, &Mem::indexed(R11, RAX, 4, 0));
        self.asm.alu(Alu::Add, RAX, &Src::Reg(R11));
        self.asm.jmp_reg(RAX);
        self.asm.bind(table);
        for l in entries {
            self.asm.table_entry(l, table);
        }
        Ok(())
    }

    /// `cmp value, 0` for a branch on a truth value.
    fn emit_test(&mut self, value: &LlOperand) -> Result<(), String> {
        let s = self.src(value, RAX)?;
        let s = match s {
            Src::Imm(_) => {
                self.asm.mov(RAX, &s);
                Src::Reg(RAX)
            }
            other => other,
        };
        match s {
            Src::Reg(r) => self.asm.test_rr(r, r),
            other => self.asm.alu_rm(Alu::Cmp, &other, &Src::Imm(0)),
        }
        Ok(())
    }

    /// `x OP y` on doubles: both moved to xmm0 and xmm1 (floats live in
    /// general registers), the result moved back.
    fn float_binop(&mut self, res: VarId, x: &LlOperand, y: &LlOperand, op: SseOp) -> Result<(), String> {
        let rx = self.in_reg(x, RAX)?;
        self.asm.movq_to_xmm(0, rx);
        let ry = self.in_reg(y, RCX)?;
        self.asm.movq_to_xmm(1, ry);
        self.asm.sse_sd(op, 0, 1);
        let d = self.result_reg(res);
        self.asm.movq_from_xmm(d, 0);
        self.store_result(res, d);
        Ok(())
    }

    /// A float comparison as a Bool. `ucomisd` sets CF and ZF like an
    /// unsigned compare and all of CF, ZF and PF for NaN, so `>` and `>=`
    /// are `a`/`ae` (false on NaN), `<` and `<=` the same with the operands
    /// swapped, and `==` needs ZF without PF.
    fn float_compare(&mut self, op: &LlOperation) -> Result<(), String> {
        use LlOp::*;
        let zero = Operand::Const(LlConst::Float(0.0));
        let (x, y) = match op.op {
            FloatLt | FloatLe => (&op.args[1], &op.args[0]),
            FloatIsTrue => (&op.args[0], &zero),
            _ => (&op.args[0], &op.args[1]),
        };
        let rx = self.in_reg(x, RAX)?;
        self.asm.movq_to_xmm(0, rx);
        let ry = self.in_reg(y, RCX)?;
        self.asm.movq_to_xmm(1, ry);
        self.asm.ucomisd(0, 1);
        let d = self.result_reg(op.result);
        let d = if d == RCX { RAX } else { d };
        match op.op {
            FloatGt | FloatLt => self.asm.setcc(Cond::A, d),
            FloatGe | FloatLe => self.asm.setcc(Cond::AE, d),
            FloatEq => {
                self.asm.setcc(Cond::E, d);
                self.asm.setcc(Cond::NP, RCX);
                self.asm.alu(Alu::And, d, &Src::Reg(RCX));
            }
            // != and truth: not equal, or unordered (NaN is true).
            _ => {
                self.asm.setcc(Cond::NE, d);
                self.asm.setcc(Cond::P, RCX);
                self.asm.alu(Alu::Or, d, &Src::Reg(RCX));
            }
        }
        self.asm.movzx8(d, d);
        self.store_result(op.result, d);
        Ok(())
    }

    /// Emits the compare of a comparison operation and returns the condition
    /// under which its result is true.
    fn emit_compare(&mut self, op: &LlOperation) -> Result<Cond, String> {
        use LlOp::*;
        let (cond, unary_zero) = match op.op {
            IntLt => (Cond::L, false),
            IntLe => (Cond::LE, false),
            IntEq | PtrEq => (Cond::E, false),
            IntNe | PtrNe => (Cond::NE, false),
            IntGt => (Cond::G, false),
            IntGe => (Cond::GE, false),
            UintLt => (Cond::B, false),
            UintLe => (Cond::BE, false),
            UintGt => (Cond::A, false),
            UintGe => (Cond::AE, false),
            IntIsTrue | PtrNonZero => (Cond::NE, true),
            BoolNot | PtrIsZero => (Cond::E, true),
            other => return Err(format!("`{}` is not a comparison", other)),
        };
        if unary_zero {
            self.emit_test(&op.args[0])?;
            return Ok(cond);
        }
        let a = self.src(&op.args[0], RAX)?;
        let bsrc = self.src(&op.args[1], RCX)?;
        let a = match (&a, &bsrc) {
            (Src::Imm(_), _) | (Src::Mem(_), Src::Mem(_)) => {
                self.asm.mov(RAX, &a);
                Src::Reg(RAX)
            }
            _ => a,
        };
        self.asm.alu_rm(Alu::Cmp, &a, &bsrc);
        Ok(cond)
    }

    // ---- operations ----

    fn emit_op(&mut self, op: &LlOperation) -> Result<(), String> {
        if op.op.flags().pure && self.loc(op.result) == Loc::None {
            // Dead, void, or fused into the block's branch.
            return Ok(());
        }
        self.emit_op_body(op)?;
        if may_raise(op, self.info.may_raise) {
            self.check_exception();
        }
        Ok(())
    }

    fn emit_op_body(&mut self, op: &LlOperation) -> Result<(), String> {
        use LlOp::*;
        let res = op.result;
        let a = &op.args;
        match op.op {
            IntAdd => self.binop(res, &a[0], &a[1], Some(Alu::Add), true),
            IntSub => self.binop(res, &a[0], &a[1], Some(Alu::Sub), false),
            IntMul => self.binop(res, &a[0], &a[1], None, true),
            IntAnd => self.binop(res, &a[0], &a[1], Some(Alu::And), true),
            IntOr => self.binop(res, &a[0], &a[1], Some(Alu::Or), true),
            IntXor => self.binop(res, &a[0], &a[1], Some(Alu::Xor), true),
            IntFloorDiv => self.divmod(res, &a[0], &a[1], false),
            IntMod => self.divmod(res, &a[0], &a[1], true),
            IntLShift => self.shift(res, &a[0], &a[1], Shift::Shl),
            IntRShift => self.shift(res, &a[0], &a[1], Shift::Sar),
            UintRShift => self.shift(res, &a[0], &a[1], Shift::Shr),
            FloatAdd => self.float_binop(res, &a[0], &a[1], SseOp::Add),
            FloatSub => self.float_binop(res, &a[0], &a[1], SseOp::Sub),
            FloatMul => self.float_binop(res, &a[0], &a[1], SseOp::Mul),
            FloatTrueDiv => self.float_binop(res, &a[0], &a[1], SseOp::Div),
            // The sign bit, flipped or cleared in a general register.
            FloatNeg | FloatAbs => {
                let d = self.result_reg(res);
                let d = if d == RCX { RAX } else { d };
                self.load(&a[0], d)?;
                if op.op == FloatNeg {
                    self.asm.mov_ri(RCX, i64::MIN);
                    self.asm.alu(Alu::Xor, d, &Src::Reg(RCX));
                } else {
                    self.asm.mov_ri(RCX, i64::MAX);
                    self.asm.alu(Alu::And, d, &Src::Reg(RCX));
                }
                self.store_result(res, d);
                Ok(())
            }
            FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe | FloatIsTrue => self.float_compare(op),
            CastIntToFloat => {
                let r = self.in_reg(&a[0], RAX)?;
                self.asm.cvtsi2sd(0, r);
                let d = self.result_reg(res);
                self.asm.movq_from_xmm(d, 0);
                self.store_result(res, d);
                Ok(())
            }
            CastFloatToInt => {
                let r = self.in_reg(&a[0], RAX)?;
                self.asm.movq_to_xmm(0, r);
                let d = self.result_reg(res);
                self.asm.cvttsd2si(d, 0);
                self.store_result(res, d);
                Ok(())
            }
            IntNeg => self.unary(res, &a[0], Unary::Neg),
            IntInvert => self.unary(res, &a[0], Unary::Not),
            IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | UintLe | UintGt | UintGe | IntIsTrue | BoolNot
            | PtrEq | PtrNe | PtrIsZero | PtrNonZero => {
                let cond = self.emit_compare(op)?;
                let d = self.result_reg(res);
                self.asm.setcc(cond, d);
                self.asm.movzx8(d, d);
                self.store_result(res, d);
                Ok(())
            }
            SameAs | CastPointer | CastBoolToInt | CastCharToInt => self.copy(res, &a[0]),
            CastIntToChar => {
                let d = self.result_reg(res);
                self.load(&a[0], d)?;
                self.asm.movzx8(d, d);
                self.store_result(res, d);
                Ok(())
            }
            GetField => self.getfield(res, &a[0], &a[1]),
            SetField => self.setfield(&a[0], &a[1], &a[2]),
            GetArrayItem => self.getarrayitem(res, &a[0], &a[1]),
            SetArrayItem => self.setarrayitem(&a[0], &a[1], &a[2]),
            GetArraySize => self.getarraysize(res, &a[0]),
            Malloc => self.malloc(res, &a[0]),
            MallocVarsize => self.malloc_varsize(res, &a[0], &a[1]),
            DirectCall | IndirectCall => self.direct_call(res, &a[0], &a[1..]),
            GcStoreRoot => {
                let at = self.root_slot(&a[0])?;
                let v = self.in_reg(&a[1], RAX)?;
                self.asm.load(Size::B8, R11, &root_stack_top());
                self.asm.store(Size::B8, &at, v);
                Ok(())
            }
            GcLoadRoot => {
                let at = self.root_slot(&a[0])?;
                self.asm.load(Size::B8, R11, &root_stack_top());
                let d = self.result_reg(res);
                self.asm.load(Size::B8, d, &at);
                self.store_result(res, d);
                Ok(())
            }
            GcWriteBarrier => self.write_barrier(&a[0], None),
            GcWriteBarrierArray => self.write_barrier(&a[0], Some(&a[1])),
        }
    }

    /// Slot `k` of the frame's shadow-stack slots, addressed from r11 holding
    /// the shadow stack's top (the frame's slots are the topmost).
    fn root_slot(&self, k: &LlOperand) -> Result<Mem, String> {
        match k {
            Operand::Const(LlConst::Int(k)) if (0..self.root_slots as i64).contains(k) => {
                Ok(Mem::base(R11, -8 * (self.root_slots as i32 - *k as i32)))
            }
            other => Err(format!("bad shadow-stack slot {:?}", other)),
        }
    }

    /// The write barrier: when the object's header has TRACK_YOUNG_PTRS,
    /// call the collector's slow path, keeping every allocatable
    /// caller-saved register (the barrier is not a call for the register
    /// allocator).
    fn write_barrier(&mut self, obj: &LlOperand, index: Option<&LlOperand>) -> Result<(), String> {
        let skip = self.asm.new_label();
        let o = self.in_reg(obj, RAX)?;
        self.asm.test_mem8_imm(&Mem::base(o, 4), TRACK_YOUNG_PTRS as u8);
        self.asm.jcc(Cond::E, skip);
        self.load(obj, RAX)?;
        if let Some(i) = index {
            self.load(i, RCX)?;
        }
        // Five registers and r11 (for alignment): rsp stays 16-aligned.
        let saved = [RSI, RDI, R8, R9, R10, R11];
        for r in saved {
            self.asm.push(r);
        }
        self.asm.mov_rr(RDI, RAX);
        if index.is_some() {
            self.asm.mov_rr(RSI, RCX);
            self.asm.call_extern(abi::gc::REMEMBER_YOUNG_POINTER_FROM_ARRAY);
        } else {
            self.asm.call_extern(abi::gc::REMEMBER_YOUNG_POINTER);
        }
        for r in saved.into_iter().rev() {
            self.asm.pop(r);
        }
        self.asm.bind(skip);
        Ok(())
    }

    /// `res = x op y` for add/sub/and/or/xor, or imul when `alu` is None.
    fn binop(
        &mut self,
        res: VarId,
        x: &LlOperand,
        y: &LlOperand,
        alu: Option<Alu>,
        commutative: bool,
    ) -> Result<(), String> {
        let (mut x, mut y) = (x, y);
        let mut d = self.result_reg(res);
        // Loading x into d must not clobber y.
        if self.var_in(y, d) && !self.var_in(x, d) {
            if commutative {
                std::mem::swap(&mut x, &mut y);
            } else {
                d = RAX;
            }
        }
        if alu.is_none() {
            if let Operand::Const(LlConst::Int(k)) = y {
                if fits_i32(*k) {
                    let xs = self.src(x, d)?;
                    let xs = if let Src::Imm(_) = xs {
                        self.asm.mov(d, &xs);
                        Src::Reg(d)
                    } else {
                        xs
                    };
                    self.asm.imul_imm(d, &xs, *k as i32);
                    self.store_result(res, d);
                    return Ok(());
                }
            }
        }
        self.load(x, d)?;
        let s = self.src(y, RCX)?;
        match alu {
            Some(op) => self.asm.alu(op, d, &s),
            None => self.asm.imul(d, &s),
        }
        self.store_result(res, d);
        Ok(())
    }

    fn unary(&mut self, res: VarId, x: &LlOperand, op: Unary) -> Result<(), String> {
        let d = self.result_reg(res);
        self.load(x, d)?;
        self.asm.unary(op, d);
        self.store_result(res, d);
        Ok(())
    }

    fn shift(&mut self, res: VarId, x: &LlOperand, y: &LlOperand, op: Shift) -> Result<(), String> {
        let d = self.result_reg(res);
        if let Operand::Const(LlConst::Int(k)) = y {
            self.load(x, d)?;
            // The hardware masks the count to 6 bits; counts outside 0..64
            // are the rtyper's concern.
            self.asm.shift_imm(op, d, (*k & 63) as u8);
        } else {
            self.load(y, RCX)?;
            self.load(x, d)?;
            self.asm.shift_cl(op, d);
        }
        self.store_result(res, d);
        Ok(())
    }

    /// Python floor division / modulo (the divisor is non-zero).
    fn divmod(
        &mut self,
        res: VarId,
        x: &LlOperand,
        y: &LlOperand,
        want_mod: bool,
    ) -> Result<(), String> {
        if let (true, Operand::Const(LlConst::Int(k))) = (self.opt >= 1, y) {
            let k = *k;
            let d = self.result_reg(res);
            if k == 1 || k == -1 {
                if want_mod {
                    self.asm.zero(d);
                } else {
                    self.load(x, d)?;
                    if k == -1 {
                        self.asm.unary(Unary::Neg, d);
                    }
                }
                self.store_result(res, d);
                return Ok(());
            }
            if k > 0 && k & (k - 1) == 0 {
                // Powers of two: floor division is an arithmetic shift, and
                // the modulo (sign of the divisor, here positive) a mask.
                self.load(x, d)?;
                if want_mod {
                    if fits_i32(k - 1) {
                        self.asm.alu(Alu::And, d, &Src::Imm((k - 1) as i32));
                    } else {
                        self.asm.mov_ri(RCX, k - 1);
                        self.asm.alu(Alu::And, d, &Src::Reg(RCX));
                    }
                } else {
                    self.asm.shift_imm(Shift::Sar, d, k.trailing_zeros() as u8);
                }
                self.store_result(res, d);
                return Ok(());
            }
        }
        self.load(y, RCX)?;
        self.load(x, RAX)?;
        let done = self.asm.new_label();
        let may_be_minus_one = !matches!(y, Operand::Const(LlConst::Int(k)) if *k != -1);
        if may_be_minus_one {
            // idiv traps on MIN / -1; x // -1 is -x (wrapping) and x % -1 is 0.
            let divide = self.asm.new_label();
            self.asm.alu(Alu::Cmp, RCX, &Src::Imm(-1));
            self.asm.jcc_short(Cond::NE, divide);
            if want_mod {
                self.asm.zero(RDX);
            } else {
                self.asm.unary(Unary::Neg, RAX);
            }
            self.asm.jmp_short(done);
            self.asm.bind(divide);
        }
        self.asm.cqo();
        self.asm.unary(Unary::Idiv, RCX);
        // idiv truncates; Python rounds down: adjust when the remainder is
        // non-zero and its sign differs from the divisor's.
        self.asm.test_rr(RDX, RDX);
        self.asm.jcc_short(Cond::E, done);
        self.asm.mov_rr(R11, RDX);
        self.asm.alu(Alu::Xor, R11, &Src::Reg(RCX));
        self.asm.jcc_short(Cond::NS, done);
        if want_mod {
            self.asm.alu(Alu::Add, RDX, &Src::Reg(RCX));
        } else {
            self.asm.alu(Alu::Sub, RAX, &Src::Imm(1));
        }
        self.asm.bind(done);
        self.store_result(res, if want_mod { RDX } else { RAX });
        Ok(())
    }

    fn copy(&mut self, res: VarId, x: &LlOperand) -> Result<(), String> {
        match self.loc(res) {
            Loc::None => {}
            Loc::Reg(d) => self.load(x, d)?,
            Loc::Stack(disp) => {
                let to = Mem::base(RBP, disp);
                match self.src(x, RAX)? {
                    Src::Reg(r) => self.asm.store(Size::B8, &to, r),
                    Src::Imm(i) => self.asm.store_imm(Size::B8, &to, i),
                    Src::Mem(m) => {
                        if m != to {
                            self.asm.load(Size::B8, RAX, &m);
                            self.asm.store(Size::B8, &to, RAX);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    // ---- memory ----

    fn check_type(&self, t: TypeId) -> Result<TypeId, String> {
        if (t.0 as usize) < self.program().types.len() {
            Ok(t)
        } else {
            Err(format!("type t{} does not exist", t.0))
        }
    }

    /// The GC type a pointer operand points to.
    fn ptr_type(&self, o: &LlOperand) -> Result<TypeId, String> {
        match o {
            Operand::Var(v) => match self.g.var(*v).ty {
                LlType::Ptr(t) => self.check_type(t),
                other => Err(format!("v{} is a {:?}, not a pointer", v.0, other)),
            },
            Operand::Const(LlConst::Prebuilt(p)) => {
                let pb = self
                    .program()
                    .prebuilt
                    .get(p.0 as usize)
                    .ok_or("unknown prebuilt object")?;
                self.check_type(pb.ty)
            }
            Operand::Const(c) => Err(format!("constant {:?} is not a typed pointer", c)),
        }
    }

    fn type_arg(&self, o: &LlOperand) -> Result<TypeId, String> {
        match o {
            Operand::Const(LlConst::Type(t)) => self.check_type(*t),
            other => Err(format!("expected a type constant, got {:?}", other)),
        }
    }

    /// Byte offset and type of field `field` of the struct `ptr` points to.
    fn field(&self, ptr: &LlOperand, field: &LlOperand) -> Result<(i32, LlType), String> {
        let t = self.ptr_type(ptr)?;
        let types = &self.program().types;
        let i = match field {
            Operand::Const(LlConst::Field(i)) => *i as usize,
            other => return Err(format!("expected a field constant, got {:?}", other)),
        };
        let def = types.get(t);
        let ty = match &def.kind {
            TypeDefKind::Struct { fields, .. } => {
                fields
                    .get(i)
                    .ok_or_else(|| format!("{} has no field {}", def.name, i))?
                    .ty
            }
            TypeDefKind::Array { .. } | TypeDefKind::StructArray { .. } => {
                return Err(format!("{} is an array, not a struct", def.name))
            }
        };
        Ok((types.layout(t).field_offsets[i] as i32, ty))
    }

    fn getfield(&mut self, res: VarId, ptr: &LlOperand, field: &LlOperand) -> Result<(), String> {
        let (off, ty) = self.field(ptr, field)?;
        let Some(size) = Size::of_bytes(ty.size()) else {
            return Ok(());
        };
        if self.loc(res) == Loc::None {
            return Ok(());
        }
        let base = self.in_reg(ptr, RAX)?;
        let d = self.result_reg(res);
        self.asm.load(size, d, &Mem::base(base, off));
        self.store_result(res, d);
        Ok(())
    }

    /// Stores `value` (an operand) with width `size` at `mem`; `scratch` may be used.
    fn store_operand(
        &mut self,
        size: Size,
        mem: &Mem,
        value: &LlOperand,
        scratch: Reg,
    ) -> Result<(), String> {
        match self.src(value, scratch)? {
            Src::Reg(r) => self.asm.store(size, mem, r),
            Src::Imm(i) => self.asm.store_imm(size, mem, i),
            Src::Mem(m) => {
                self.asm.load(Size::B8, scratch, &m);
                self.asm.store(size, mem, scratch);
            }
        }
        Ok(())
    }

    fn setfield(
        &mut self,
        ptr: &LlOperand,
        field: &LlOperand,
        value: &LlOperand,
    ) -> Result<(), String> {
        let (off, ty) = self.field(ptr, field)?;
        let Some(size) = Size::of_bytes(ty.size()) else {
            return Ok(());
        };
        let base = self.in_reg(ptr, RAX)?;
        self.store_operand(size, &Mem::base(base, off), value, RCX)
    }

    /// The address of item `index` of the array (or varsize part) `ptr`
    /// points to, and the item's width (None for void items).
    fn item_mem(
        &mut self,
        ptr: &LlOperand,
        index: &LlOperand,
    ) -> Result<Option<(Mem, Size)>, String> {
        let t = self.ptr_type(ptr)?;
        let types = &self.program().types;
        let layout = types.layout(t);
        let (Some(items), Some(item)) = (layout.items_offset, types.item_type(t)) else {
            return Err(format!("{} has no items", types.get(t).name));
        };
        let Some(size) = Size::of_bytes(item.size()) else {
            return Ok(None);
        };
        let base = self.in_reg(ptr, RAX)?;
        if let Operand::Const(LlConst::Int(k)) = index {
            let disp = (*k as i128) * (layout.item_size as i128) + items as i128;
            if disp >= i32::MIN as i128 && disp <= i32::MAX as i128 {
                return Ok(Some((Mem::base(base, disp as i32), size)));
            }
        }
        let idx = self.in_reg(index, RCX)?;
        Ok(Some((
            Mem::indexed(base, idx, layout.item_size as u8, items as i32),
            size,
        )))
    }

    fn getarrayitem(
        &mut self,
        res: VarId,
        ptr: &LlOperand,
        index: &LlOperand,
    ) -> Result<(), String> {
        let item = self.item_mem(ptr, index)?;
        let (Some((mem, size)), false) = (item, self.loc(res) == Loc::None) else {
            return Ok(());
        };
        let d = self.result_reg(res);
        self.asm.load(size, d, &mem);
        self.store_result(res, d);
        Ok(())
    }

    fn setarrayitem(
        &mut self,
        ptr: &LlOperand,
        index: &LlOperand,
        value: &LlOperand,
    ) -> Result<(), String> {
        let Some((mem, size)) = self.item_mem(ptr, index)? else {
            return Ok(());
        };
        self.store_operand(size, &mem, value, RDX)
    }

    fn getarraysize(&mut self, res: VarId, ptr: &LlOperand) -> Result<(), String> {
        let t = self.ptr_type(ptr)?;
        let types = &self.program().types;
        let off = types
            .layout(t)
            .length_offset
            .ok_or_else(|| format!("{} has no length", types.get(t).name))?;
        if self.loc(res) == Loc::None {
            return Ok(());
        }
        let base = self.in_reg(ptr, RAX)?;
        let d = self.result_reg(res);
        self.asm.load(Size::B8, d, &Mem::base(base, off as i32));
        self.store_result(res, d);
        Ok(())
    }

    fn malloc(&mut self, res: VarId, ty: &LlOperand) -> Result<(), String> {
        let t = self.type_arg(ty)?;
        let types = &self.program().types;
        let (tid, size) = (types.get(t).tid, types.alloc_size(t, 0));
        if self.info.gc {
            self.gc_malloc(tid, size, None)?;
            self.store_result(res, RAX);
            return Ok(());
        }
        self.asm.mov_ri(RDI, tid as i64);
        self.asm.mov_ri(RSI, size as i64);
        self.asm.call_extern(rt::MALLOC);
        self.store_result(res, RAX);
        Ok(())
    }

    fn malloc_varsize(
        &mut self,
        res: VarId,
        ty: &LlOperand,
        length: &LlOperand,
    ) -> Result<(), String> {
        let t = self.type_arg(ty)?;
        let types = &self.program().types;
        let layout = types.layout(t);
        let tid = types.get(t).tid;
        let len_off = layout
            .length_offset
            .ok_or_else(|| format!("{} is not variable-sized", types.get(t).name))?;
        let len_mem = Mem::base(RAX, len_off as i32);
        if self.info.gc {
            let (tid, fixed, item) = (tid, layout.fixed_size, layout.item_size);
            match length {
                Operand::Const(LlConst::Int(k)) if *k >= 0 && (*k as usize) <= abi::GC_INLINE_ALLOC_MAX => {
                    let size = (fixed + item * *k as usize).max(16).div_ceil(8) * 8;
                    self.gc_malloc(tid, size, Some((len_off, *k)))?;
                }
                _ => {
                    self.load(length, RSI)?;
                    self.asm.mov_ri(RDI, tid as i64);
                    self.asm.call_extern(abi::gc::MALLOC_VARSIZE);
                    self.memory_error_check();
                }
            }
            self.store_result(res, RAX);
            return Ok(());
        }
        if let Operand::Const(LlConst::Int(k)) = length {
            let size = (*k as i128) * (layout.item_size as i128) + layout.fixed_size as i128;
            if *k < 0 || size > i32::MAX as i128 {
                return Err(format!("constant length {} out of range", k));
            }
            self.asm.mov_ri(RDI, tid as i64);
            self.asm.mov_ri(RSI, (size as i64 + 7) & !7);
            self.asm.call_extern(rt::MALLOC);
            if fits_i32(*k) {
                self.asm.store_imm(Size::B8, &len_mem, *k as i32);
            } else {
                self.asm.mov_ri(RCX, *k);
                self.asm.store(Size::B8, &len_mem, RCX);
            }
        } else {
            // The length is needed again after the call: keep it in the scratch slot.
            let scratch = Mem::base(RBP, self.frame.scratch);
            self.load(length, RAX)?;
            self.asm.store(Size::B8, &scratch, RAX);
            if layout.item_size == 0 {
                self.asm.zero(RSI);
            } else {
                self.asm
                    .imul_imm(RSI, &Src::Reg(RAX), layout.item_size as i32);
            }
            // size = round_up(fixed + length * item_size, 8)
            self.asm
                .alu(Alu::Add, RSI, &Src::Imm(layout.fixed_size as i32 + 7));
            self.asm.alu(Alu::And, RSI, &Src::Imm(-8));
            self.asm.mov_ri(RDI, tid as i64);
            self.asm.call_extern(rt::MALLOC);
            self.asm.load(Size::B8, RCX, &scratch);
            self.asm.store(Size::B8, &len_mem, RCX);
        }
        self.store_result(res, RAX);
        Ok(())
    }

    /// A new zeroed object of `size` bytes (a multiple of 8, header
    /// included) with type id `tid` in rax, from the collector; `length`:
    /// (offset, value) of a varsize object's length. Small objects take the
    /// nursery fast path (a compare and an add), the slow path or large
    /// objects call the collector. Clobbers rcx, rdi, rsi.
    fn gc_malloc(&mut self, tid: u32, size: usize, length: Option<(usize, i64)>) -> Result<(), String> {
        let size = size.max(16);
        if size <= abi::GC_INLINE_ALLOC_MAX {
            let (fast, header) = (self.asm.new_label(), self.asm.new_label());
            let (free, top) = (gc_word(abi::gc::NURSERY_FREE), gc_word(abi::gc::NURSERY_TOP));
            self.asm.load(Size::B8, RAX, &free);
            self.asm.lea(RCX, &Mem::base(RAX, size as i32));
            self.asm.alu(Alu::Cmp, RCX, &Src::Mem(top));
            self.asm.jcc(Cond::BE, fast);
            self.asm.mov_ri(RDI, size as i64);
            self.asm.call_extern(abi::gc::COLLECT_AND_RESERVE);
            self.asm.test_rr(RAX, RAX);
            self.asm.jcc(Cond::NE, header);
            self.raise_memory_error()?;
            self.asm.bind(fast);
            self.asm.store(Size::B8, &free, RCX);
            self.asm.bind(header);
            // The nursery is zeroed: the flags half stays 0.
            self.asm.store_imm(Size::B8, &Mem::base(RAX, 0), tid as i32);
        } else {
            self.asm.mov_ri(RDI, tid as i64);
            self.asm.mov_ri(RSI, size as i64);
            self.asm.call_extern(abi::gc::MALLOC);
            self.memory_error_check();
        }
        if let Some((off, k)) = length {
            self.asm.store_imm(Size::B8, &Mem::base(RAX, off as i32), k as i32);
        }
        Ok(())
    }

    /// After a call of the collector's allocation functions: null in rax
    /// means MemoryError.
    fn memory_error_check(&mut self) {
        let ok = self.asm.new_label();
        self.asm.test_rr(RAX, RAX);
        self.asm.jcc(Cond::NE, ok);
        // The C string is in the pool (collect_cstrings adds it).
        let _ = self.raise_memory_error();
        self.asm.bind(ok);
    }

    /// Raises MemoryError and leaves like any raising operation.
    fn raise_memory_error(&mut self) -> Result<(), String> {
        let off = self.info.cstrings.offset(b"MemoryError")?;
        self.asm.lea(RDI, &Mem::Rip(RipTarget::Rodata(off)));
        self.asm.call_extern(rt::RAISE);
        self.check_exception();
        self.asm.ud2();
        Ok(())
    }

    // ---- calls ----

    fn direct_call(
        &mut self,
        res: VarId,
        callee: &LlOperand,
        args: &[LlOperand],
    ) -> Result<(), String> {
        enum Callee {
            Func(u32, String),
            Extern(String),
            /// An address computed at run time (`indirect_call`): pushed
            /// before the arguments, reloaded into r11 for the call.
            Indirect,
        }
        let target = match callee {
            Operand::Const(LlConst::Func(f)) => Callee::Func(f.0, self.func_symbol(*f)?),
            Operand::Const(LlConst::Extern(name)) => {
                Callee::Extern(check_symbol(name)?.to_string())
            }
            Operand::Var(_) => Callee::Indirect,
            other => {
                return Err(format!(
                    "the callee must be a function or extern constant, got {:?}",
                    other
                ))
            }
        };
        let mut int_args = Vec::new();
        let mut float_args = Vec::new();
        let mut stack_args = Vec::new();
        for a in args {
            match self.operand_class(a) {
                ArgClass::Void => {}
                ArgClass::Int if int_args.len() < 6 => int_args.push(a),
                ArgClass::Float if float_args.len() < FLOAT_ARG_REGS as usize => float_args.push(a),
                _ => stack_args.push(a),
            }
        }
        let indirect = matches!(target, Callee::Indirect) as usize;
        if indirect == 1 {
            self.load(callee, RAX)?;
            self.asm.push(RAX);
        }
        // Stack arguments first (pushed last to first), keeping rsp 16-aligned.
        let pad = (stack_args.len() + indirect) % 2 == 1;
        if pad {
            self.asm.alu(Alu::Sub, RSP, &Src::Imm(8));
        }
        for a in stack_args.iter().rev() {
            self.load(a, RAX)?;
            self.asm.push(RAX);
        }
        for (k, a) in float_args.iter().enumerate() {
            self.load(a, RAX)?;
            self.asm.movq_to_xmm(k as u8, RAX);
        }
        let mut moves = Vec::new();
        let mut consts = Vec::new();
        for (k, a) in int_args.iter().enumerate() {
            let d = Loc::Reg(ARG_REGS[k]);
            match a {
                Operand::Var(v) => match self.loc(*v) {
                    Loc::None => consts.push((d, LlConst::Int(0))),
                    s => moves.push((d, s)),
                },
                Operand::Const(c) => consts.push((d, c.clone())),
            }
        }
        self.emit_moves(&moves, &consts)?;
        let is_extern = matches!(target, Callee::Extern(_));
        match target {
            Callee::Func(f, name) => self.asm.call_func(f, &name),
            Callee::Extern(name) => self.asm.call_extern(&name),
            Callee::Indirect => {
                let at = 8 * (stack_args.len() + pad as usize) as i32;
                self.asm.load(Size::B8, R11, &Mem::base(RSP, at));
                self.asm.call_reg(R11);
            }
        }
        let popped = stack_args.len() + pad as usize + indirect;
        if popped > 0 {
            self.asm.alu(Alu::Add, RSP, &Src::Imm(8 * popped as i32));
        }
        match self.g.var(res).ty {
            LlType::Void => {}
            LlType::Float => {
                self.asm.movq_from_xmm(RAX, 0);
                self.store_result(res, RAX);
            }
            ty => {
                // C functions define only the low bits of narrow results.
                if is_extern {
                    match ty {
                        LlType::Bool | LlType::Char => self.asm.movzx8(RAX, RAX),
                        LlType::UniChar => self.asm.mov_rr32(RAX, RAX),
                        _ => {}
                    }
                }
                self.store_result(res, RAX);
            }
        }
        Ok(())
    }

    /// The exception contract: after an operation that may raise, a pending
    /// exception makes the function return at once.
    fn check_exception(&mut self) {
        self.asm.alu_rm(
            Alu::Cmp,
            &Src::Mem(Mem::Rip(RipTarget::Extern(rt::EXC_TYPE.to_string()))),
            &Src::Imm(0),
        );
        match self.catch {
            Some(dispatch) => self.asm.jcc(Cond::NE, dispatch),
            None => {
                self.asm.jcc(Cond::NE, self.propagate);
                self.propagate_used = true;
            }
        }
    }
}

/// The subclass range (min, max) stored in a prebuilt vtable
/// (`abi::vtable_layout`: its first two fields).
fn vtable_range(p: &LlProgram, id: lltype::PrebuiltId) -> Result<(i64, i64), String> {
    match p.prebuilt.get(id.0 as usize).map(|o| &o.data) {
        Some(lltype::PrebuiltData::Struct { fields, .. }) => match (fields.first(), fields.get(1)) {
            (Some(LlConst::Int(min)), Some(LlConst::Int(max))) if fits_i32(*min) && fits_i32(*max) => Ok((*min, *max)),
            _ => Err(format!("prebuilt{} is not a vtable", id.0)),
        },
        _ => Err(format!("exception exitcase prebuilt{} is not a vtable", id.0)),
    }
}
