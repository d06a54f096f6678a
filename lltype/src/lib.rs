//! Low-level types, operations and programs: the rtyper's output and the
//! backend's input.
//!
//! Low-level graphs are `flowmodel::Graph<Ll>`: every variable has an
//! `LlType`, every operation is an `LlOp` from the table in `ops.rs`, and
//! constants are `LlConst`. Memory layout of GC types is decided here, once
//! (`TypeTable::layout`), so the rtyper, the backend and the runtime agree.
//!
//! Execution contract the backend implements: after every operation whose
//! `canraise` flag is set, if the runtime's pending-exception word is non-zero
//! the function returns at once (propagating the exception to its caller),
//! unless the block's exit switch is `LastException`, in which case the
//! exception links decide.
//!
//! A `LastException` block has its normal link first (exitcase None), then
//! its exception links, tried in order: exitcase `LlConst::Prebuilt(vt)`
//! (a class vtable, `abi::vtable_layout`) catches exceptions whose class id
//! lies in that vtable's subclass range; `LlConst::Null` catches any
//! exception. An exception link's `exc_vars` (type, value) receive the
//! pending vtable and instance, and the pending words are cleared; when no
//! link matches, the exception propagates. Reaching the except block raises
//! its two inputs (vtable, instance).

mod ops;

pub use ops::{LlOp, OpFlags};

use std::fmt;
use std::path::PathBuf;

use diag::Span;
use flowmodel::{Graph, Kind};

/// A type of values held in variables, fields and array items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum LlType {
    #[default]
    Void,
    Bool,
    Signed,
    Unsigned,
    Float,
    Char,
    UniChar,
    /// A pointer to a GC object of the given type (may be null).
    Ptr(TypeId),
}

impl LlType {
    /// Bytes the type takes in a field or array item.
    pub fn size(self) -> usize {
        match self {
            LlType::Void => 0,
            LlType::Bool | LlType::Char => 1,
            LlType::UniChar => 4,
            LlType::Signed | LlType::Unsigned | LlType::Float | LlType::Ptr(_) => 8,
        }
    }
    pub fn is_gc_ptr(self) -> bool {
        matches!(self, LlType::Ptr(_))
    }
}

