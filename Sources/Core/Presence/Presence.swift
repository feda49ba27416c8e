import Foundation

/// A user's presence: activity, role, until-time, note, online/idle, and where the last change came from.
public struct Presence: Codable, Sendable, Equatable {
    /// What the user is doing now, from the tenant's catalogue.
    public var activity: ActivityID
    /// The user's active role, which decides caller id and routing rules (PRES-2).
    public var role: RoleID
    /// When the user expects to be available again; informative only (PRES-3).
    public var until: Date?
    /// Free-text personal note (PRES-4).
    public var note: String
    /// Online for instant messages (PRES-5).
    public var online: Bool
    /// Online but inactive for a while (PRES-5).
    public var idle: Bool
    /// Source of the last change of activity, role, until-time or note.
    public var source: PresenceSource
    /// When that change was applied.
    public var changedAt: Date
    /// Counts changes of activity, role, until-time or note; an automatic change reverts only if it is unchanged.
    public var revision: UInt64
    /// When the last manual change (user or admin) happened; automatic changes from before it are ignored.
    public var lastManualAt: Date?
    /// The revert an automatic change with an end time scheduled.
    public var pendingRevert: PendingRevert?

    /// Creates a presence; defaults to the work role, no until-time or note, and offline.
    public init(
        activity: ActivityID, role: RoleID = .work, until: Date? = nil, note: String = "", online: Bool = false,
        idle: Bool = false, source: PresenceSource, changedAt: Date, revision: UInt64 = 0, lastManualAt: Date? = nil,
        pendingRevert: PendingRevert? = nil
    ) {
        self.activity = activity
        self.role = role
        self.until = until
        self.note = note
        self.online = online
        self.idle = idle
        self.source = source
        self.changedAt = changedAt
        self.revision = revision
        self.lastManualAt = lastManualAt
        self.pendingRevert = pendingRevert
    }
}

/// What happens when an automatic change's end time passes, if nothing changed the presence since.
public struct PendingRevert: Codable, Sendable, Equatable {
    /// When the change ends.
    public var at: Date
    /// The presence revision the change produced; any other revision means something changed since.
    public var revision: UInt64
    /// The source that made the change (the revert is recorded under it).
    public var source: PresenceSource
    /// The note the change wrote, cleared on revert if still there.
    public var noteWritten: String?

    /// Schedules the revert of a change made by `source`, due at `at`.
    public init(at: Date, revision: UInt64, source: PresenceSource, noteWritten: String?) {
        self.at = at
        self.revision = revision
        self.source = source
        self.noteWritten = noteWritten
    }
}
