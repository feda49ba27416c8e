import Foundation

/// One concrete occurrence of a VEVENT inside a window: the event that describes it and its instants.
public struct ICalOccurrence: Sendable, Equatable {
    /// The VEVENT whose properties apply (the master, or the override for this occurrence).
    public var event: ICalEvent
    /// Start instant.
    public var start: Date
    /// End instant (exclusive; equal to start for zero-length entries).
    public var end: Date
    /// The original start of the occurrence for recurring series (its RECURRENCE-ID); nil for single entries.
    public var recurrenceID: Date?

    /// Creates an occurrence.
    public init(event: ICalEvent, start: Date, end: Date, recurrenceID: Date?) {
        self.event = event
        self.start = start
        self.end = end
        self.recurrenceID = recurrenceID
    }

    /// The block id: the UID, plus the original start in UTC for an occurrence of a series.
    public var id: String {
        guard let recurrenceID else { return event.uid }
        return "\(event.uid)/\(LocalDateTime(recurrenceID, in: ICalZones.utc).compactUTC)"
    }

    /// Whether the occurrence overlaps `[from, to)`; zero-length entries count when they start inside it.
    public func overlaps(from: Date, to: Date) -> Bool {
        start == end ? (start >= from && start < to) : (start < to && end > from)
    }
}

extension LocalDateTime {
    /// `yyyymmddThhmmssZ` form (for ids).
    var compactUTC: String {
        description.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "Z"
    }
}
