import Foundation

/// What a user's calendar wants their presence to be at one instant, and when that answer changes.
public struct CalendarDecision: Sendable, Equatable, Codable {
    /// The presence the calendar sets now, or nil if the calendar wants nothing now.
    public var presence: CalendarPresence?
    /// The next instant the answer differs (a run starts or ends, the note changes); nil if never,
    /// as far as the blocks tell.
    public var nextChange: Date?

    /// Creates a decision.
    public init(presence: CalendarPresence?, nextChange: Date?) {
        self.presence = presence
        self.nextChange = nextChange
    }
}

/// The presence a calendar run sets: activity and until-time, with the note text if it may be shown.
public struct CalendarPresence: Sendable, Equatable, Codable {
    /// The activity (from the tenant's catalogue).
    public var activity: ActivityID
    /// When the merged run of entries setting this activity started (the change's time of occurrence).
    public var since: Date
    /// When the merged run ends: the until-time and end time of the change.
    public var until: Date
    /// Note text (a normal entry's subject when the policy publishes subjects); nil for none.
    public var note: String?

    /// Creates a calendar presence.
    public init(activity: ActivityID, since: Date, until: Date, note: String? = nil) {
        self.activity = activity
        self.since = since
        self.until = until
        self.note = note
    }
}
