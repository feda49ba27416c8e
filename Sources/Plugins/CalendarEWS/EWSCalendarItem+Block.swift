import Foundation
import HubCore

extension EWSCalendarItem {
    /// Why an item could not be turned into a block.
    enum MappingProblem: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case badTime(field: String, value: String)
        case endBeforeStart

        var description: String {
            switch self {
            case let .missing(field): "CalendarItem has no \(field)"
            case let .badTime(field, value): "\(field) '\(value)' is not an xs:dateTime"
            case .endBeforeStart: "End is before Start"
            }
        }
    }

    /// The normalised block; unknown enum values map to `unknown`/`private`/`none` rather than failing.
    func block() throws(MappingProblem) -> CalendarBlock {
        guard !id.isEmpty else { throw .missing("ItemId") }
        guard let start else { throw .missing("Start") }
        guard let end else { throw .missing("End") }
        guard let from = Self.date(start) else { throw .badTime(field: "Start", value: start) }
        guard let until = Self.date(end) else { throw .badTime(field: "End", value: end) }
        guard until >= from else { throw .endBeforeStart }
        return CalendarBlock(
            id: id, start: from, end: until, isAllDay: isAllDayEvent?.lowercased() == "true",
            showAs: Self.showAs(legacyFreeBusyStatus), sensitivity: Self.sensitivity(sensitivity),
            isCancelled: isCancelled?.lowercased() == "true", response: Self.response(myResponseType),
            categories: categories ?? [], subject: subject)
    }

    /// `LegacyFreeBusyStatus`: Free, Tentative, Busy, OOF, WorkingElsewhere, NoData.
    static func showAs(_ value: String?) -> CalendarBlock.ShowAs {
        switch value {
        case "Free": .free
        case "Tentative": .tentative
        case "Busy": .busy
        case "OOF": .outOfOffice
        case "WorkingElsewhere": .workingElsewhere
        default: .unknown
        }
    }

    /// `Sensitivity`: Normal, Personal, Private, Confidential; anything else counts as private so no subject leaks.
    static func sensitivity(_ value: String?) -> CalendarBlock.Sensitivity {
        switch value {
        case nil, "Normal": .normal
        case "Personal": .personal
        case "Confidential": .confidential
        default: .private
        }
    }

    /// `MyResponseType`: Unknown, Organizer, Tentative, Accept, Decline, NoResponseReceived.
    static func response(_ value: String?) -> CalendarBlock.Response {
        switch value {
        case "Organizer": .organizer
        case "Tentative": .tentative
        case "Accept": .accepted
        case "Decline": .declined
        case "NoResponseReceived": .notResponded
        default: .none
        }
    }

    /// An `xs:dateTime` with `Z` or an offset, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
