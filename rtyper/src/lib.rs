//! Typed flow graphs -> low-level graphs (`lltype::LlProgram`).
//!
//! Entry point: [`rtype`]; text form: `LlProgram::dump()`.
//!
//! # How it works
//! Every annotation has one representation, a low-level type (`repr.rs`):
//! int -> `Signed`, bool -> `Bool`, str -> `Ptr(STR)` (null is None),
//! None and single prebuilt constants (a known function, builtin or module)
//! -> `Void`, list -> `Ptr(LIST_x)` where `LIST_x { length, items: Ptr(ARRAY_x) }`,
//! instance -> `Ptr(C)` of its classdef's struct (`classes.rs`: typeptr to
//! the class vtable, then the fields, bases first), bound method -> its
//! receiver, class reference -> `Ptr(vtable_C)`, tuple -> `Ptr(TUPLE_..)`
//! (`tuples.rs`), range and iterators -> small structs (`iter.rs`), dict ->
//! `Ptr(DICT)` managed by the runtime (`dicts.rs`).
//!
//! Method calls with one possible implementation are direct calls; with
//! several, the function address is read from the receiver's vtable slot
//! and called with `indirect_call`. `isinstance` compares the class id in
//! the vtable with the class's subclass range. List operations that move
//! items call the runtime's list helpers (`lists.rs`); str methods and
//! `%` formatting with a constant format call the runtime's str helpers
//! (`strs.rs`).
//! Each annotated flow graph becomes one `LlGraph` with the same blocks
//! (`graph.rs`), and each high-level operation becomes low-level operations
//! or `direct_call`s of runtime helpers (`ops.rs`). Where a value flows
//! between two representations (a bool into an int variable, None into a
//! str variable) a conversion is inserted.
//!
//! Operations that need control flow of their own (bounds-checked list
//! indexing, `str()` of a bool) call small low-level helper graphs that the
//! rtyper builds itself (`helpers.rs`), named `ll_*`; they come after the
//! program's graphs in `LlProgram::functions`.
//!
//! # Conventions the backend relies on
//! - `LlProgram::functions[i]` for `i < annotations.graphs.len()` is the
//!   annotator's graph `i`; the entry point is function 0, takes the argv
//!   list (`Ptr(LIST_STR)`, tids `abi::TID_PTR_LIST` / `abi::TID_PTR_ARRAY`)
//!   and returns `Signed`.
//! - Void values carry no bits: no block (other than the return block) has a
//!   Void input variable, no link passes one, `direct_call` never gets a
//!   Void argument. The return block keeps its one input variable; in a
//!   function that returns nothing it is typed Void and links pass
//!   `LlConst::Void`. A `direct_call` may have a Void-typed result.
//! - Raising a built-in exception is `direct_call(@rpy_raise,
//!   LlConst::CString(name))` followed by the normal exit of the block; the
//!   lltype exception rule (return at once when an exception is pending after
//!   a `canraise` op) makes the function return before that exit is taken.
//!   The value such a path passes to the return block is a dummy (0 / null).
//! - `raise` links to the except block with (vtable, instance). A
//!   `LastException` block keeps its switch; its exception links get
//!   exitcase `Prebuilt(vtable of the handler's class)`, or `Null` for a
//!   catch-all (BaseException), and their `exc_vars`. A block stopped at a
//!   call that always raises ends with a link to the except block passing
//!   zeros (the exception is already pending).
//! - The built-in exception classes the program has are exported to the
//!   runtime as `abi::generated::BUILTIN_EXCEPTIONS_TABLE`.
//! - Shifts: `int_lshift` / `int_rshift` are emitted as they are, unmasked;
//!   as in RPython a count outside 0..63 gives an undefined result.
//! - `//` and `%` on ints call the helpers `ll_int_floordiv` / `ll_int_mod`
//!   (which raise ZeroDivisionError and are small enough to inline), except with a constant divisor other than 0 and -1,
//!   where the pure `int_floordiv` / `int_mod` are used.
//! - Bools are 0 or 1 in a byte-sized `Bool`; `cast_bool_to_int` widens one.
//!
//! # Architecture invariants
//! - The rtyper never changes the annotations; anything the annotator
//!   accepted but the rtyper cannot represent yet is a `Diagnostic` ("X is not
//!   supported yet") at the operation's span, never a panic.
//! - Type ids fixed by the ABI (STR, lists of pointers) are the only types
//!   with fixed tids; the others are numbered by the `TypeTable`.

