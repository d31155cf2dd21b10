//! One parallel map for the places that do the same work for every deck (parsing deck files,
//! building the quiz index, the browser's search texts): `f(0..n)` on every core, results in
//! index order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `(0..n).map(f).collect()`, with the items shared among the cores. A worker's panic is
/// passed on rather than dropping its results, so the output always lines up with `0..n`.
pub fn map_indexed<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = cores().min(n);
    if threads <= 1 {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        out.push((i, f(i)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

/// How many cores the machine offers (1 when it cannot be told).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |c| c.get())
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order() {
        assert_eq!(
            super::map_indexed(100, |i| i * 2),
            (0..100).map(|i| i * 2).collect::<Vec<_>>()
        );
        assert_eq!(super::map_indexed(0, |i| i), Vec::<usize>::new());
    }
}
