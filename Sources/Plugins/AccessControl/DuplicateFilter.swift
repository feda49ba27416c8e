import Foundation

/// Collapses repeats of the same stamp (badge and function) that arrive within a short window: people
/// hold a card on the reader, terminals resend after a timeout.
struct DuplicateFilter: Sendable {
    let window: TimeInterval
    private var seen: [String: Date] = [:]

    init(window: TimeInterval) {
        self.window = max(window, 0)
    }

    /// Whether the stamp is new; records it either way, so a steady repeat stays one stamp.
    mutating func admit(badge: String, function: String?, at now: Date) -> Bool {
        guard window > 0 else { return true }
        if seen.count > 1_024 { seen = seen.filter { now.timeIntervalSince($0.value) < window } }
        let key = badge + "\u{1F}" + (function ?? "")
        defer { seen[key] = now }
        guard let last = seen[key] else { return true }
        return now.timeIntervalSince(last) >= window
    }
}
