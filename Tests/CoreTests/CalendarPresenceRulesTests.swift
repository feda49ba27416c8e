import Foundation
import HubCore
import Testing

/// UTC instant from `yyyy-MM-dd'T'HH:mm`.
private func utc(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text + ":00Z") else { fatalError("bad test date \(text)") }
    return date
}

/// A block on Monday 2026-12-07 from `start` to `end` ("HH:mm"), or full timestamps if they contain "T".
private func block(
    _ id: String, _ start: String, _ end: String, _ showAs: CalendarBlock.ShowAs = .busy,
    sensitivity: CalendarBlock.Sensitivity = .normal, cancelled: Bool = false, response: CalendarBlock.Response = .accepted,
    categories: [String] = [], subject: String? = nil, allDay: Bool = false
) -> CalendarBlock {
    func time(_ text: String) -> Date { utc(text.contains("T") ? text : "2026-12-07T" + text) }
    return CalendarBlock(
        id: id, start: time(start), end: time(end), isAllDay: allDay, showAs: showAs, sensitivity: sensitivity,
        isCancelled: cancelled, response: response, categories: categories, subject: subject ?? "Subject \(id)")
}

private func monday(_ time: String) -> Date { utc("2026-12-07T" + time) }

/// One row: blocks, the instant, and the expected answer (`activity`, since, until, note, next change).
struct CalendarRuleCase: CustomTestStringConvertible, Sendable {
    let name: String
    let blocks: [CalendarBlock]
    let now: Date
    var policy = CalendarPresencePolicy()
    let expected: CalendarPresence?
    let nextChange: Date?

    var testDescription: String { name }
}

private let publish = CalendarPresencePolicy(publishSubjects: true)
private let tags = CalendarPresencePolicy(
    optIn: .keyword, keywords: [CalendarKeyword("Presence"), CalendarKeyword("m:"), CalendarKeyword("h:", activity: "on_vacation")],
    publishSubjects: true)

