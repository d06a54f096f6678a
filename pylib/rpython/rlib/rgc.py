"""Interface to the garbage collector of translated programs.

Untranslated (CPython 2.7): collect() runs CPython's gc.collect(); the
rest are no-ops or simple list operations.  The `gc` module is imported
inside the functions, so the translator's import-time evaluator (which has
no `gc` module) can load this file.

Decorators set attributes the translator reads:
  @no_collect                func._dont_inline_ = True, func._gc_no_collect_ = True
  @must_be_light_finalizer   func._must_be_light_finalizer_ = True
  @no_release_gil            func._dont_inline_ = True, func._no_release_gil_ = True
"""


def collect(*gen):
    """Runs a full collection (or of generation gen[0])."""
    import gc
    gc.collect()


def collect_step():
    """One step of an incremental major collection; returns its state."""
    collect()
    return 0


def enable():
    import gc
    gc.enable()


def disable():
    import gc
    gc.disable()


def isenabled():
    import gc
    return gc.isenabled()


def add_memory_pressure(estimate, object=None):
    """Tells the GC that `estimate` bytes of raw memory are held by
    (or for) GC objects, so that it collects sooner."""
    pass


def get_rpy_memory_usage(gcref):
    return -1


def get_rpy_type_index(gcref):
    return -1


def get_rpy_roots():
    return []


def get_rpy_referents(gcref):
    return []


def get_stats(stat_no):
    return 0


def dump_rpy_heap(fd):
    return False


def get_typeids_z():
    return ''


def can_move(p):
    """Whether the GC may move the object p (True untranslated)."""
    return True


def pin(obj):
    """Asks the GC not to move obj; True if it is pinned."""
    return False


def unpin(obj):
    pass


def _is_pinned(obj):
    return False


def malloc_nonmovable(TP, n=None, zero=False):
    raise NotImplementedError("malloc_nonmovable needs lltype")


def no_collect(func):
    """The function must not trigger a collection (checked once translated)."""
    func._dont_inline_ = True
    func._gc_no_collect_ = True
    return func


def must_be_light_finalizer(func):
    """The __del__ it decorates is a light finalizer: it only frees raw
    memory and may run during a collection."""
    func._must_be_light_finalizer_ = True
    return func


def no_release_gil(func):
    func._dont_inline_ = True
    func._no_release_gil_ = True
    return func


def ll_arraycopy(source, dest, source_start, dest_start, length):
    """dest[dest_start:dest_start+length] = source[source_start:...] item by item."""
    if source is dest and source_start < dest_start:
        i = length - 1
        while i >= 0:
            dest[dest_start + i] = source[source_start + i]
            i -= 1
    else:
        i = 0
        while i < length:
            dest[dest_start + i] = source[source_start + i]
            i += 1


def ll_shrink_array(p, smallerlength):
    return p[:smallerlength]


def register_custom_trace_hook(TP, lambda_func):
    pass


def increase_root_stack_depth(new_depth):
    pass


def stm_is_enabled():
    return False


class FinalizerQueue(object):
    """Objects registered with register_finalizer(obj) are handed back by
    next_dead() once they are unreachable; finalizer_trigger() is called
    when some are ready.  Untranslated, objects are never found dead (no
    finalizer runs), which is a valid behaviour of a GC that has not
    collected them yet.  Subclasses set `Class` and define
    finalizer_trigger()."""
    Class = None

    def next_dead(self):
        return None

    def register_finalizer(self, obj):
        assert self.Class is None or isinstance(obj, self.Class)

    def _freeze_(self):
        return True


def may_ignore_finalizer(obj):
    pass


def progress_through_finalizer_queue():
    pass
