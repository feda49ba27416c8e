import Foundation

/// Human-readable numbers for the tables.
enum Format {
    /// A duration in nanoseconds, with a unit that keeps 3 significant digits (`850 ns`, `1.24 ms`).
    static func duration(_ nanoseconds: UInt64) -> String { duration(Double(nanoseconds)) }

    static func duration(_ nanoseconds: Double) -> String {
        switch nanoseconds {
        case ..<1_000: String(format: "%.0f ns", nanoseconds)
        case ..<1_000_000: String(format: "%.2f µs", nanoseconds / 1_000)
        case ..<1_000_000_000: String(format: "%.2f ms", nanoseconds / 1_000_000)
        default: String(format: "%.2f s", nanoseconds / 1_000_000_000)
        }
    }

    /// An integer with thousands separators (`1,234,567`).
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A rate per second, rounded to an integer (`1,234,567/s`).
    static func rate(_ perSecond: Double) -> String {
        perSecond.isFinite ? count(Int(perSecond.rounded())) + "/s" : "n/a"
    }

    /// Kibibytes as MiB with one decimal.
    static func memory(kibibytes: Int) -> String { String(format: "%.1f MiB", Double(kibibytes) / 1024) }

    /// A ratio such as `12.3×`.
    static func ratio(_ value: Double) -> String { value.isFinite ? String(format: "%.1f×", value) : "n/a" }

    /// Whether a goal is met, for the `goal` column.
    static func verdict(_ met: Bool) -> String { met ? "met" : "NOT met" }
}
