import Foundation

/// One decoded stamp: who badged, which function key or direction, where and when.
public struct Stamp: Sendable, Equatable {
    /// The badge or card number as it was read (trimmed).
    public var badge: String
    /// The function key or direction as read (`IN`, `LUNCH`, `1` …), if the format has one.
    public var function: String?
    /// The reader or terminal number, if the format has one.
    public var reader: String?
    /// When the stamp happened at the source, if the format says.
    public var time: Date?
    /// When the stamp's effect ends, if the line says.
    public var end: Date?
    /// Free text the line carries for the note, if any.
    public var text: String?
    /// The record's text, for logs.
    public var record: String

    /// Creates a stamp.
    public init(
        badge: String, function: String? = nil, reader: String? = nil, time: Date? = nil, end: Date? = nil,
        text: String? = nil, record: String
    ) {
        self.badge = badge
        self.function = function
        self.reader = reader
        self.time = time
        self.end = end
        self.text = text
        self.record = record
    }
}

/// What the decoder made of some input: a stamp, or a problem with a sample of the offending bytes.
public enum DecodeEvent: Sendable, Equatable {
    /// A well-formed stamp.
    case stamp(Stamp)
    /// Bad input, with a printable sample (at most 80 characters) for the log.
    case problem(AccessControlProblem, sample: String)
}
