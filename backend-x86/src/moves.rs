//! Parallel moves: link arguments into the target block's input variables,
//! call arguments into argument registers, parameters into their homes.
//!
//! All sources are read "at once", so a move may overwrite a location that
//! another move still has to read (e.g. a loop that swaps two variables).
//! `sequentialize` orders the moves so that every location is read before it
//! is overwritten, and breaks cycles with one temporary location.

/// Orders `moves` (destination, source) into sequential moves with the same
/// effect. Destinations must be distinct; `temp` must appear in none of them.
pub fn sequentialize<L: Copy + PartialEq>(moves: &[(L, L)], temp: L) -> Vec<(L, L)> {
    let mut pending: Vec<(L, L)> = moves.iter().copied().filter(|(d, s)| d != s).collect();
    let mut out = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        // A move is ready when no other pending move still reads its destination.
        let ready = (0..pending.len()).find(|&i| !pending.iter().any(|(_, s)| *s == pending[i].0));
        match ready {
            Some(i) => out.push(pending.remove(i)),
            None => {
                // Every destination is still read: the rest are cycles. Save one
                // destination in `temp` and redirect its readers there; that
                // move becomes ready and the cycle unwinds.
                let d = pending[0].0;
                out.push((temp, d));
                for m in pending.iter_mut() {
                    if m.1 == d {
                        m.1 = temp;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the moves on an array of cells and returns the final state.
    fn run(moves: &[(usize, usize)], cells: usize) -> Vec<usize> {
        let temp = cells;
        let mut state: Vec<usize> = (0..=cells).collect();
        for (d, s) in sequentialize(moves, temp) {
            state[d] = state[s];
        }
        state.truncate(cells);
        state
    }

    fn expected(moves: &[(usize, usize)], cells: usize) -> Vec<usize> {
        let mut state: Vec<usize> = (0..cells).collect();
        for &(d, s) in moves {
            state[d] = s;
        }
        state
    }

    #[test]
    fn swaps_cycles_and_fanout() {
        let cases: Vec<Vec<(usize, usize)>> = vec![
            vec![(0, 1), (1, 0)],
            vec![(0, 1), (1, 2), (2, 0)],
            vec![(0, 1), (1, 0), (2, 3), (3, 2)],
            vec![(1, 0), (2, 0), (0, 2)],
            vec![(0, 0), (1, 2)],
            vec![(3, 0), (0, 1), (1, 2), (2, 3), (4, 1)],
            vec![],
        ];
        for m in cases {
            assert_eq!(run(&m, 5), expected(&m, 5), "{:?}", m);
        }
    }
}
