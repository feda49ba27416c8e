/// Order statistics of a set of durations in nanoseconds.
struct LatencySummary: Sendable {
    var count: Int
    var min: UInt64
    var p50: UInt64
    var p90: UInt64
    var p99: UInt64
    var max: UInt64
    var mean: Double

    /// Summarises `samples`; nil when there are none.
    init?(_ samples: [UInt64]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        count = sorted.count
        min = sorted[0]
        p50 = Self.percentile(sorted, 50)
        p90 = Self.percentile(sorted, 90)
        p99 = Self.percentile(sorted, 99)
        max = sorted[sorted.count - 1]
        mean = sorted.reduce(0.0) { $0 + Double($1) } / Double(sorted.count)
    }

    /// Nearest-rank percentile of an ascending, non-empty array.
    static func percentile(_ sorted: [UInt64], _ percent: Double) -> UInt64 {
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}

/// The median of a non-empty list of rates (used to pick the typical round).
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
