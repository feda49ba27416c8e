import Foundation

/// Expands the VEVENTs of one calendar object resource (master, overrides, EXDATE/RDATE) into the
/// occurrences that overlap a window.
///
/// Problems that affect one entry only (an unknown TZID, an RRULE part not implemented, a bad value)
/// do not fail the resource: the entry is read as well as possible and the problem is listed in
/// ``problems`` for the caller to count and log.
public struct ICalExpansion: Sendable {
    /// Occurrences overlapping the window, ordered by start.
    public private(set) var occurrences: [ICalOccurrence] = []
    /// Human-readable problems met while reading (each names the UID and the property).
    public private(set) var problems: [String] = []

    /// Parses `text` and expands it over `[from, to)`; floating and DATE values are read in `floatingZone`.
    /// Throws only when the text is not iCalendar at all (broken nesting, no VCALENDAR).
    public init(text: String, from: Date, to: Date, floatingZone: TimeZone) throws(ICalError) {
        let roots = try ICalComponent.parse(text)
        guard let calendar = roots.first(where: { $0.name == "VCALENDAR" }) else { throw .missing("VCALENDAR") }
        let zones = ICalZones(calendar: calendar, floating: floatingZone)
        problems += zones.unresolved.sorted().map { "unknown TZID '\($0)' read as \(floatingZone.identifier)" }
        var masters: [String: ICalEvent] = [:]
        var overrides: [String: [ICalEvent]] = [:]
        var order: [String] = []
        for component in calendar.components("VEVENT") {
            let event: ICalEvent
            do { event = try ICalEvent(component) } catch {
                problems.append("VEVENT \(component.property("UID")?.value ?? "without UID") skipped: \(error)")
                continue
            }
            if masters[event.uid] == nil, overrides[event.uid] == nil { order.append(event.uid) }
            if event.recurrenceID == nil { masters[event.uid] = event } else { overrides[event.uid, default: []].append(event) }
        }
        for uid in order {
            expand(master: masters[uid], overrides: overrides[uid] ?? [], zones: zones, from: from, to: to)
        }
        occurrences.sort { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    private mutating func expand(master: ICalEvent?, overrides: [ICalEvent], zones: ICalZones, from: Date, to: Date) {
        var replaced: Set<Date> = []
        for event in overrides {
            guard let recurrence = event.recurrenceID else { continue }
            let original = zones.instant(recurrence)
            replaced.insert(original)
            let start = zones.instant(event.start)
            let occurrence = ICalOccurrence(event: event, start: start, end: end(of: event, startingAt: event.start.local, start, zones: zones), recurrenceID: original)
            if occurrence.overlaps(from: from, to: to) { occurrences.append(occurrence) }
        }
        guard let master else { return }
        if let ignored = master.ignoredRule { problems.append("VEVENT \(master.uid): \(ignored) not implemented; first occurrence only") }
        let zone = zones.zone(for: master.start.form)
        let first = zones.instant(master.start)
        guard master.rule != nil || !master.extraDates.isEmpty else {
            let occurrence = ICalOccurrence(event: master, start: first, end: end(of: master, startingAt: master.start.local, first, zones: zones), recurrenceID: nil)
            if occurrence.overlaps(from: from, to: to) { occurrences.append(occurrence) }
            return
        }
        var starts: [LocalDateTime] = [master.start.local]
        if let rule = master.rule {
            var limit = to
            if let until = rule.until {
                let bound = until.isDate ? until.local.adding(days: 1).instant(in: zone) : zones.instant(until).addingTimeInterval(1)
                limit = min(limit, bound)
            }
            // Starts earlier than the window minus one occurrence's length (plus a day for DST) cannot overlap it.
            let length = end(of: master, startingAt: master.start.local, first, zones: zones).timeIntervalSince(first)
            let keepFrom = from.addingTimeInterval(-length - 86_400)
            starts = RecurrenceExpander(rule: rule, start: master.start.local)
                .occurrences(before: limit, keepFrom: keepFrom) { $0.instant(in: zone) }
        }
        var instants = starts.map { ($0, $0.instant(in: zone)) }
        for extra in master.extraDates {
            let instant = zones.instant(extra)
            if !instants.contains(where: { $0.1 == instant }) { instants.append((LocalDateTime(instant, in: zone), instant)) }
        }
        let excluded = Set(master.exceptionDates.map { zones.instant($0) })
        let excludedDays = Set(master.exceptionDates.filter(\.isDate).map(\.local.dayNumber))
        for (local, instant) in instants {
            if excluded.contains(instant) || replaced.contains(instant) { continue }
            if !master.start.isDate, excludedDays.contains(local.dayNumber) { continue }
            let occurrence = ICalOccurrence(event: master, start: instant, end: end(of: master, startingAt: local, instant, zones: zones), recurrenceID: instant)
            if occurrence.overlaps(from: from, to: to) { occurrences.append(occurrence) }
        }
    }

    /// The end of an occurrence of `event` starting at wall time `local` (instant `start`): DTEND's exact
    /// length (whole days for DATE entries), or DURATION (days nominal, time exact), or the RFC defaults
    /// (one day for DATE entries, zero otherwise). Never before `start`.
    private func end(of event: ICalEvent, startingAt local: LocalDateTime, _ start: Date, zones: ICalZones) -> Date {
        let zone = zones.zone(for: event.start.form)
        var end = start
        if let dtend = event.end {
            if event.start.isDate {
                end = local.adding(days: dtend.local.dayNumber - event.start.local.dayNumber).instant(in: zone)
            } else {
                end = start.addingTimeInterval(zones.instant(dtend).timeIntervalSince(zones.instant(event.start)))
            }
        } else if let duration = event.duration {
            let base = duration.days == 0 ? start : local.adding(days: duration.days).instant(in: zone)
            end = base.addingTimeInterval(TimeInterval(duration.seconds))
        } else if event.start.isDate {
            end = local.adding(days: 1).instant(in: zone)
        }
        return max(end, start)
    }
}