/// Index of a GC type in the `TypeTable`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: String,
    pub ty: LlType,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeDefKind {
    /// Fixed fields, optionally followed by an inline variable-sized array
    /// (its length, a Signed, then the items), like STR.
    Struct { fields: Vec<Field>, varsize: Option<LlType> },
    /// A GC array: length then items.
    Array { item: LlType },
    /// A GC array whose items are inline structs of these fields (a dict's
    /// entries); only the runtime reads and writes the items. A prebuilt one
    /// lists the items' fields one after the other.
    StructArray { fields: Vec<Field> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeDef {
    pub name: String,
    /// The type id stored in object headers; it names the GC layout, so
    /// types with the same layout may share it (see `abi`).
    pub tid: u32,
    pub kind: TypeDefKind,
}

/// Byte offsets of a GC type's parts (header included).
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Offset of each fixed field, in declaration order.
    pub field_offsets: Vec<usize>,
    /// Size of the fixed part (for a varsize type: up to the first item).
    pub fixed_size: usize,
    /// For varsize types: offset of the length word and of item 0, and item size.
    pub length_offset: Option<usize>,
    pub items_offset: Option<usize>,
    pub item_size: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeTable {
    defs: Vec<TypeDef>,
    next_tid: u32,
}

/// Type ids of the types every program has (registered by `TypeTable::new`).
pub const STR: TypeId = TypeId(0);

fn align(x: usize, a: usize) -> usize {
    if a <= 1 { x } else { x.div_ceil(a) * a }
}

/// Offsets of the fields of an inline struct item, and the item's size
/// (a multiple of 8, so every item is aligned).
fn struct_item_offsets(fields: &[Field]) -> (Vec<usize>, usize) {
    let mut offset = 0;
    let mut offsets = Vec::new();
    for f in fields {
        offset = align(offset, f.ty.size().max(1));
        offsets.push(offset);
        offset += f.ty.size();
    }
    (offsets, align(offset, 8))
}

/// A type as the garbage collector sees it (`gc` crate: the type table).
/// Offsets count from the header.
#[derive(Clone, Debug, PartialEq)]
pub struct GcTypeInfo {
    /// Size with no items, header included.
    pub fixed_size: u32,
    /// The GC pointer fields of the fixed part.
    pub ptr_offsets: Vec<u32>,
    pub varsize: Option<VarsizeInfo>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarsizeInfo {
    pub length_offset: u32,
    pub items_offset: u32,
    pub item_size: u32,
    /// Every item is one GC pointer.
    pub items_are_ptrs: bool,
    /// Struct items: the GC pointers inside one item.
    pub item_ptr_offsets: Vec<u32>,
}

/// The types the runtime allocates itself (`abi`), described from their
/// layouts.
fn abi_gc_types() -> Vec<(u32, GcTypeInfo)> {
    use abi::{dict_entries_layout as de, dict_layout as dl, ptr_array_layout as pa, ptr_list_layout as pl};
    let fixed = |size: usize, ptrs: &[usize]| GcTypeInfo {
        fixed_size: size as u32,
        ptr_offsets: ptrs.iter().map(|&o| o as u32).collect(),
        varsize: None,
    };
    let array = |fixed: usize, len: usize, items: usize, size: usize, are_ptrs: bool, item_ptrs: Vec<u32>| GcTypeInfo {
        fixed_size: fixed as u32,
        ptr_offsets: Vec::new(),
        varsize: Some(VarsizeInfo {
            length_offset: len as u32,
            items_offset: items as u32,
            item_size: size as u32,
            items_are_ptrs: are_ptrs,
            item_ptr_offsets: item_ptrs,
        }),
    };
    let mut v = vec![
        (abi::TID_STR, array(abi::str_layout::CHARS, abi::str_layout::LENGTH, abi::str_layout::CHARS, 1, false, vec![])),
        (abi::TID_PTR_ARRAY, array(pa::ITEMS, pa::LENGTH, pa::ITEMS, 8, true, vec![])),
        (abi::TID_PTR_LIST, fixed(pl::SIZE, &[pl::ITEMS])),
        (abi::TID_WORD_ARRAY, array(pa::ITEMS, pa::LENGTH, pa::ITEMS, 8, false, vec![])),
        (abi::TID_DICT, fixed(dl::SIZE, &[dl::ENTRIES, dl::INDEX])),
        (
            abi::TID_UNICODE,
            array(abi::unicode_layout::CHARS, abi::unicode_layout::LENGTH, abi::unicode_layout::CHARS, 4, false, vec![]),
        ),
        (abi::TID_STAT, fixed(abi::stat_layout::SIZE, &[])),
    ];
    for (k, val) in [(false, false), (true, false), (false, true), (true, true)] {
        let mut ptrs = Vec::new();
        if k {
            ptrs.push(de::KEY as u32);
        }
        if val {
            ptrs.push(de::VALUE as u32);
        }
        v.push((abi::dict_entries_tid(k, val), array(de::ITEMS, de::LENGTH, de::ITEMS, de::ENTRY_SIZE, false, ptrs)));
    }
    v
}

impl TypeTable {
    /// A table holding the built-in `STR` type (tid `abi::TID_STR`).
    pub fn new() -> TypeTable {
        let mut t = TypeTable { defs: Vec::new(), next_tid: abi::FIRST_PROGRAM_TID };
        t.add_with_tid(
            "STR",
            abi::TID_STR,
            TypeDefKind::Struct {
                fields: vec![Field { name: "hash".into(), ty: LlType::Signed }],
                varsize: Some(LlType::Char),
            },
        );
        t
    }

    /// Adds a type with a fresh type id.
    pub fn add(&mut self, name: impl Into<String>, kind: TypeDefKind) -> TypeId {
        let tid = self.next_tid;
        self.next_tid += 1;
        self.add_with_tid(name, tid, kind)
    }

    /// Adds a type whose header id is fixed by the ABI (e.g. `abi::TID_PTR_LIST`).
    pub fn add_with_tid(&mut self, name: impl Into<String>, tid: u32, kind: TypeDefKind) -> TypeId {
        self.defs.push(TypeDef { name: name.into(), tid, kind });
        TypeId(self.defs.len() as u32 - 1)
    }

    pub fn get(&self, id: TypeId) -> &TypeDef {
        &self.defs[id.0 as usize]
    }
    pub fn get_mut(&mut self, id: TypeId) -> &mut TypeDef {
        &mut self.defs[id.0 as usize]
    }
    pub fn iter(&self) -> impl Iterator<Item = (TypeId, &TypeDef)> {
        self.defs.iter().enumerate().map(|(i, d)| (TypeId(i as u32), d))
    }
    pub fn len(&self) -> usize {
        self.defs.len()
    }
    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    /// Index of the field named `name` in a struct type.
    pub fn field_index(&self, id: TypeId, name: &str) -> Option<usize> {
        match &self.get(id).kind {
            TypeDefKind::Struct { fields, .. } => fields.iter().position(|f| f.name == name),
            TypeDefKind::Array { .. } | TypeDefKind::StructArray { .. } => None,
        }
    }

    /// The memory layout: header, fields aligned to their size, then length and items.
    pub fn layout(&self, id: TypeId) -> Layout {
        let mut offset = abi::HEADER_SIZE;
        match &self.get(id).kind {
            TypeDefKind::Struct { fields, varsize } => {
                let mut field_offsets = Vec::new();
                for f in fields {
                    offset = align(offset, f.ty.size().max(1));
                    field_offsets.push(offset);
                    offset += f.ty.size();
                }
                match varsize {
                    None => Layout {
                        field_offsets,
                        fixed_size: align(offset, 8),
                        length_offset: None,
                        items_offset: None,
                        item_size: 0,
                    },
                    Some(item) => {
                        let length_offset = align(offset, 8);
                        let items_offset = length_offset + 8;
                        Layout {
                            field_offsets,
                            fixed_size: items_offset,
                            length_offset: Some(length_offset),
                            items_offset: Some(items_offset),
                            item_size: item.size(),
                        }
                    }
                }
            }
            TypeDefKind::Array { item } => Layout {
                field_offsets: Vec::new(),
                fixed_size: abi::HEADER_SIZE + 8,
                length_offset: Some(abi::HEADER_SIZE),
                items_offset: Some(abi::HEADER_SIZE + 8),
                item_size: item.size(),
            },
            TypeDefKind::StructArray { fields } => Layout {
                field_offsets: struct_item_offsets(fields).0,
                fixed_size: abi::HEADER_SIZE + 8,
                length_offset: Some(abi::HEADER_SIZE),
                items_offset: Some(abi::HEADER_SIZE + 8),
                item_size: struct_item_offsets(fields).1,
            },
        }
    }

    /// What the garbage collector needs to know of every type id, indexed by
    /// type id (`None`: unused id): the program's types and the runtime's own
    /// (`abi`), whether or not the program uses them. Types sharing a type id
    /// share a layout, so the first one describes it.
    pub fn gc_type_infos(&self) -> Vec<Option<GcTypeInfo>> {
        let mut table: Vec<Option<GcTypeInfo>> = Vec::new();
        let mut put = |tid: u32, info: GcTypeInfo| {
            let i = tid as usize;
            if table.len() <= i {
                table.resize(i + 1, None);
            }
            if table[i].is_none() {
                table[i] = Some(info);
            }
        };
        for (id, def) in self.iter() {
            put(def.tid, self.gc_type_info(id));
        }
        for (tid, info) in abi_gc_types() {
            put(tid, info);
        }
        table
    }

    fn gc_type_info(&self, id: TypeId) -> GcTypeInfo {
        let l = self.layout(id);
        let ptr_fields = |fields: &[Field], offsets: &[usize]| -> Vec<u32> {
            fields.iter().zip(offsets).filter(|(f, _)| f.ty.is_gc_ptr()).map(|(_, &o)| o as u32).collect()
        };
        let varsize = |item_ptr_offsets: Vec<u32>, items_are_ptrs: bool| VarsizeInfo {
            length_offset: l.length_offset.unwrap_or(0) as u32,
            items_offset: l.items_offset.unwrap_or(0) as u32,
            item_size: l.item_size as u32,
            items_are_ptrs,
            item_ptr_offsets,
        };
        match &self.get(id).kind {
            TypeDefKind::Struct { fields, varsize: items } => GcTypeInfo {
                fixed_size: l.fixed_size as u32,
                ptr_offsets: ptr_fields(fields, &l.field_offsets),
                varsize: items.map(|item| varsize(Vec::new(), item.is_gc_ptr())),
            },
            TypeDefKind::Array { item } => GcTypeInfo {
                fixed_size: l.fixed_size as u32,
                ptr_offsets: Vec::new(),
                varsize: Some(varsize(Vec::new(), item.is_gc_ptr())),
            },
            TypeDefKind::StructArray { fields } => GcTypeInfo {
                fixed_size: l.fixed_size as u32,
                ptr_offsets: Vec::new(),
                varsize: Some(varsize(ptr_fields(fields, &l.field_offsets), false)),
            },
        }
    }

    /// Item type of a varsize struct or array.
    pub fn item_type(&self, id: TypeId) -> Option<LlType> {
        match &self.get(id).kind {
            TypeDefKind::Struct { varsize, .. } => *varsize,
            TypeDefKind::Array { item } => Some(*item),
            TypeDefKind::StructArray { .. } => None,
        }
    }

    /// Total allocation size for `length` items (rounded up to 8 bytes).
    pub fn alloc_size(&self, id: TypeId, length: usize) -> usize {
        let l = self.layout(id);
        align(l.fixed_size + l.item_size * length, 8)
    }

    pub fn type_name(&self, ty: LlType) -> String {
        match ty {
            LlType::Ptr(id) => format!("*{}", self.get(id).name),
            other => format!("{:?}", other),
        }
    }
}

/// Index of a function in `LlProgram::functions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// Index of a prebuilt object in `LlProgram::prebuilt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PrebuiltId(pub u32);

/// A constant operand of a low-level operation.
#[derive(Clone, Debug, PartialEq)]
pub enum LlConst {
    /// Signed, Unsigned, Bool (0/1), Char and UniChar values.
    Int(i64),
    Float(f64),
    /// The null pointer.
    Null,
    /// Address of a prebuilt GC object.
    Prebuilt(PrebuiltId),
    /// A function of the program (callee of `direct_call`).
    Func(FuncId),
    /// A runtime function by symbol name (see `abi::runtime`).
    Extern(String),
    /// A GC type (argument of `malloc`, `malloc_varsize`).
    Type(TypeId),
    /// A struct field by index (argument of `getfield` / `setfield`).
    Field(u32),
    /// A void value (argument or result with no bits).
    Void,
    /// The address of a static, read-only, NUL-terminated copy of these
    /// bytes (not a GC object; the backend emits the bytes and the NUL). A
    /// variable holding one is typed `Signed`. The rtyper passes one to
    /// `rpy_raise` as the exception name.
    CString(Vec<u8>),
}

/// Contents of a prebuilt GC object, laid out by its type.
#[derive(Clone, Debug, PartialEq)]
pub enum PrebuiltData {
    /// A STR with these bytes.
    Str(Vec<u8>),
    /// Field values in declaration order, then the items of the varsize part.
    Struct { fields: Vec<LlConst>, items: Vec<LlConst> },
    Array(Vec<LlConst>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prebuilt {
    pub ty: TypeId,
    pub data: PrebuiltData,
}

/// Low-level graphs: `LlOp` operations on typed variables.
#[derive(Clone, Debug, PartialEq)]
pub struct Ll;

impl Kind for Ll {
    type Op = LlOp;
    type Const = LlConst;
    type VarType = LlType;
    fn fmt_const(c: &LlConst, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match c {
            LlConst::Int(i) => write!(f, "{}", i),
            LlConst::Float(x) => write!(f, "{:?}", x),
            LlConst::Null => write!(f, "null"),
            LlConst::Prebuilt(p) => write!(f, "@prebuilt{}", p.0),
            LlConst::Func(id) => write!(f, "@func{}", id.0),
            LlConst::Extern(name) => write!(f, "@{}", name),
            LlConst::Type(t) => write!(f, "type{}", t.0),
            LlConst::Field(i) => write!(f, "field{}", i),
            LlConst::Void => write!(f, "void"),
            LlConst::CString(s) => write!(f, "c{:?}", String::from_utf8_lossy(s)),
        }
    }
    fn fmt_type(t: &LlType) -> Option<String> {
        Some(match t {
            LlType::Ptr(id) => format!("*t{}", id.0),
            other => format!("{:?}", other),
        })
    }
}

pub type LlGraph = Graph<Ll>;
pub type LlOperand = flowmodel::Operand<Ll>;
pub type LlOperation = flowmodel::Operation<Ll>;

/// A whole program ready for the backend.
#[derive(Clone, Debug, PartialEq)]
pub struct LlProgram {
    pub types: TypeTable,
    pub functions: Vec<LlGraph>,
    pub prebuilt: Vec<Prebuilt>,
    /// The translated entry point: takes argv (a list of STR), returns Signed.
    pub entry: FuncId,
    /// Source file paths indexed by `diag::FileId`, for debug info.
    pub sources: Vec<PathBuf>,
    /// Prebuilt objects the object file defines as global symbols, for the
    /// runtime (`abi::generated::BUILTIN_EXCEPTIONS_TABLE`).
    pub exported: Vec<(String, PrebuiltId)>,
}

impl LlProgram {
    pub fn function(&self, id: FuncId) -> &LlGraph {
        &self.functions[id.0 as usize]
    }

    /// The text form (`--dump=lltype`): types, prebuilt objects, then every graph.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        for (id, def) in self.types.iter() {
            let body = match &def.kind {
                TypeDefKind::Struct { fields, varsize } => {
                    let mut parts: Vec<String> = fields
                        .iter()
                        .map(|f| format!("{}: {}", f.name, self.types.type_name(f.ty)))
                        .collect();
                    if let Some(item) = varsize {
                        parts.push(format!("[{}]", self.types.type_name(*item)));
                    }
                    format!("struct {{ {} }}", parts.join(", "))
                }
                TypeDefKind::Array { item } => format!("array [{}]", self.types.type_name(*item)),
                TypeDefKind::StructArray { fields } => {
                    let parts: Vec<String> =
                        fields.iter().map(|f| format!("{}: {}", f.name, self.types.type_name(f.ty))).collect();
                    format!("array [{{ {} }}]", parts.join(", "))
                }
            };
            out.push_str(&format!("type t{} {} (tid {}) = {}\n", id.0, def.name, def.tid, body));
        }
        for (i, p) in self.prebuilt.iter().enumerate() {
            let text = match &p.data {
                PrebuiltData::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
                other => format!("{:?}", other),
            };
            out.push_str(&format!("prebuilt{}: t{} = {}\n", i, p.ty.0, text));
        }
        for (i, g) in self.functions.iter().enumerate() {
            out.push_str(&format!("\n; func{}{}\n", i, if FuncId(i as u32) == self.entry { " (entry)" } else { "" }));
            out.push_str(&g.dump());
        }
        out
    }
}

/// The span of the first operation of a graph, or the graph's own (debug info helper).
pub fn first_span(g: &LlGraph) -> Span {
    g.blocks
        .iter()
        .flat_map(|b| b.operations.iter())
        .map(|op| op.span)
        .find(|s| s.line != 0)
        .unwrap_or(g.span)
}
