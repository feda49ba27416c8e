import Foundation

/// The fields of one VEVENT that calendar presence needs (a master, a single entry or an override).
public struct ICalEvent: Sendable, Equatable {
    /// `UID`, shared by a series master and its overrides.
    public var uid: String
    /// `RECURRENCE-ID`: the original start of the occurrence this VEVENT overrides.
    public var recurrenceID: ICalDateTime?
    /// `DTSTART`.
    public var start: ICalDateTime
    /// `DTEND`, if given.
    public var end: ICalDateTime?
    /// `DURATION`, if given instead of DTEND.
    public var duration: ICalDuration?
    /// `RRULE`, if the event repeats.
    public var rule: RecurrenceRule?
    /// Why the RRULE was ignored (a part this reader does not implement); the event then counts once.
    public var ignoredRule: String?
    /// `EXDATE` values (all lines).
    public var exceptionDates: [ICalDateTime]
    /// `RDATE` values (all lines; DATE and DATE-TIME only).
    public var extraDates: [ICalDateTime]
    /// `STATUS`, upper-cased (TENTATIVE, CONFIRMED, CANCELLED).
    public var status: String?
    /// `TRANSP`, upper-cased (OPAQUE, TRANSPARENT).
    public var transparency: String?
    /// `CLASS`, upper-cased (PUBLIC, PRIVATE, CONFIDENTIAL).
    public var classification: String?
    /// `CATEGORIES` values (all lines).
    public var categories: [String]
    /// `SUMMARY`, unescaped.
    public var summary: String?
    /// `X-MICROSOFT-CDO-BUSYSTATUS`, upper-cased (FREE, TENTATIVE, BUSY, OOF, WORKINGELSEWHERE).
    public var busyStatus: String?
    /// `ORGANIZER` address without `mailto:`, lower-cased.
    public var organizer: String?
    /// `ATTENDEE` addresses (lower-cased, without `mailto:`) with their upper-cased `PARTSTAT`.
    public var attendees: [Attendee]

    /// One `ATTENDEE` line.
    public struct Attendee: Sendable, Equatable {
        /// Address without `mailto:`, lower-cased.
        public var address: String
        /// `PARTSTAT`, upper-cased; `NEEDS-ACTION` when absent (the RFC default).
        public var participation: String
    }

    /// Reads a VEVENT component; throws for a missing UID/DTSTART or an invalid value.
    public init(_ component: ICalComponent) throws(ICalError) {
        guard let uid = component.property("UID")?.value, !uid.isEmpty else { throw .missing("VEVENT UID") }
        guard let start = component.property("DTSTART") else { throw .missing("DTSTART in VEVENT \(uid)") }
        self.uid = uid
        self.start = try ICalDateTime.parse(start)
        recurrenceID = try component.property("RECURRENCE-ID").map { line throws(ICalError) in try ICalDateTime.parse(line) }
        end = try component.property("DTEND").map { line throws(ICalError) in try ICalDateTime.parse(line) }
        duration = try component.property("DURATION").map { line throws(ICalError) in try ICalDuration.parse(line.value) }
        rule = nil
        ignoredRule = nil
        if let line = component.property("RRULE") {
            do { rule = try RecurrenceRule.parse(line.value) } catch let ICalError.unsupported(what) { ignoredRule = what }
        }
        exceptionDates = []
        for line in component.properties("EXDATE") { exceptionDates += try ICalDateTime.parseList(line) }
        extraDates = []
        for line in component.properties("RDATE") where line.parameter("VALUE")?.uppercased() != "PERIOD" {
            extraDates += try ICalDateTime.parseList(line)
        }
        status = component.property("STATUS")?.value.uppercased()
        transparency = component.property("TRANSP")?.value.uppercased()
        classification = component.property("CLASS")?.value.uppercased()
        categories = component.properties("CATEGORIES").flatMap { ICalText.list($0.value) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        summary = component.property("SUMMARY").map { ICalText.unescape(Substring($0.value)) }
        busyStatus = component.property("X-MICROSOFT-CDO-BUSYSTATUS")?.value.uppercased()
        organizer = component.property("ORGANIZER").map { Self.address($0.value) }
        attendees = component.properties("ATTENDEE").map {
            Attendee(address: Self.address($0.value), participation: $0.parameter("PARTSTAT")?.uppercased() ?? "NEEDS-ACTION")
        }
        if let end = self.end, end.isDate != self.start.isDate {
            throw .invalidValue(property: "DTEND", "of VEVENT \(uid) must be a \(self.start.isDate ? "DATE" : "DATE-TIME") like DTSTART")
        }
    }

    /// A calendar user address without its `mailto:` scheme, lower-cased.
    static func address(_ value: String) -> String {
        let lower = value.lowercased()
        return lower.hasPrefix("mailto:") ? String(lower.dropFirst(7)) : lower
    }
}
