import Foundation

/// Decides, per caller, whether a progress message should say the position now (ACD-8).
///
/// The first call for a caller always announces (Asterisk's `announce-position-only-up` once never did,
/// asterisk#1386). Afterwards it announces when the spoken text changes — position 14 and 15 are both
/// "more than 10" — or when `repeatAfter` has passed since the last announcement. Call ``forget(_:)`` when
/// the caller leaves the queue.
public struct PositionAnnouncer<Caller: Hashable & Sendable>: Sendable {
    /// The rules in use.
    public var rules: PositionAnnouncementRules

    private var last: [Caller: (said: PositionAnnouncement, at: Date)] = [:]

    /// An announcer following `rules`.
    public init(rules: PositionAnnouncementRules = PositionAnnouncementRules()) {
        self.rules = rules
    }

    /// What to say about `caller` at 1-based `position` at `now`, or nil to say nothing this time.
    public mutating func announcement(for caller: Caller, position: Int, at now: Date) -> PositionAnnouncement? {
        guard position >= 1 else { return nil }
        let said = rules.announcement(for: position)
        if let previous = last[caller], previous.said == said {
            guard let repeatAfter = rules.repeatAfter, now.timeIntervalSince(previous.at) >= repeatAfter else { return nil }
        }
        last[caller] = (said, now)
        return said
    }

    /// Drops what is remembered about `caller`.
    public mutating func forget(_ caller: Caller) {
        last[caller] = nil
    }

    /// Callers whose last announcement is remembered.
    public var rememberedCallers: Int { last.count }
}
