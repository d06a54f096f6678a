# A pystone-like benchmark: Reinhold Weicker's Dhrystone as translated to
# Python by Guido van Rossum, in RPython style (records, enumerations as
# ints, global state in a prebuilt instance, procedures Proc0 to Proc8 and
# functions Func1 to Func3). Instead of the timing it prints the final
# state of the globals and locals. The number of loops comes from the first
# argument (default 5000).

IDENT1 = 1
IDENT2 = 2
IDENT3 = 3
IDENT4 = 4
IDENT5 = 5

class Record(object):
    def __init__(self, ptr_comp=None, discr=0, enum_comp=0, int_comp=0, string_comp=""):
        self.ptr_comp = ptr_comp
        self.discr = discr
        self.enum_comp = enum_comp
        self.int_comp = int_comp
        self.string_comp = string_comp

    def copy(self):
        return Record(self.ptr_comp, self.discr, self.enum_comp,
                      self.int_comp, self.string_comp)

class Globals(object):
    def __init__(self):
        self.int_glob = 0
        self.bool_glob = False
        self.char1_glob = '\0'
        self.char2_glob = '\0'
        self.array1_glob = [0] * 51
        self.array2_glob = [[0] * 51 for i in range(51)]
        self.ptr_glb = None
        self.ptr_glb_next = None

G = Globals()

def proc0(loops):
    G.ptr_glb_next = Record()
    G.ptr_glb = Record()
    G.ptr_glb.ptr_comp = G.ptr_glb_next
    G.ptr_glb.discr = IDENT1
    G.ptr_glb.enum_comp = IDENT3
    G.ptr_glb.int_comp = 40
    G.ptr_glb.string_comp = "DHRYSTONE PROGRAM, SOME STRING"
    string1_loc = "DHRYSTONE PROGRAM, 1'ST STRING"
    G.array2_glob[8][7] = 10
    int_loc1 = 0
    int_loc2 = 0
    int_loc3 = 0
    enum_loc = 0
    string2_loc = ""
    i = 0
    while i < loops:
        proc5()
        proc4()
        int_loc1 = 2
        int_loc2 = 3
        string2_loc = "DHRYSTONE PROGRAM, 2'ND STRING"
        enum_loc = IDENT2
        G.bool_glob = not func2(string1_loc, string2_loc)
        while int_loc1 < int_loc2:
            int_loc3 = 5 * int_loc1 - int_loc2
            int_loc3 = proc7(int_loc1, int_loc2)
            int_loc1 = int_loc1 + 1
        proc8(G.array1_glob, G.array2_glob, int_loc1, int_loc3)
        G.ptr_glb = proc1(G.ptr_glb)
        char_index = 'A'
        while char_index <= G.char2_glob:
            if enum_loc == func1(char_index, 'C'):
                enum_loc = proc6(IDENT1)
            char_index = chr(ord(char_index) + 1)
        int_loc3 = int_loc2 * int_loc1
        int_loc2 = int_loc3 // int_loc1
        int_loc2 = 7 * (int_loc3 - int_loc2) - int_loc1
        int_loc1 = proc2(int_loc1)
        i += 1
    return int_loc1, int_loc2, int_loc3, enum_loc, string1_loc, string2_loc

def proc1(ptr_par_in):
    next_record = G.ptr_glb.copy()
    ptr_par_in.ptr_comp = next_record
    ptr_par_in.int_comp = 5
    next_record.int_comp = ptr_par_in.int_comp
    next_record.ptr_comp = ptr_par_in.ptr_comp
    next_record.ptr_comp = proc3(next_record.ptr_comp)
    if next_record.discr == IDENT1:
        next_record.int_comp = 6
        next_record.enum_comp = proc6(ptr_par_in.enum_comp)
        next_record.ptr_comp = G.ptr_glb.ptr_comp
        next_record.int_comp = proc7(next_record.int_comp, 10)
    else:
        ptr_par_in = next_record.copy()
    next_record.ptr_comp = None
    return ptr_par_in

def proc2(int_par_io):
    int_loc = int_par_io + 10
    enum_loc = 0
    while True:
        if G.char1_glob == 'A':
            int_loc = int_loc - 1
            int_par_io = int_loc - G.int_glob
            enum_loc = IDENT1
        if enum_loc == IDENT1:
            break
    return int_par_io

