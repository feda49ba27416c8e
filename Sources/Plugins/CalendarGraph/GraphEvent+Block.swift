import Foundation
import HubCore

extension GraphEvent {
    /// Why an event could not be turned into a block.
    enum MappingProblem: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case badTime(field: String, value: String)
        case endBeforeStart

        var description: String {
            switch self {
            case let .missing(field): "event has no \(field)"
            case let .badTime(field, value): "\(field) '\(value)' is not a date-time"
            case .endBeforeStart: "end is before start"
            }
        }
    }

    /// The normalised block; unknown enum values map to `unknown`/`normal`/`none` rather than failing.
    func block() throws(MappingProblem) -> CalendarBlock {
        guard let start else { throw .missing("start") }
        guard let end else { throw .missing("end") }
        guard let from = GraphDateTime.parse(start.dateTime, zone: start.timeZone) else {
            throw .badTime(field: "start", value: start.dateTime)
        }
        guard let until = GraphDateTime.parse(end.dateTime, zone: end.timeZone) else {
            throw .badTime(field: "end", value: end.dateTime)
        }
        guard until >= from else { throw .endBeforeStart }
        return CalendarBlock(
            id: id, start: from, end: until, isAllDay: isAllDay ?? false, showAs: Self.showAs(showAs),
            sensitivity: Self.sensitivity(sensitivity), isCancelled: isCancelled ?? false,
            response: Self.response(responseStatus?.response), categories: categories ?? [], subject: subject)
    }

    /// `showAs` values of the Graph event resource.
    static func showAs(_ value: String?) -> CalendarBlock.ShowAs {
        switch value?.lowercased() {
        case "free": .free
        case "tentative": .tentative
        case "busy": .busy
        case "oof": .outOfOffice
        case "workingelsewhere": .workingElsewhere
        default: .unknown
        }
    }

    /// `sensitivity` values; anything unknown is treated as private so no subject leaks.
    static func sensitivity(_ value: String?) -> CalendarBlock.Sensitivity {
        switch value?.lowercased() {
        case nil, "normal": .normal
        case "personal": .personal
        case "confidential": .confidential
        default: .private
        }
    }

    /// `responseStatus.response` values.
    static func response(_ value: String?) -> CalendarBlock.Response {
        switch value?.lowercased() {
        case "organizer": .organizer
        case "accepted": .accepted
        case "tentativelyaccepted": .tentative
        case "declined": .declined
        case "notresponded": .notResponded
        default: .none
        }
    }
}
