import Foundation

/// What a progress message says about the caller's place in the queue (ACD-8).
public enum PositionAnnouncement: Sendable, Hashable, Codable {
    /// "You are number N in the queue."
    case position(Int)
    /// "There are more than N callers ahead of you" — positions above the limit are not spoken exactly.
    case moreThan(Int)
}

/// When to say the position: on the first progress message, whenever what would be said changes, and
/// again after `repeatAfter` seconds if set.
public struct PositionAnnouncementRules: Sendable, Hashable, Codable {
    /// Repeat an unchanged announcement after this many seconds; nil says it only when it changes.
    public var repeatAfter: TimeInterval?
    /// Positions above this are announced as "more than" it; nil announces every position exactly.
    public var limit: Int?

    /// Rules repeating after `repeatAfter` seconds and capping at `limit`.
    public init(repeatAfter: TimeInterval? = nil, limit: Int? = 10) {
        self.repeatAfter = repeatAfter
        self.limit = limit.map { max(1, $0) }
    }

    /// What would be said for `position` (1-based), ignoring timing.
    public func announcement(for position: Int) -> PositionAnnouncement {
        if let limit, position > limit { return .moreThan(limit) }
        return .position(position)
    }
}