def proc3(ptr_par_out):
    if G.ptr_glb is not None:
        ptr_par_out = G.ptr_glb.ptr_comp
    else:
        G.int_glob = 100
    G.ptr_glb.int_comp = proc7(10, G.int_glob)
    return ptr_par_out

def proc4():
    bool_loc = G.char1_glob == 'A'
    bool_loc = bool_loc or G.bool_glob
    G.char2_glob = 'B'

def proc5():
    G.char1_glob = 'A'
    G.bool_glob = False

def proc6(enum_par_in):
    enum_par_out = enum_par_in
    if not func3(enum_par_in):
        enum_par_out = IDENT4
    if enum_par_in == IDENT1:
        enum_par_out = IDENT1
    elif enum_par_in == IDENT2:
        if G.int_glob > 100:
            enum_par_out = IDENT1
        else:
            enum_par_out = IDENT4
    elif enum_par_in == IDENT3:
        enum_par_out = IDENT2
    elif enum_par_in == IDENT4:
        pass
    elif enum_par_in == IDENT5:
        enum_par_out = IDENT3
    return enum_par_out

def proc7(int_par_i1, int_par_i2):
    int_loc = int_par_i1 + 2
    return int_par_i2 + int_loc

def proc8(array1_par, array2_par, int_par_i1, int_par_i2):
    int_loc = int_par_i1 + 5
    array1_par[int_loc] = int_par_i2
    array1_par[int_loc + 1] = array1_par[int_loc]
    array1_par[int_loc + 30] = int_loc
    for int_index in range(int_loc, int_loc + 2):
        array2_par[int_loc][int_index] = int_loc
    array2_par[int_loc][int_loc - 1] = array2_par[int_loc][int_loc - 1] + 1
    array2_par[int_loc + 20][int_loc] = array1_par[int_loc]
    G.int_glob = 5

def func1(char_par1, char_par2):
    char_loc1 = char_par1
    char_loc2 = char_loc1
    if char_loc2 != char_par2:
        return IDENT1
    return IDENT2

def func2(str_par_i1, str_par_i2):
    int_loc = 1
    char_loc = '\0'
    while int_loc <= 1:
        if func1(str_par_i1[int_loc], str_par_i2[int_loc + 1]) == IDENT1:
            char_loc = 'A'
            int_loc = int_loc + 1
    if char_loc >= 'W' and char_loc <= 'Z':
        int_loc = 7
    if char_loc == 'X':
        return True
    if str_par_i1 > str_par_i2:
        int_loc = int_loc + 7
        return True
    return False

def func3(enum_par_in):
    return enum_par_in == IDENT3

def show_bool(b):
    if b:
        return "1"
    return "0"

def entry_point(argv):
    loops = 5000
    if len(argv) > 1:
        loops = int(argv[1])
    print "Pystone with %d loops" % loops
    int_loc1, int_loc2, int_loc3, enum_loc, s1, s2 = proc0(loops)
    print "int_glob: %d" % G.int_glob
    print "bool_glob: %s" % show_bool(G.bool_glob)
    print "char1_glob: %s" % G.char1_glob
    print "char2_glob: %s" % G.char2_glob
    print "array1_glob[8]: %d" % G.array1_glob[8]
    print "array2_glob[8][7]: %d (loops + 10 = %d)" % (G.array2_glob[8][7], loops + 10)
    p = G.ptr_glb
    print "ptr_glb.discr: %d" % p.discr
    print "ptr_glb.enum_comp: %d" % p.enum_comp
    print "ptr_glb.int_comp: %d" % p.int_comp
    print "ptr_glb.string_comp: %s" % p.string_comp
    n = G.ptr_glb_next
    print "ptr_glb_next.discr: %d" % n.discr
    print "ptr_glb_next.enum_comp: %d" % n.enum_comp
    print "ptr_glb_next.int_comp: %d" % n.int_comp
    print "int_loc1: %d" % int_loc1
    print "int_loc2: %d" % int_loc2
    print "int_loc3: %d" % int_loc3
    print "enum_loc: %d" % enum_loc
    print "string1_loc: %s" % s1
    print "string2_loc: %s" % s2
    return 0

def target(driver, args):
    return entry_point, None
