# Nested while loops: a multiplication table.

def entry_point(argv):
    row = 1
    while row <= 6:
        line = ""
        col = 1
        while col <= 6:
            cell = str(row * col)
            if len(cell) < 2:
                cell = " " + cell
            line = line + cell + " "
            col += 1
        print line
        row += 1
    return 0

def target(driver, args):
    return entry_point, None
