//! Counters kept by the collector, and their report.

/// What the collector did so far. Times are in nanoseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    pub minor_collections: u64,
    pub major_collections: u64,
    /// Time in minor collections (including those that start a major one).
    pub minor_time_ns: u64,
    /// Time in the mark and sweep phases of major collections.
    pub major_time_ns: u64,
    pub longest_minor_ns: u64,
    pub longest_major_ns: u64,
    /// Longest stop of the program: one call into the collector, however
    /// many collections it ran.
    pub longest_pause_ns: u64,
    /// Bytes handed out: nursery space and large objects.
    pub bytes_allocated: u64,
    /// Bytes of nursery objects copied to the old generation.
    pub bytes_promoted: u64,
    /// Array items looked at because their card was marked.
    pub card_items_scanned: u64,
    /// Largest old generation seen (bytes of objects).
    pub peak_heap_bytes: usize,
    /// Old generation after the last major collection.
    pub live_after_major: usize,
    /// The most the old generation held after any major collection: the
    /// program's largest live heap that a collection measured.
    pub max_live_after_major: usize,
    /// Allocations refused because of the heap limit or a lack of memory.
    pub failed_allocations: u64,
}

impl GcStats {
    pub const ZERO: GcStats = GcStats {
        minor_collections: 0,
        major_collections: 0,
        minor_time_ns: 0,
        major_time_ns: 0,
        longest_minor_ns: 0,
        longest_major_ns: 0,
        longest_pause_ns: 0,
        bytes_allocated: 0,
        bytes_promoted: 0,
        card_items_scanned: 0,
        peak_heap_bytes: 0,
        live_after_major: 0,
        max_live_after_major: 0,
        failed_allocations: 0,
    };

    pub fn total_pause_ns(&self) -> u64 {
        self.minor_time_ns + self.major_time_ns
    }

    /// The summary printed at exit with `RPY_GC_STATS=1`.
    pub fn report(&self, heap_bytes: usize, committed_bytes: usize) -> String {
        let ms = |ns: u64| ns as f64 / 1e6;
        let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
        format!(
            "[gc] minor collections: {} ({:.3} ms total, longest {:.3} ms)\n\
             [gc] major collections: {} ({:.3} ms total, longest {:.3} ms)\n\
             [gc] total pause: {:.3} ms, longest pause: {:.3} ms\n\
             [gc] allocated: {:.1} MiB, promoted: {:.1} MiB, failed allocations: {}\n\
             [gc] heap: {:.1} MiB now, {:.1} MiB peak, {:.1} MiB after last major, {:.1} MiB most after a major, {:.1} MiB committed\n",
            self.minor_collections,
            ms(self.minor_time_ns),
            ms(self.longest_minor_ns),
            self.major_collections,
            ms(self.major_time_ns),
            ms(self.longest_major_ns),
            ms(self.total_pause_ns()),
            ms(self.longest_pause_ns),
            mib(self.bytes_allocated),
            mib(self.bytes_promoted),
            self.failed_allocations,
            mib(heap_bytes as u64),
            mib(self.peak_heap_bytes as u64),
            mib(self.live_after_major as u64),
            mib(self.max_live_after_major as u64),
            mib(committed_bytes as u64),
        )
    }
}
