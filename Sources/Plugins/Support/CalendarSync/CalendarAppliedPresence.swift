import Foundation
import HubCore

/// What the engine last submitted for a user (`calsync.applied.<user>`), so a moved or cancelled entry
/// can move or lift exactly the presence it caused, also after a restart.
public struct CalendarAppliedPresence: Sendable, Equatable, Codable {
    /// The presence submitted.
    public var presence: CalendarPresence
    /// Whether the hub applied it (false: ignored, e.g. the user changed presence by hand since, PRES-8).
    public var accepted: Bool
    /// When it was submitted.
    public var submittedAt: Date

    /// Creates a record.
    public init(presence: CalendarPresence, accepted: Bool, submittedAt: Date) {
        self.presence = presence
        self.accepted = accepted
        self.submittedAt = submittedAt
    }
}

extension CalendarAppliedPresence {
    /// The update that sets `presence`. Its time of occurrence is the start of the calendar run, so a
    /// manual change made during the run wins for the rest of it (PRES-8); the end time makes the hub
    /// revert at `until` unless something changed the presence since.
    static func update(setting presence: CalendarPresence) -> PresenceUpdate {
        PresenceUpdate(
            activity: presence.activity, until: .set(presence.until), noteIfEmpty: presence.note, source: .calendar,
            occurredAt: presence.since, endsAt: presence.until)
    }

    /// The update that lifts the presence this record caused: the same change, ending in `grace`. The hub
    /// then reverts it (clearing the note it wrote) unless something changed the presence since, and
    /// ignores it if the user changed presence by hand after the run started.
    func liftUpdate(at now: Date, grace: TimeInterval = 1) -> PresenceUpdate {
        let end = now.addingTimeInterval(grace)
        return PresenceUpdate(
            activity: presence.activity, until: .set(end), noteIfEmpty: presence.note, source: .calendar,
            occurredAt: presence.since, endsAt: end)
    }
}
