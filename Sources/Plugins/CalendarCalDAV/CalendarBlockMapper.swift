import HubCore

/// Maps an iCalendar occurrence to the normalised ``CalendarBlock`` (research §1, §6.3).
///
/// Show-as: `X-MICROSOFT-CDO-BUSYSTATUS` (Exchange exports) wins; otherwise `TRANSP:TRANSPARENT` is free,
/// `STATUS:TENTATIVE` or the owner's `PARTSTAT=TENTATIVE` is tentative, anything else busy.
/// The owner is found among the attendees and the organiser by any of their addresses.
public struct CalendarBlockMapper: Sendable {
    /// The mailbox owner's addresses, lower-cased, without `mailto:`.
    public var ownerAddresses: Set<String>

    /// Creates a mapper for the owner with `addresses` (case-insensitive, `mailto:` optional).
    public init(ownerAddresses: [String]) {
        self.ownerAddresses = Set(ownerAddresses.map { ICalEvent.address($0) }.filter { !$0.isEmpty })
    }

    /// The block for `occurrence`.
    public func block(_ occurrence: ICalOccurrence) -> CalendarBlock {
        let event = occurrence.event
        let response = response(to: event)
        return CalendarBlock(
            id: occurrence.id, start: occurrence.start, end: occurrence.end, isAllDay: event.start.isDate,
            showAs: showAs(event, response: response), sensitivity: sensitivity(event), isCancelled: event.status == "CANCELLED",
            response: response, categories: event.categories, subject: event.summary)
    }

    func showAs(_ event: ICalEvent, response: CalendarBlock.Response) -> CalendarBlock.ShowAs {
        switch event.busyStatus {
        case "FREE": return .free
        case "TENTATIVE": return .tentative
        case "BUSY": return .busy
        case "OOF": return .outOfOffice
        case "WORKINGELSEWHERE": return .workingElsewhere
        default: break
        }
        if event.transparency == "TRANSPARENT" { return .free }
        if event.status == "TENTATIVE" || response == .tentative { return .tentative }
        return .busy
    }

    func sensitivity(_ event: ICalEvent) -> CalendarBlock.Sensitivity {
        switch event.classification {
        case "PRIVATE": .private
        case "CONFIDENTIAL": .confidential
        default: .normal
        }
    }

    func response(to event: ICalEvent) -> CalendarBlock.Response {
        if let attendee = event.attendees.first(where: { ownerAddresses.contains($0.address) }) {
            switch attendee.participation {
            case "ACCEPTED": return .accepted
            case "TENTATIVE": return .tentative
            case "DECLINED": return .declined
            case "NEEDS-ACTION": return .notResponded
            default: return .none
            }
        }
        if let organizer = event.organizer, ownerAddresses.contains(organizer) { return .organizer }
        return .none
    }
}
