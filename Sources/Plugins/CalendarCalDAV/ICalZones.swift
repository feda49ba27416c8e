import Foundation

/// Turns the TZIDs of one iCalendar object into Foundation time zones.
///
/// Order of attempts: the IANA name itself; the IANA name at the end of a vendor path
/// (`/mozilla.org/20050126_1/Europe/Berlin`); the VTIMEZONE's `X-LIC-LOCATION`; a Windows zone name
/// (`W. Europe Standard Time`, written by Exchange and Outlook); finally the VTIMEZONE's standard offset as
/// a fixed zone (DST rules of unknown custom zones are not evaluated). Unknown TZIDs with no VTIMEZONE fall
/// back to the reader's zone and are reported in ``unresolved``.
public struct ICalZones: Sendable {
    /// Zone for floating and DATE values (the mailbox owner's zone).
    public let floating: TimeZone
    private var resolved: [String: TimeZone] = [:]
    /// TZIDs that matched nothing and were read in the floating zone.
    public private(set) var unresolved: Set<String> = []

    /// Resolves every TZID used in `calendar` up front.
    public init(calendar: ICalComponent, floating: TimeZone) {
        self.floating = floating
        var definitions: [String: ICalComponent] = [:]
        for zone in calendar.components("VTIMEZONE") {
            if let id = zone.property("TZID")?.value { definitions[id] = zone }
        }
        for event in calendar.components where event.name != "VTIMEZONE" {
            for property in event.properties {
                guard let id = property.parameter("TZID"), resolved[id] == nil else { continue }
                if let zone = Self.resolve(id, definition: definitions[id]) { resolved[id] = zone } else { unresolved.insert(id) }
            }
        }
    }

    /// The zone a value of `form` is read in.
    public func zone(for form: ICalDateTime.Form) -> TimeZone {
        switch form {
        case .date, .floating: floating
        case .utc: Self.utc
        case let .zoned(id): resolved[id] ?? floating
        }
    }

    /// The instant `value` names.
    public func instant(_ value: ICalDateTime) -> Date { value.local.instant(in: zone(for: value.form)) }

    /// UTC.
    public static let utc = TimeZone(secondsFromGMT: 0) ?? TimeZone.current

    static func resolve(_ id: String, definition: ICalComponent?) -> TimeZone? {
        let trimmed = id.trimmingCharacters(in: CharacterSet(charactersIn: "\"/ "))
        if let zone = TimeZone(identifier: trimmed) { return zone }
        let parts = trimmed.split(separator: "/")
        for count in [3, 2] where parts.count > count {
            if let zone = TimeZone(identifier: parts.suffix(count).joined(separator: "/")) { return zone }
        }
        if let location = definition?.property("X-LIC-LOCATION")?.value, let zone = TimeZone(identifier: location) { return zone }
        if let iana = windowsZones[trimmed], let zone = TimeZone(identifier: iana) { return zone }
        if let standard = definition?.components("STANDARD").first?.property("TZOFFSETTO")?.value,
            let offset = Self.offsetSeconds(standard)
        {
            return TimeZone(secondsFromGMT: offset)
        }
        return nil
    }

    /// Seconds of a UTC offset `+hhmm[ss]` / `-hhmm[ss]`.
    static func offsetSeconds(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5 || bytes.count == 7, bytes[0] == 0x2B || bytes[0] == 0x2D,
            let hours = Int(String(decoding: bytes[1..<3], as: UTF8.self)),
            let minutes = Int(String(decoding: bytes[3..<5], as: UTF8.self))
        else { return nil }
        let seconds = bytes.count == 7 ? Int(String(decoding: bytes[5..<7], as: UTF8.self)) ?? 0 : 0
        return (bytes[0] == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds)
    }

    /// Windows zone names Exchange/Outlook write as TZID, for the zones our customers use most (CLDR windowsZones).
    static let windowsZones: [String: String] = [
        "W. Europe Standard Time": "Europe/Berlin", "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw", "Romance Standard Time": "Europe/Paris",
        "FLE Standard Time": "Europe/Helsinki", "E. Europe Standard Time": "Europe/Chisinau",
        "GTB Standard Time": "Europe/Bucharest", "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik", "Russian Standard Time": "Europe/Moscow",
        "UTC": "UTC", "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "Pacific Standard Time": "America/Los_Angeles",
        "Tokyo Standard Time": "Asia/Tokyo", "China Standard Time": "Asia/Shanghai",
        "India Standard Time": "Asia/Kolkata", "AUS Eastern Standard Time": "Australia/Sydney",
    ]
}
