import HubCore

/// The keys the calendar sync engine keeps in a plugin instance's state (`context.state`).
///
/// | key | value (JSON) |
/// |---|---|
/// | `calsync.users` | ids of the users with a calendar, as last read from the directory |
/// | `calsync.status.<user>` | ``CalendarSyncStatus``: ok / failed with reason, last attempt, last success |
/// | `calsync.mailbox.<user>` | ``CalendarMailboxSnapshot``: address, window, sync token, entries (private subjects never) |
/// | `calsync.applied.<user>` | ``CalendarAppliedPresence``: what the engine last submitted for the user |
///
/// Adapters keep their own state under other prefixes (for example `ews.` or `graph.`).
public enum CalendarSyncKeys {
    /// Prefix of every key the engine writes.
    public static let prefix = "calsync."
    /// The user index.
    public static let users = "calsync.users"

    /// The sync status of `user`'s mailbox.
    public static func status(_ user: UserID) -> String { "calsync.status.\(user.rawValue)" }
    /// The last read of `user`'s mailbox.
    public static func mailbox(_ user: UserID) -> String { "calsync.mailbox.\(user.rawValue)" }
    /// The presence the engine last submitted for `user`.
    public static func applied(_ user: UserID) -> String { "calsync.applied.\(user.rawValue)" }
}
