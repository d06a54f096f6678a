# Tuples as dict keys: a sparse grid and memoization of a two-argument
# function.

def grid_paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    result = grid_paths(r - 1, c, memo) + grid_paths(r, c - 1, memo)
    memo[key] = result
    return result

def entry_point(argv):
    grid = {}
    grid[(0, 0)] = "origin"
    grid[(2, 3)] = "treasure"
    grid[(-1, 5)] = "trap"
    print grid[(2, 3)], grid.get((9, 9), "empty"), (0, 0) in grid, (0, 1) in grid
    memo = {}
    print grid_paths(10, 10, memo), len(memo)
    named = {("ann", 1): 10, ("bob", 2): 20}
    print named[("bob", 2)], ("ann", 2) in named
    return 0

def target(driver, args):
    return entry_point, None
