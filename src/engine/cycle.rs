//! The cycle check of `add_link`: would a link `from -> to` close a cycle, that is, does a
//! path `to -> ... -> from` exist already?
//!
//! Two depth-first searches run in turns, forward (outgoing links) from `to` and backward
//! (incoming links) from `from`; the answer is known as soon as one of them has nothing left
//! to visit (no path) or reaches a part the other one visited (a path). So the check visits at
//! most about twice the smaller of the two reachable sets: a link whose downstream end is new
//! (building in signal order) or whose upstream end is new (building in reverse order) costs
//! O(1), and building a chain either way is linear, not quadratic.
//!
//! The visited marks live in [`CycleScratch`], reused from one check to the next: a mark is
//! the number of the check that set it, so starting a check clears nothing. Cost: O(k) time
//! for k visited parts and links, no allocation once the scratch has grown to the graph.

use petgraph::Directed;
use petgraph::Direction::{Incoming, Outgoing};
use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::NodeIndexable;

/// Reusable space for [`would_close_cycle`].
#[derive(Debug, Clone, Default)]
pub(crate) struct CycleScratch {
    /// Per node index: `check` when the current check reached it forward, `check + 1` when
    /// backward. One mark per node is enough: a part both searches reach ends the check.
    marks: Vec<u32>,
    /// The (even) number of the current check; 0 marks nothing.
    check: u32,
    ahead: Vec<NodeIndex<u32>>,
    behind: Vec<NodeIndex<u32>>,
}

impl CycleScratch {
    /// Starts a check over a graph of `bound` node indices.
    fn start(&mut self, bound: usize) {
        if self.marks.len() < bound {
            self.marks.resize(bound, 0);
        }
        self.check = self.check.wrapping_add(2);
        if self.check == 0 {
            // After 2^31 checks: clear the marks once so that old ones cannot match.
            self.marks.iter_mut().for_each(|m| *m = 0);
            self.check = 2;
        }
        self.ahead.clear();
        self.behind.clear();
    }
}

/// Whether a path `to -> ... -> from` exists in `graph` (so a link `from -> to` would close a
/// cycle). `from != to`.
pub(crate) fn would_close_cycle<N, E>(
    graph: &StableGraph<N, E, Directed, u32>,
    from: NodeIndex<u32>,
    to: NodeIndex<u32>,
    s: &mut CycleScratch,
) -> bool {
    s.start(graph.node_bound());
    let (ahead_mark, behind_mark) = (s.check, s.check + 1);
    s.marks[to.index()] = ahead_mark;
    s.marks[from.index()] = behind_mark;
    s.ahead.push(to);
    s.behind.push(from);
    loop {
        let Some(node) = s.ahead.pop() else {
            return false;
        };
        for next in graph.neighbors_directed(node, Outgoing) {
            let mark = &mut s.marks[next.index()];
            if *mark == behind_mark {
                return true;
            }
            if *mark != ahead_mark {
                *mark = ahead_mark;
                s.ahead.push(next);
            }
        }
        let Some(node) = s.behind.pop() else {
            return false;
        };
        for prev in graph.neighbors_directed(node, Incoming) {
            let mark = &mut s.marks[prev.index()];
            if *mark == ahead_mark {
                return true;
            }
            if *mark != behind_mark {
                *mark = behind_mark;
                s.behind.push(prev);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::algo::has_path_connecting;

    /// Against petgraph's `has_path_connecting` on every pair of a few small random DAGs.
    #[test]
    fn agrees_with_has_path_connecting() {
        let mut seed = 0x2545_f491_u64;
        let mut rand = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut scratch = CycleScratch::default();
        for _ in 0..40 {
            let mut g: StableGraph<(), (), Directed, u32> = StableGraph::default();
            let n = 2 + (rand() % 12) as usize;
            let nodes: Vec<_> = (0..n).map(|_| g.add_node(())).collect();
            for _ in 0..(rand() % 30) {
                let (a, b) = ((rand() as usize) % n, (rand() as usize) % n);
                if a < b {
                    g.update_edge(nodes[a], nodes[b], ());
                }
            }
            for &a in &nodes {
                for &b in &nodes {
                    if a != b {
                        let expected = has_path_connecting(&g, b, a, None);
                        assert_eq!(would_close_cycle(&g, a, b, &mut scratch), expected);
                    }
                }
            }
        }
    }
}
