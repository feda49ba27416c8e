import Foundation

/// Parses Graph's `dateTimeTimeZone` values (`"2016-12-25T06:00:00.0000000"` + `"UTC"`) and formats query times.
enum GraphDateTime {
    /// The instant `text` names in zone `zone` (`UTC` or an IANA id; Windows zone names are refused,
    /// which is why requests send `Prefer: outlook.timezone="UTC"`). Nil if either is malformed.
    static func parse(_ text: String, zone: String?) -> Date? {
        let timeZone: TimeZone?
        switch zone?.uppercased() {
        case nil, "UTC", "Z", "ETC/UTC", "GMT": timeZone = TimeZone(identifier: "UTC")
        default: timeZone = zone.flatMap { TimeZone(identifier: $0) }
        }
        guard let timeZone else { return nil }
        var text = Substring(text)
        if text.hasSuffix("Z") { text = text.dropLast() }
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
        let timeAndFraction = parts[1].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let time = timeAndFraction[0].split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard date.count == 3, time.count == 3, (1...12).contains(date[1]), (1...31).contains(date[2]),
            (0...23).contains(time[0]), (0...59).contains(time[1]), (0...60).contains(time[2])
        else { return nil }
        var fraction = 0.0
        if timeAndFraction.count == 2 {
            guard let digits = Double("0." + timeAndFraction[1]) else { return nil }
            fraction = digits
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: date[0], month: date[1], day: date[2], hour: time[0], minute: time[1], second: time[2])
        return calendar.date(from: components)?.addingTimeInterval(fraction)
    }

    /// `2026-12-01T00:00:00Z`, the form Graph's `startDateTime`/`endDateTime` take.
    static func query(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