private let showAsCases: [CalendarRuleCase] = [
    .init(name: "busy meeting in progress", blocks: [block("a", "13:00", "14:00")], now: monday("13:30"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "before the meeting", blocks: [block("a", "13:00", "14:00")], now: monday("12:00"),
          expected: nil, nextChange: monday("13:00")),
    .init(name: "at its start", blocks: [block("a", "13:00", "14:00")], now: monday("13:00"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "end is exclusive", blocks: [block("a", "13:00", "14:00")], now: monday("14:00"), expected: nil, nextChange: nil),
    .init(name: "out of office for days", blocks: [block("v", "2026-12-07T00:00", "2026-12-11T00:00", .outOfOffice, allDay: true)],
          now: utc("2026-12-08T10:00"),
          expected: .init(activity: "on_vacation", since: utc("2026-12-07T00:00"), until: utc("2026-12-11T00:00")),
          nextChange: utc("2026-12-11T00:00")),
    .init(name: "tentative sets nothing", blocks: [block("t", "13:00", "14:00", .tentative)], now: monday("13:30"), expected: nil, nextChange: nil),
    .init(name: "free sets nothing", blocks: [block("f", "13:00", "14:00", .free)], now: monday("13:30"), expected: nil, nextChange: nil),
    .init(name: "working elsewhere sets nothing", blocks: [block("w", "13:00", "14:00", .workingElsewhere)], now: monday("13:30"), expected: nil, nextChange: nil),
    .init(name: "unknown sets nothing", blocks: [block("u", "13:00", "14:00", .unknown)], now: monday("13:30"), expected: nil, nextChange: nil),
    .init(name: "cancelled sets nothing", blocks: [block("c", "13:00", "14:00", cancelled: true)], now: monday("13:30"), expected: nil, nextChange: nil),
    .init(name: "declined sets nothing", blocks: [block("d", "13:00", "14:00", response: .declined)], now: monday("13:30"), expected: nil, nextChange: nil),
    .init(name: "not yet answered counts", blocks: [block("n", "13:00", "14:00", response: .notResponded)], now: monday("13:30"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "empty and inverted blocks are ignored", blocks: [block("z", "13:00", "13:00"), block("i", "14:00", "13:00")],
          now: monday("13:00"), expected: nil, nextChange: nil),
    .init(name: "overlapping meetings merge", blocks: [block("a", "13:00", "14:00"), block("b", "13:30", "15:00")], now: monday("13:15"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("15:00")), nextChange: monday("15:00")),
    .init(name: "back-to-back meetings merge", blocks: [block("a", "13:00", "14:00"), block("b", "14:00", "15:00"), block("c", "15:00", "15:30")],
          now: monday("14:30"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("15:30")), nextChange: monday("15:30")),
    .init(name: "a gap ends the run", blocks: [block("a", "13:00", "14:00"), block("b", "14:05", "15:00")], now: monday("13:30"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "in the gap the next start is the change", blocks: [block("a", "13:00", "14:00"), block("b", "14:05", "15:00")],
          now: monday("14:02"), expected: nil, nextChange: monday("14:05")),
    .init(name: "out of office beats a meeting inside it",
          blocks: [block("v", "09:00", "17:00", .outOfOffice), block("a", "13:00", "14:00")], now: monday("13:30"),
          expected: .init(activity: "on_vacation", since: monday("09:00"), until: monday("17:00")), nextChange: monday("17:00")),
    .init(name: "meeting until out of office starts", blocks: [block("a", "13:00", "15:00"), block("v", "14:00", "16:00", .outOfOffice)],
          now: monday("13:30"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "then out of office", blocks: [block("a", "13:00", "15:00"), block("v", "14:00", "16:00", .outOfOffice)],
          now: monday("14:30"),
          expected: .init(activity: "on_vacation", since: monday("14:00"), until: monday("16:00")), nextChange: monday("16:00")),
    .init(name: "meeting resumes after out of office ends inside it",
          blocks: [block("a", "13:00", "17:00"), block("v", "14:00", "15:00", .outOfOffice)], now: monday("15:30"),
          expected: .init(activity: "in_meeting", since: monday("15:00"), until: monday("17:00")), nextChange: monday("17:00")),
    .init(name: "a free entry inside a meeting does not break the run",
          blocks: [block("a", "13:00", "15:00"), block("f", "13:30", "14:00", .free)], now: monday("13:45"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("15:00")), nextChange: monday("15:00")),
    .init(name: "a meeting across midnight",
          blocks: [block("n", "2026-12-07T22:00", "2026-12-08T02:00")], now: utc("2026-12-08T01:00"),
          expected: .init(activity: "in_meeting", since: utc("2026-12-07T22:00"), until: utc("2026-12-08T02:00")),
          nextChange: utc("2026-12-08T02:00")),
    // Europe/Stockholm leaves summer time on 2026-10-25: that all-day entry lasts 25 hours in UTC.
    .init(name: "all-day out of office over the DST change",
          blocks: [block("d", "2026-10-24T22:00", "2026-10-25T23:00", .outOfOffice, allDay: true)], now: utc("2026-10-25T22:30"),
          expected: .init(activity: "on_vacation", since: utc("2026-10-24T22:00"), until: utc("2026-10-25T23:00")),
          nextChange: utc("2026-10-25T23:00")),
    .init(name: "cancelled copy beside a live meeting", blocks: [block("c", "13:00", "16:00", cancelled: true), block("a", "13:00", "14:00")],
          now: monday("13:30"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
]

private let noteCases: [CalendarRuleCase] = [
    .init(name: "subjects stay hidden by default", blocks: [block("a", "13:00", "14:00", subject: "Budget")], now: monday("13:30"),
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "published subject", blocks: [block("a", "13:00", "14:00", subject: "  Budget  ")], now: monday("13:30"), policy: publish,
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00"), note: "Budget"), nextChange: monday("14:00")),
    .init(name: "private entry: status only", blocks: [block("p", "13:00", "14:00", sensitivity: .private, subject: "Doctor")],
          now: monday("13:30"), policy: publish,
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "confidential entry: status only", blocks: [block("p", "13:00", "14:00", sensitivity: .confidential, subject: "Merger")],
          now: monday("13:30"), policy: publish,
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "personal entry: status only", blocks: [block("p", "13:00", "14:00", sensitivity: .personal, subject: "Dentist")],
          now: monday("13:30"), policy: publish,
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "the note changes inside a run", blocks: [block("a", "13:00", "14:00", subject: "One"), block("b", "14:00", "15:00", subject: "Two")],
          now: monday("13:30"), policy: publish,
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("15:00"), note: "One"), nextChange: monday("14:00")),
    .init(name: "overlap: the earlier entry names the run", blocks: [block("a", "13:00", "14:00", subject: "One"), block("b", "13:30", "15:00", subject: "Two")],
          now: monday("13:45"), policy: publish,
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("15:00"), note: "One"), nextChange: monday("14:00")),
]

private let keywordCases: [CalendarRuleCase] = [
    .init(name: "untagged entries do nothing in keyword mode", blocks: [block("a", "13:00", "14:00", subject: "Budget")], now: monday("13:30"),
          policy: tags, expected: nil, nextChange: nil),
    .init(name: "category opts in", blocks: [block("a", "13:00", "14:00", categories: ["presence"], subject: "Budget")], now: monday("13:30"),
          policy: tags, expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00"), note: "Budget"),
          nextChange: monday("14:00")),
    .init(name: "subject prefix opts in and is stripped", blocks: [block("a", "13:00", "14:00", subject: "  M: Budget")], now: monday("13:30"),
          policy: tags, expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00"), note: "Budget"),
          nextChange: monday("14:00")),
    .init(name: "prefix without a space", blocks: [block("a", "13:00", "14:00", subject: "m:Budget")], now: monday("13:30"),
          policy: tags, expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00"), note: "Budget"),
          nextChange: monday("14:00")),
    .init(name: "whole-word keyword", blocks: [block("a", "13:00", "14:00", subject: "PRESENCE review")], now: monday("13:30"),
          policy: tags, expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00"), note: "review"),
          nextChange: monday("14:00")),
    .init(name: "keyword inside a word does not match", blocks: [block("a", "13:00", "14:00", subject: "Presenceless review")],
          now: monday("13:30"), policy: tags, expected: nil, nextChange: nil),
    .init(name: "keyword later in the subject does not match", blocks: [block("a", "13:00", "14:00", subject: "Review m: budget")],
          now: monday("13:30"), policy: tags, expected: nil, nextChange: nil),
    .init(name: "keyword with its own activity", blocks: [block("h", "2026-12-07T00:00", "2026-12-09T00:00", subject: "h: Skiing")],
          now: monday("10:00"), policy: tags,
          expected: .init(activity: "on_vacation", since: monday("00:00"), until: utc("2026-12-09T00:00"), note: "Skiing"),
          nextChange: utc("2026-12-09T00:00")),
    .init(name: "a tagged free entry still counts", blocks: [block("f", "13:00", "14:00", .free, subject: "m: Focus")], now: monday("13:30"),
          policy: tags, expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00"), note: "Focus"),
          nextChange: monday("14:00")),
    .init(name: "a tagged out-of-office maps by show-as", blocks: [block("o", "13:00", "14:00", .outOfOffice, categories: ["Presence"])],
          now: monday("13:30"), policy: tags,
          expected: .init(activity: "on_vacation", since: monday("13:00"), until: monday("14:00"), note: "Subject o"),
          nextChange: monday("14:00")),
    .init(name: "a tagged cancelled entry does nothing", blocks: [block("c", "13:00", "14:00", cancelled: true, subject: "m: Budget")],
          now: monday("13:30"), policy: tags, expected: nil, nextChange: nil),
    .init(name: "a tagged private entry hides its subject", blocks: [block("p", "13:00", "14:00", sensitivity: .private, subject: "m: Doctor")],
          now: monday("13:30"), policy: tags,
          expected: .init(activity: "in_meeting", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
]

private let mappingCases: [CalendarRuleCase] = [
    .init(name: "tentative mapped by the tenant", blocks: [block("t", "13:00", "14:00", .tentative)], now: monday("13:30"),
          policy: CalendarPresencePolicy(activities: [.tentative: "busy", .busy: "busy", .outOfOffice: "off_duty"]),
          expected: .init(activity: "busy", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
    .init(name: "busy mapped away", blocks: [block("b", "13:00", "14:00")], now: monday("13:30"),
          policy: CalendarPresencePolicy(activities: [.outOfOffice: "on_vacation"]), expected: nil, nextChange: nil),
    .init(name: "different activities do not merge",
          blocks: [block("t", "13:00", "14:00", .tentative), block("b", "14:00", "15:00")], now: monday("13:30"),
          policy: CalendarPresencePolicy(activities: [.tentative: "busy", .busy: "in_meeting"]),
          expected: .init(activity: "busy", since: monday("13:00"), until: monday("14:00")), nextChange: monday("14:00")),
]

@Suite("Calendar presence rules (INT-CAL)")
struct CalendarPresenceRulesTests {
    @Test(arguments: showAsCases + noteCases + keywordCases + mappingCases)
    func decides(_ row: CalendarRuleCase) {
        let decision = CalendarPresenceRules.decide(row.blocks, at: row.now, policy: row.policy)
        #expect(decision.presence == row.expected)
        #expect(decision.nextChange == row.nextChange)
    }

    @Test func blockOrderDoesNotMatter() {
        let blocks = [block("a", "13:00", "14:00", subject: "A"), block("b", "13:00", "14:00", subject: "B"),
                      block("v", "13:30", "13:45", .outOfOffice), block("c", "14:00", "15:00", subject: "C")]
        for now in ["12:00", "13:00", "13:35", "13:50", "14:30", "16:00"] {
            let forward = CalendarPresenceRules.decide(blocks, at: monday(now), policy: publish)
            let backward = CalendarPresenceRules.decide(blocks.reversed(), at: monday(now), policy: publish)
            #expect(forward == backward, "at \(now)")
        }
    }

    @Test func followingNextChangeWalksTheDay() {
        let blocks = [block("a", "09:00", "10:00"), block("b", "10:00", "11:00"), block("v", "12:00", "13:00", .outOfOffice),
                      block("c", "12:30", "14:00"), block("x", "15:00", "16:00", cancelled: true)]
        var now = monday("08:00")
        var seen: [String] = []
        while let next = CalendarPresenceRules.decide(blocks, at: now, policy: CalendarPresencePolicy()).nextChange {
            now = next
            let presence = CalendarPresenceRules.decide(blocks, at: now, policy: CalendarPresencePolicy()).presence
            let formatter = ISO8601DateFormatter()
            seen.append("\(formatter.string(from: now).dropFirst(11).prefix(5)) \(presence.map { "\($0.activity)→\(formatter.string(from: $0.until).dropFirst(11).prefix(5))" } ?? "-")")
        }
        #expect(seen == ["09:00 in_meeting→11:00", "11:00 -", "12:00 on_vacation→13:00", "13:00 in_meeting→14:00", "14:00 -"])
    }
}
