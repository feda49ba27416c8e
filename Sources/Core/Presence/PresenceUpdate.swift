import Foundation

/// A requested presence change; absent fields stay as they are.
public struct PresenceUpdate: Sendable, Equatable {
    /// New activity, or nil to keep the current one.
    public var activity: ActivityID?
    /// New role, or nil to keep the current one.
    public var role: RoleID?
    /// New until-time; `.clear` removes it.
    public var until: Change<Date>?
    /// New note; `.clear` empties it.
    public var note: Change<String>?
    /// Text for the note only if the note is empty (access-control stamps, INT-ACS).
    public var noteIfEmpty: String?
    /// New online state for instant messages, or nil to keep it.
    public var online: Bool?
    /// New idle state, or nil to keep it; only an online user can be idle.
    public var idle: Bool?
    /// Who or what requests the change; decides precedence (PRES-8).
    public var source: PresenceSource
    /// When the change happened at its source (the stamp's time); defaults to when it is applied.
    public var occurredAt: Date?
    /// For automatic changes: when the change ends and presence reverts (PRES-8).
    public var endsAt: Date?

    /// Creates an update; every field left nil stays as it is.
    public init(
        activity: ActivityID? = nil, role: RoleID? = nil, until: Change<Date>? = nil, note: Change<String>? = nil,
        noteIfEmpty: String? = nil, online: Bool? = nil, idle: Bool? = nil, source: PresenceSource,
        occurredAt: Date? = nil, endsAt: Date? = nil
    ) {
        self.activity = activity
        self.role = role
        self.until = until
        self.note = note
        self.noteIfEmpty = noteIfEmpty
        self.online = online
        self.idle = idle
        self.source = source
        self.occurredAt = occurredAt
        self.endsAt = endsAt
    }

    /// Whether the update touches activity, role, until-time or note (not only online/idle).
    public var changesPresence: Bool {
        activity != nil || role != nil || until != nil || note != nil || noteIfEmpty != nil
    }

    /// The longest note accepted.
    public static let maximumNoteLength = 500
}

/// Sets a value or clears it.
public enum Change<Value: Sendable & Equatable>: Sendable, Equatable {
    case set(Value)
    case clear

    /// The new value, or nil to clear.
    public var value: Value? {
        if case let .set(value) = self { value } else { nil }
    }
}
