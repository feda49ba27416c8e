/// An input to the presence engine.
public enum PresenceInput: Sendable, Equatable {
    /// A change requested by a user, admin, plugin or API client.
    case update(UserID, PresenceUpdate)
    /// A timer set by a `.wake` effect fired.
    case expire(UserID)
    /// An automatic source ends the change it made now, as if it had expired (a cancelled calendar entry).
    /// Applies only while that change is still the user's presence; otherwise it is ignored as changed since.
    case lift(UserID, source: PresenceSource)
    /// The user was deleted.
    case remove(UserID)
}