mod classes;
mod dicts;
mod floats;
mod generators;
mod graph;
mod helpers;
mod iter;
mod lists;
mod strs;
mod tuples;
mod unicode;
mod ops;
mod rarith;
mod repr;

use std::collections::{HashMap, HashSet};

use annotator::{Annotations, SomeValue};
use diag::Diagnostic;
use hostobj::Heap;
use lltype::{FuncId, LlGraph, LlProgram, LlType, Prebuilt, PrebuiltData, PrebuiltId, TypeId, TypeTable};

/// Turns the annotated program into a low-level program. `sources` is left
/// empty for the driver to fill.
pub fn rtype(heap: &Heap, ann: &Annotations) -> Result<LlProgram, Diagnostic> {
    let mut rt = Rtyper::new(heap, ann);
    // Program graphs claim their names before any helper does.
    rt.graph_names = ann.graphs.iter().map(|ag| ag.graph.name.clone()).collect();
    for i in 0..rt.graph_names.len() {
        let name = rt.graph_names[i].clone();
        rt.graph_names[i] = rt.unique_name(&name);
    }
    classes::setup(&mut rt)?;
    let mut functions = Vec::new();
    for i in 0..ann.graphs.len() {
        functions.push(graph::rtype_graph(&mut rt, annotator::GraphId(i as u32))?);
    }
    functions.append(&mut rt.helpers);
    classes::builtin_exceptions_table(&mut rt)?;
    classes::oserror_layout(&mut rt)?;
    Ok(LlProgram {
        types: rt.types,
        functions,
        prebuilt: rt.prebuilt,
        entry: FuncId(ann.entry.0),
        sources: Vec::new(),
        exported: rt.exported,
    })
}

/// Program-wide state: types, prebuilt constants, helper graphs.
pub(crate) struct Rtyper<'a> {
    pub heap: &'a Heap,
    pub ann: &'a Annotations,
    pub types: TypeTable,
    pub prebuilt: Vec<Prebuilt>,
    prebuilt_strs: HashMap<Vec<u8>, PrebuiltId>,
    /// List struct and items array per item type.
    list_types: HashMap<LlType, (TypeId, TypeId)>,
    /// Helper graphs; helper `i` is `FuncId(ann.graphs.len() + i)`.
    pub helpers: Vec<LlGraph>,
    helper_index: HashMap<String, FuncId>,
    /// Graph names given out so far (names are unique).
    used_names: HashSet<String>,
    /// The name of each program graph.
    pub graph_names: Vec<String>,
    /// One repr per classdef (`classes.rs`).
    pub classes: HashMap<hostobj::ObjId, classes::ClassRepr>,
    pub prebuilt_instances: HashMap<hostobj::ObjId, PrebuiltId>,
    /// Prebuilt objects exported to the runtime by symbol name.
    pub exported: Vec<(String, PrebuiltId)>,
    pub range_type: Option<TypeId>,
    /// Iterator structs by (container type, reversed).
    pub iter_types: HashMap<(LlType, bool), TypeId>,
    /// Tuple structs by item types.
    pub tuple_types: HashMap<Vec<LlType>, TypeId>,
    pub prebuilt_tuples: HashMap<(hostobj::ObjId, TypeId), PrebuiltId>,
    pub prebuilt_lists: HashMap<hostobj::ObjId, PrebuiltId>,
    pub dict_type: Option<TypeId>,
    pub word_array_type: Option<TypeId>,
    /// The frame of each generator function (`generators.rs`).
    pub generator_frames: HashMap<annotator::GraphId, generators::GenFrame>,
}

