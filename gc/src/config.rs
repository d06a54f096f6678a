//! Tuning knobs and where they come from (environment variables at start-up).

/// The collector's parameters. `GcConfig::from_env()` is what a translated
/// program uses; tests build one directly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GcConfig {
    /// Bytes of nursery (rounded up to the OS page; at least `MIN_NURSERY`).
    pub nursery_size: usize,
    /// A major collection starts when the old generation exceeds
    /// `major_factor` times its size after the previous major collection...
    pub major_factor: f64,
    /// ...and at least this many bytes.
    pub min_major_threshold: usize,
    /// Allocation fails (returns null: MemoryError) rather than let the old
    /// generation grow past this many bytes. `usize::MAX`: no limit.
    pub max_heap: usize,
    /// 0: off. N >= 1: every allocation that calls into the collector does a
    /// minor collection, and every N-th collection is a major one.
    pub stress: u32,
    /// Bytes of shadow stack (reserved, touched only as used).
    pub root_stack_size: usize,
    /// 0: quiet; 1: a summary on stderr at exit; 2: also one line per collection.
    pub stats: u8,
    /// Check the heap's invariants after every collection (slow; tests and debugging).
    pub verify: bool,
}

/// The smallest nursery accepted.
pub const MIN_NURSERY: usize = 64 << 10;
/// Default nursery when the L2 cache size cannot be read.
pub const FALLBACK_NURSERY: usize = 4 << 20;
/// With a known L2 cache size, the nursery is `NURSERY_PER_L2` times it,
/// clamped to `MIN_DEFAULT_NURSERY..=MAX_DEFAULT_NURSERY`. (Measured with
/// binary-trees: a nursery the size of the L2 cache promotes more objects
/// and collects more often than it saves in cache misses; 4 MiB and up do
/// better, with longer minor pauses.)
pub const NURSERY_PER_L2: usize = 4;
pub const MAX_DEFAULT_NURSERY: usize = 16 << 20;
pub const MIN_DEFAULT_NURSERY: usize = 4 << 20;
/// PyPy's default growth factor: a major collection when the old generation
/// reaches 1.82 times the live size after the previous one.
pub const DEFAULT_MAJOR_FACTOR: f64 = 1.82;
/// Number of collections between two major collections in stress mode when
/// `RPY_GC_STRESS=1`.
pub const DEFAULT_STRESS_PERIOD: u32 = 16;

impl GcConfig {
    /// Defaults without looking at the environment or the machine.
    pub const DEFAULT: GcConfig = GcConfig {
        nursery_size: FALLBACK_NURSERY,
        major_factor: DEFAULT_MAJOR_FACTOR,
        min_major_threshold: 4 * FALLBACK_NURSERY,
        max_heap: usize::MAX,
        stress: 0,
        root_stack_size: 8 << 20,
        stats: 0,
        verify: false,
    };

    /// The configuration of a translated program: `GcConfig::DEFAULT` with the
    /// nursery sized from the L2 cache, then overridden by `RPY_GC_*` variables.
    pub fn from_env() -> GcConfig {
        let l2 =
            std::fs::read_to_string("/sys/devices/system/cpu/cpu0/cache/index2/size").ok().and_then(|s| parse_size(&s));
        GcConfig::from_vars(l2, |name| std::env::var(name).ok())
    }

    /// `from_env` with the L2 cache size and the variables given (for tests).
    pub fn from_vars(l2_cache: Option<usize>, var: impl Fn(&str) -> Option<String>) -> GcConfig {
        let mut c = GcConfig::DEFAULT;
        c.nursery_size = default_nursery(l2_cache);
        if let Some(n) = var("RPY_GC_NURSERY").and_then(|s| parse_size(&s)) {
            c.nursery_size = n.max(MIN_NURSERY);
        }
        if let Some(f) = var("RPY_GC_MAJOR_FACTOR").and_then(|s| s.trim().parse::<f64>().ok()) {
            if f.is_finite() && f > 1.0 {
                c.major_factor = f;
            }
        }
        c.min_major_threshold = 4 * c.nursery_size;
        if let Some(n) = var("RPY_GC_MIN_MAJOR").and_then(|s| parse_size(&s)) {
            c.min_major_threshold = n;
        }
        if let Some(n) = var("RPY_GC_MAX_HEAP").and_then(|s| parse_size(&s)) {
            if n > 0 {
                c.max_heap = n;
            }
        }
        if let Some(n) = var("RPY_GC_STRESS").and_then(|s| s.trim().parse::<u32>().ok()) {
            c.stress = if n == 1 { DEFAULT_STRESS_PERIOD } else { n };
        }
        if let Some(n) = var("RPY_GC_ROOT_STACK").and_then(|s| parse_size(&s)) {
            c.root_stack_size = n.max(4096);
        }
        if let Some(n) = var("RPY_GC_STATS").and_then(|s| s.trim().parse::<u8>().ok()) {
            c.stats = n.min(2);
        }
        if let Some(v) = var("RPY_GC_VERIFY") {
            c.verify = v.trim() == "1";
        }
        c
    }
}

