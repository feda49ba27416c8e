import Foundation
import HubCore

/// What the engine last submitted for a user (`calsync.applied.<user>`), so a moved or cancelled entry
/// can move the presence it caused, or lift it with `.liftPresence`, also after a restart.
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

    /// Whether lifting this record's presence could still do anything: the hub applied it and it has not
    /// ended. Whether it is still the user's presence (nothing changed it since) the hub decides (PRES-8).
    func isLiftable(at now: Date) -> Bool {
        accepted && presence.until > now
    }
}
