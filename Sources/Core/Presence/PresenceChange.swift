import Foundation

/// A presence change that was applied: the user, before and after, and why.
public struct PresenceChange: Codable, Sendable, Equatable {
    /// The user whose presence changed.
    public var user: UserID
    /// The stored presence before the change, or nil if the user had none yet.
    public var before: Presence?
    /// The presence after the change.
    public var after: Presence
    /// Who or what made the change.
    public var source: PresenceSource
    /// When the change was applied.
    public var at: Date
    /// Why it happened: an update, or the revert of an automatic change that expired or was lifted.
    public var reason: Reason

    /// The cause of a change.
    public enum Reason: String, Codable, Sendable {
        /// A requested change (``PresenceInput/update(_:_:)``).
        case update
        /// An automatic change reached its end time and reverted.
        case expired
        /// The source of an automatic change ended it early (``PresenceInput/lift(_:source:)``).
        case lifted
    }

    /// Records an applied change.
    public init(user: UserID, before: Presence?, after: Presence, source: PresenceSource, at: Date, reason: Reason) {
        self.user = user
        self.before = before
        self.after = after
        self.source = source
        self.at = at
        self.reason = reason
    }
}

/// An update the engine applied only in part or not at all, and why (kept for the audit and the caller).
public enum PresenceIgnoreReason: String, Codable, Sendable, Equatable {
    /// An automatic change that happened before the user's (or admin's) last manual change (PRES-8).
    case olderThanManualChange = "older_than_manual_change"
    /// An automatic change (or a lift of one) whose end time has already passed.
    case alreadyEnded = "already_ended"
    /// An expiry or lift whose change has since been replaced by another change, or was never in effect (PRES-8).
    case changedSince = "changed_since"
    /// Nothing would change.
    case noChange = "no_change"
}
