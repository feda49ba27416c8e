import Foundation
import HubCore

extension DominoEvent {
    /// Why an event could not be turned into a block.
    enum MappingProblem: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case badTime(field: String, value: String)
        case unknownZone(field: String, tzid: String)
        case endBeforeStart

        var description: String {
            switch self {
            case let .missing(field): "event has no \(field)"
            case let .badTime(field, value): "\(field) '\(value)' is not a DAS date/time"
            case let .unknownZone(field, tzid): "\(field) uses time zone '\(tzid)', which is not an IANA zone"
            case .endBeforeStart: "end is before start"
            }
        }
    }

    /// The occurrence id: the UID, plus the recurrence id for an occurrence of a series.
    var occurrenceID: String { recurrenceId.map { "\(id)/\($0)" } ?? id }

    /// The normalised block; whole-day dates are local midnights in `zone` (the mailbox's time zone).
    func block(zone: TimeZone) throws(MappingProblem) -> CalendarBlock {
        guard let start else { throw .missing("start") }
        let allDay = start.time == nil
        let from = try Self.instant(start, field: "start", zone: zone)
        var until = try end.map { (value) throws(MappingProblem) in try Self.instant(value, field: "end", zone: zone) } ?? from
        if allDay, until <= from {
            // A whole-day entry names its last day (or none): it ends at the next midnight.
            until = Calendar.gregorian(zone).date(byAdding: .day, value: 1, to: until) ?? until.addingTimeInterval(86_400)
        }
        guard until >= from else { throw .endBeforeStart }
        return CalendarBlock(
            id: occurrenceID, start: from, end: until, isAllDay: allDay, showAs: showAs, sensitivity: Self.sensitivity(`class`),
            isCancelled: noticeType?.uppercased() == "C", response: noticeType?.uppercased() == "I" ? .notResponded : .none,
            categories: categories ?? [], subject: summary)
    }

    /// Free for transparent entries, anniversaries (1) and reminders (4); tentative for unanswered
    /// invitations (notice type I); busy otherwise (DAS has no out-of-office class).
    var showAs: CalendarBlock.ShowAs {
        if transparency?.lowercased() == "transparent" || apptType == "1" || apptType == "4" { return .free }
        if noticeType?.uppercased() == "I" { return .tentative }
        return .busy
    }

    /// iCalendar CLASS: public, private, confidential; anything unknown counts as private.
    static func sensitivity(_ value: String?) -> CalendarBlock.Sensitivity {
        switch value?.lowercased() {
        case nil, "public": .normal
        case "confidential": .confidential
        default: .private
        }
    }

    private static func instant(_ value: When, field: String, zone: TimeZone) throws(MappingProblem) -> Date {
        let date = value.date.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard date.count == 3, (1...12).contains(date[1]), (1...31).contains(date[2]) else {
            throw .badTime(field: field, value: value.date)
        }
        var components = DateComponents(year: date[0], month: date[1], day: date[2], hour: 0, minute: 0, second: 0)
        var timeZone = zone
        if let time = value.time {
            let parts = time.split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard parts.count == 3, (0...23).contains(parts[0]), (0...59).contains(parts[1]), (0...60).contains(parts[2]) else {
                throw .badTime(field: field, value: time)
            }
            components.hour = parts[0]
            components.minute = parts[1]
            components.second = parts[2]
            if value.utc == true {
                timeZone = TimeZone(identifier: "UTC") ?? zone
            } else if let tzid = value.tzid {
                guard let named = TimeZone(identifier: tzid) else { throw .unknownZone(field: field, tzid: tzid) }
                timeZone = named
            }
        }
        guard let instant = Calendar.gregorian(timeZone).date(from: components) else { throw .badTime(field: field, value: value.date) }
        return instant
    }
}

extension Calendar {
    /// A Gregorian calendar in `zone`.
    fileprivate static func gregorian(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
