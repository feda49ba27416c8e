import Foundation

/// What the presence engine asks its owner to do or record.
public enum PresenceEffect: Sendable, Equatable {
    /// Presence changed: persist it and tell subscribers.
    case changed(PresenceChange)
    /// The update was not applied, and why.
    case ignored(UserID, PresenceIgnoreReason)
    /// Deliver `.expire(user)` at this time (replaces any earlier timer of the user).
    case wake(UserID, at: Date)
    /// Drop the user's timer.
    case cancelWake(UserID)
}