impl<'a> Rtyper<'a> {
    fn new(heap: &'a Heap, ann: &'a Annotations) -> Rtyper<'a> {
        Rtyper {
            heap,
            ann,
            types: TypeTable::new(),
            prebuilt: Vec::new(),
            prebuilt_strs: HashMap::new(),
            list_types: HashMap::new(),
            helpers: Vec::new(),
            helper_index: HashMap::new(),
            used_names: HashSet::new(),
            graph_names: Vec::new(),
            classes: HashMap::new(),
            prebuilt_instances: HashMap::new(),
            exported: Vec::new(),
            range_type: None,
            iter_types: HashMap::new(),
            tuple_types: HashMap::new(),
            prebuilt_tuples: HashMap::new(),
            prebuilt_lists: HashMap::new(),
            dict_type: None,
            word_array_type: None,
            generator_frames: HashMap::new(),
        }
    }

    /// A prebuilt STR with these bytes (one per distinct string).
    pub fn prebuilt_str(&mut self, bytes: &[u8]) -> PrebuiltId {
        if let Some(&id) = self.prebuilt_strs.get(bytes) {
            return id;
        }
        let id = PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(Prebuilt { ty: lltype::STR, data: PrebuiltData::Str(bytes.to_vec()) });
        self.prebuilt_strs.insert(bytes.to_vec(), id);
        id
    }

    /// The list struct and items array types for lists of `item`. Lists of
    /// GC pointers share the layouts the runtime knows (argv is one).
    pub fn list_type(&mut self, item: LlType) -> (TypeId, TypeId) {
        if let Some(&t) = self.list_types.get(&item) {
            return t;
        }
        let item_name = match item {
            LlType::Ptr(t) => self.types.get(t).name.clone(),
            other => format!("{:?}", other),
        };
        let array_kind = lltype::TypeDefKind::Array { item };
        let array = if item.is_gc_ptr() {
            self.types.add_with_tid(format!("ARRAY_{}", item_name), abi::TID_PTR_ARRAY, array_kind)
        } else {
            self.types.add(format!("ARRAY_{}", item_name), array_kind)
        };
        let list_kind = lltype::TypeDefKind::Struct {
            fields: vec![
                lltype::Field { name: "length".into(), ty: LlType::Signed },
                lltype::Field { name: "items".into(), ty: LlType::Ptr(array) },
            ],
            varsize: None,
        };
        let list = if item.is_gc_ptr() {
            self.types.add_with_tid(format!("LIST_{}", item_name), abi::TID_PTR_LIST, list_kind)
        } else {
            self.types.add(format!("LIST_{}", item_name), list_kind)
        };
        self.list_types.insert(item, (list, array));
        (list, array)
    }

    /// The representation of the lists of `listdef`: a fixed-size array
    /// when no operation resizes them, else a resizable list.
    pub fn list_repr(&mut self, listdef: annotator::ListDefId, span: diag::Span) -> Result<lists::ListInfo, Diagnostic> {
        let def = self.ann.listdef(listdef);
        let (item, fixed) = (def.item.clone(), !def.resized);
        // A list that never gets an item: any item type does.
        let item = match item {
            SomeValue::Impossible => LlType::Signed,
            _ => self.lltype_of(&item, span)?,
        };
        if item == LlType::Void {
            return Err(Diagnostic::error(span, "a list of None or of constants is not supported yet"));
        }
        let (list, array) = self.list_type(item);
        Ok(lists::ListInfo { list: if fixed { array } else { list }, array, item, fixed })
    }

    /// The list representation whose values have type `ty`, if it is one.
    pub fn list_info_of_type(&self, ty: LlType) -> Option<lists::ListInfo> {
        let LlType::Ptr(t) = ty else { return None };
        self.list_types.iter().find_map(|(&item, &(list, array))| match t {
            _ if t == list => Some(lists::ListInfo { list, array, item, fixed: false }),
            _ if t == array => Some(lists::ListInfo { list: array, array, item, fixed: true }),
            _ => None,
        })
    }

    /// A unique graph name based on `name`.
    pub fn unique_name(&mut self, name: &str) -> String {
        let mut candidate = name.to_string();
        let mut n = 2;
        while !self.used_names.insert(candidate.clone()) {
            candidate = format!("{}_{}", name, n);
            n += 1;
        }
        candidate
    }

    /// The helper graph called `name`, built by `build` on first use.
    pub fn helper(&mut self, name: &str, build: impl FnOnce(&mut Rtyper<'a>, String) -> LlGraph) -> FuncId {
        if let Some(&id) = self.helper_index.get(name) {
            return id;
        }
        let unique = self.unique_name(name);
        let graph = build(self, unique);
        let id = FuncId((self.ann.graphs.len() + self.helpers.len()) as u32);
        self.helpers.push(graph);
        self.helper_index.insert(name.to_string(), id);
        id
    }
}
