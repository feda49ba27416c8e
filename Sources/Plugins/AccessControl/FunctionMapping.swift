import Foundation
import HubCore
import HubPluginSupport

/// What one function key or direction does to presence: an activity, the stamp text for the note, and
/// when the change ends (after a duration, or at a time of day).
public struct FunctionMapping: Sendable, Equatable, Decodable {
    /// The activity the stamp sets; nil only with ``ignore``.
    public var activity: ActivityID?
    /// The stamp text put into the note if the note is empty; nil for the line's own `text` field, "" for none.
    public var note: String?
    /// How long the change lasts; then presence returns to "available" if nothing changed it since.
    public var duration: DurationSetting?
    /// A time of day (`HH:MM`, in `time_zone`) at which the change ends; the next such time after the stamp.
    public var until: String?
    /// Whether stamps of this function are read and counted but change nothing (e.g. "invalid" bookings).
    public var ignore: Bool

    /// Every key of a function's table.
    enum Keys: String, CodingKey, CaseIterable {
        case activity, note, duration, until, ignore
    }

    /// Creates a mapping.
    public init(activity: ActivityID?, note: String? = nil, duration: DurationSetting? = nil, until: String? = nil, ignore: Bool = false) {
        self.activity = activity
        self.note = note
        self.duration = duration
        self.until = until
        self.ignore = ignore
    }

    /// Decodes `{ activity = "…", note = "…", duration = "45m", until = "17:00", ignore = false }`; other keys are errors.
    public init(from decoder: any Decoder) throws {
        let any = try decoder.container(keyedBy: AnyCodingKey.self)
        let known = Set(Keys.allCases.map(\.stringValue))
        if let unknown = any.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [unknown],
                debugDescription: "unknown key; known: \(Keys.allCases.map(\.stringValue).joined(separator: ", "))"))
        }
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(
            activity: try c.decodeIfPresent(ActivityID.self, forKey: .activity),
            note: try c.decodeIfPresent(String.self, forKey: .note),
            duration: try c.decodeIfPresent(DurationSetting.self, forKey: .duration),
            until: try c.decodeIfPresent(String.self, forKey: .until),
            ignore: try c.decodeIfPresent(Bool.self, forKey: .ignore) ?? false)
    }

    /// Why the mapping is unusable, or nil.
    func problem() -> String? {
        if ignore { return activity == nil ? nil : "set either activity or ignore = true, not both" }
        guard let activity else { return "activity: required (or ignore = true)" }
        if !Slug.isValid(activity.rawValue) { return "activity: '\(activity)' \(Slug.rule)" }
        if duration != nil, until != nil { return "set either duration or until, not both" }
        if let duration, duration.duration <= .zero || duration.duration > .seconds(31 * 86_400) {
            return "duration: must be more than 0 and at most 31 days"
        }
        if let until, TimeOfDay(until) == nil { return "until: '\(until)' is not a time of day HH:MM" }
        if let note, note.count > PresenceUpdate.maximumNoteLength {
            return "note: at most \(PresenceUpdate.maximumNoteLength) characters"
        }
        return nil
    }
}

/// A time of day `HH:MM`.
struct TimeOfDay: Sendable, Equatable {
    let hour: Int
    let minute: Int

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// The first instant after `date` with this time of day in `timeZone`.
    func next(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = calendar.dateComponents([.year, .month, .day], from: date)
        components.hour = hour
        components.minute = minute
        guard let today = calendar.date(from: components) else { return nil }
        return today > date ? today : calendar.date(byAdding: .day, value: 1, to: today)
    }
}

/// A coding key for any name, to find keys a fixed `CodingKeys` enum does not know.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}
