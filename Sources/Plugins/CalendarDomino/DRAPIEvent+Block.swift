import Foundation
import HubCore

extension DRAPIEvent {
    /// Why an entry could not be turned into a block.
    enum MappingProblem: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case badStart(String)
        case badDuration(String)
        case unknownZone(String)

        var description: String {
            switch self {
            case let .missing(field): "entry has no \(field)"
            case let .badStart(value): "start '\(value)' is not a JSCalendar LocalDateTime"
            case let .badDuration(value): "duration '\(value)' is not a JSCalendar duration"
            case let .unknownZone(value): "timeZone '\(value)' is neither an IANA zone nor a Notes zone string"
            }
        }
    }

    /// Whether the entry is an event (DRAPI lists only events in a calendar, but JSCalendar allows tasks).
    var isEvent: Bool { type.map { $0.lowercased() == "jsevent" } ?? true }

    /// The occurrence id: the UID, plus the recurrence id for an occurrence of a series.
    var occurrenceID: String? { uid.map { uid in recurrenceId.map { "\(uid)/\($0)" } ?? uid } }

    /// The normalised block. `mailbox` (the user's calendar address) picks the owner's participant when it
    /// is an e-mail address; `zone` places floating times (no `timeZone`).
    func block(mailbox: String, zone: TimeZone) throws(MappingProblem) -> CalendarBlock {
        guard let id = occurrenceID, !id.isEmpty else { throw .missing("uid") }
        guard let start else { throw .missing("start") }
        guard let local = Self.localTime(start) else { throw .badStart(start) }
        guard let length = JSCalendarDuration(duration ?? "PT0S") else { throw .badDuration(duration ?? "") }
        let place = try placement(utc: start.hasSuffix("Z"), zone: zone)
        let allDay = showWithoutTime == true
        let from = place(local)
        // JSCalendar: whole days are added on the wall clock, then hours/minutes/seconds in absolute time.
        var until = place(local.addingTimeInterval(Double(length.days) * 86_400)).addingTimeInterval(length.seconds)
        if allDay, until <= from { until = place(local.addingTimeInterval(86_400)) }
        let own = owner(mailbox)
        return CalendarBlock(
            id: id, start: from, end: max(until, from), isAllDay: allDay, showAs: showAs(owner: own),
            sensitivity: Self.sensitivity(privacy), isCancelled: status?.lowercased() == "cancelled" || excluded == true,
            response: Self.response(own), categories: tags, subject: title)
    }

    /// Free when marked free; tentative when the event or the owner's answer is tentative, or the owner
    /// has not answered (DAS shows unanswered invitations the same way); busy otherwise.
    func showAs(owner: Participant?) -> CalendarBlock.ShowAs {
        if freeBusyStatus?.lowercased() == "free" { return .free }
        if status?.lowercased() == "tentative" { return .tentative }
        switch owner?.participationStatus?.lowercased() {
        case "tentative", "needs-action": return .tentative
        default: return .busy
        }
    }

    /// JSCalendar privacy: public, private, secret; anything unknown counts as private.
    static func sensitivity(_ value: String?) -> CalendarBlock.Sensitivity {
        switch value?.lowercased() {
        case nil, "public": .normal
        case "secret": .confidential
        default: .private
        }
    }

    /// The owner's answer; organizer when they own or chair the event.
    static func response(_ owner: Participant?) -> CalendarBlock.Response {
        guard let owner else { return .none }
        if owner.roles?["owner"] == true || owner.roles?["chair"] == true { return .organizer }
        switch owner.participationStatus?.lowercased() {
        case "accepted": return .accepted
        case "declined": return .declined
        case "tentative": return .tentative
        case "needs-action": return .notResponded
        default: return .none
        }
    }

    /// Categories and keywords set to true. DRAPI sends `{"null": true}` for an entry without categories.
    var tags: [String] {
        let all = (categories ?? [:]).merging(keywords ?? [:]) { $0 || $1 }
        return all.filter { $0.value && $0.key != "null" && !$0.key.isEmpty }.keys.sorted()
    }

    /// The participant whose e-mail is the mailbox address (nil when the address is a path or replica id).
    func owner(_ mailbox: String) -> Participant? {
        guard mailbox.contains("@") else { return nil }
        return participants?.values.first { $0.email?.caseInsensitiveCompare(mailbox) == .orderedSame }
    }

    /// Turns wall-clock times (given as if UTC) into instants for this entry's zone.
    private func placement(utc: Bool, zone: TimeZone) throws(MappingProblem) -> (Date) -> Date {
        if utc { return { $0 } }
        guard let name = timeZone?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return { Self.instant($0, in: zone) } }
        if NotesTimeZone.isNotesFormat(name) {
            guard let notes = NotesTimeZone(name) else { throw .unknownZone(name) }
            return { notes.instant(fromLocal: $0) }
        }
        guard let named = TimeZone(identifier: name) else { throw .unknownZone(name) }
        return { Self.instant($0, in: named) }
    }

    /// The instant of wall-clock time `local` (given as if UTC) in `zone`.
    private static func instant(_ local: Date, in zone: TimeZone) -> Date {
        let guess = local.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: local)))
        return local.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: guess)))
    }

    /// `2024-06-11T09:00:00`, optionally with fractional seconds and a trailing `Z`, read as if UTC.
    static func localTime(_ text: String) -> Date? {
        let body = text.hasSuffix("Z") ? String(text.dropLast()) : text
        let parts = body.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard date.count == 3, clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]),
              let second = Double(clock[2]), (1...12).contains(date[1]), (1...31).contains(date[2]),
              (0...23).contains(hour), (0...59).contains(minute), (0..<61).contains(second)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        guard let day = calendar.date(from: DateComponents(year: date[0], month: date[1], day: date[2])),
              calendar.component(.day, from: day) == date[2] else { return nil }
        return day.addingTimeInterval(Double(hour * 3600 + minute * 60) + second)
    }
}
