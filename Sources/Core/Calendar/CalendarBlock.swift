import Foundation

/// One calendar entry as every adapter (EWS, Graph, Domino, CalDAV) normalises it, the input of the
/// calendar presence rules.
public struct CalendarBlock: Sendable, Equatable, Codable {
    /// The entry's id at the source, unique per mailbox (occurrence ids for recurring series).
    public var id: String
    /// Start, UTC.
    public var start: Date
    /// End, UTC (exclusive).
    public var end: Date
    /// Whether the entry spans whole days (start/end at local midnights of the mailbox's zone).
    public var isAllDay: Bool
    /// How the time shows to others.
    public var showAs: ShowAs
    /// Who may see the details.
    public var sensitivity: Sensitivity
    /// Whether the organiser cancelled it.
    public var isCancelled: Bool
    /// The mailbox owner's answer to the invitation.
    public var response: Response
    /// Categories or keywords on the entry (for the opt-in-by-category mode).
    public var categories: [String]
    /// Subject; adapters keep it, the rules never show it for private entries.
    public var subject: String?

    /// Free/busy status of an entry.
    public enum ShowAs: String, Sendable, Codable, CaseIterable {
        case free, tentative, busy, outOfOffice, workingElsewhere, unknown
    }

    /// Privacy of an entry.
    public enum Sensitivity: String, Sendable, Codable, CaseIterable {
        case normal, personal, `private`, confidential
    }

    /// The mailbox owner's response.
    public enum Response: String, Sendable, Codable, CaseIterable {
        case none, organizer, accepted, tentative, declined, notResponded
    }

    /// Creates a block.
    public init(
        id: String, start: Date, end: Date, isAllDay: Bool = false, showAs: ShowAs = .busy,
        sensitivity: Sensitivity = .normal, isCancelled: Bool = false, response: Response = .none,
        categories: [String] = [], subject: String? = nil
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.isAllDay = isAllDay
        self.showAs = showAs
        self.sensitivity = sensitivity
        self.isCancelled = isCancelled
        self.response = response
        self.categories = categories
        self.subject = subject
    }
}