/// The nursery size for a machine whose L2 cache has `l2` bytes.
pub fn default_nursery(l2: Option<usize>) -> usize {
    match l2 {
        Some(n) if n > 0 => n.saturating_mul(NURSERY_PER_L2).clamp(MIN_DEFAULT_NURSERY, MAX_DEFAULT_NURSERY),
        _ => FALLBACK_NURSERY,
    }
}

/// `"123"`, `"64k"`, `"4M"`, `"1G"` (case-insensitive, optional trailing
/// `b`/`B`, surrounding blanks) as bytes; None if malformed or overflowing.
pub fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let s = s.strip_suffix(['b', 'B']).unwrap_or(s);
    let (digits, mult) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1usize << 10),
        'm' | 'M' => (&s[..s.len() - 1], 1 << 20),
        'g' | 'G' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<usize>().ok()?.checked_mul(mult)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("123"), Some(123));
        assert_eq!(parse_size(" 64k\n"), Some(64 << 10));
        assert_eq!(parse_size("512K"), Some(512 << 10));
        assert_eq!(parse_size("4M"), Some(4 << 20));
        assert_eq!(parse_size("4mb"), Some(4 << 20));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("1KB"), Some(1024));
        for bad in ["", "k", "-1", "1.5M", "12x", "99999999999999999999", "99999999999999G"] {
            assert_eq!(parse_size(bad), None, "{:?}", bad);
        }
    }

    #[test]
    fn from_vars() {
        let none = |_: &str| None;
        let c = GcConfig::from_vars(None, none);
        assert_eq!(c.nursery_size, FALLBACK_NURSERY);
        assert_eq!(c.major_factor, DEFAULT_MAJOR_FACTOR);
        assert_eq!(c.max_heap, usize::MAX);
        assert_eq!(c.stress, 0);
        assert_eq!(GcConfig::from_vars(Some(512 << 10), none).nursery_size, 4 << 20);
        assert_eq!(GcConfig::from_vars(Some(2 << 20), none).nursery_size, 8 << 20);
        assert_eq!(GcConfig::from_vars(Some(64 << 20), none).nursery_size, 16 << 20);
        assert_eq!(GcConfig::from_vars(Some(0), none).nursery_size, FALLBACK_NURSERY);
        let env = |name: &str| {
            Some(
                match name {
                    "RPY_GC_NURSERY" => "1k",
                    "RPY_GC_MAJOR_FACTOR" => "3.5",
                    "RPY_GC_MAX_HEAP" => "100M",
                    "RPY_GC_STRESS" => "1",
                    "RPY_GC_STATS" => "1",
                    _ => return None,
                }
                .to_string(),
            )
        };
        let c = GcConfig::from_vars(None, env);
        assert_eq!(c.nursery_size, MIN_NURSERY);
        assert_eq!(c.major_factor, 3.5);
        assert_eq!(c.max_heap, 100 << 20);
        assert_eq!(c.stress, DEFAULT_STRESS_PERIOD);
        assert_eq!(c.stats, 1);
        let c = GcConfig::from_vars(None, |n| (n == "RPY_GC_STRESS").then(|| "5".to_string()));
        assert_eq!(c.stress, 5);
        let c = GcConfig::from_vars(None, |n| (n == "RPY_GC_MAJOR_FACTOR").then(|| "0.5".to_string()));
        assert_eq!(c.major_factor, DEFAULT_MAJOR_FACTOR);
    }
}
