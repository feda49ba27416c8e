import CalendarCalDAVPlugin
import Foundation
import HubCore
import Testing

@Suite("CalDAV iCalendar expansion (fixtures)")
struct ICalExpansionTests {
    @Test("a zoned meeting: TZID, escaping, folding, categories, the owner's PARTSTAT")
    func zonedMeeting() throws {
        let (blocks, problems) = try CalDAVFixtures.blocks("busy-stockholm.ics", from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z")
        #expect(problems.isEmpty)
        let block = try #require(blocks.first)
        #expect(blocks.count == 1)
        #expect(block.id == "busy-1@example.com")
        #expect(block.start == CalDAVFixtures.utc("2026-12-01T12:00:00Z"))
        #expect(block.end == CalDAVFixtures.utc("2026-12-01T13:30:00Z"))
        #expect(block.showAs == .busy)
        #expect(block.response == .accepted)
        #expect(block.categories == ["Presence", "Project, X"])
        #expect(block.subject == "Budget, Q1 review; room 4\nbring figures")
        #expect(!block.isAllDay && !block.isCancelled && block.sensitivity == .normal)
    }

    @Test("a daily series across the end of DST with EXDATE, a moved and a cancelled occurrence")
    func recurringSeries() throws {
        let (blocks, problems) = try CalDAVFixtures.blocks("recurring-exception.ics", from: "2026-10-20T00:00:00Z", to: "2026-11-01T00:00:00Z")
        #expect(problems.isEmpty)
        let expected: [(String, String, String, Bool, String)] = [
            ("20261021T060000Z", "2026-10-21T06:00:00Z", "2026-10-21T06:15:00Z", false, "Stand-up"),
            ("20261022T060000Z", "2026-10-22T08:00:00Z", "2026-10-22T08:30:00Z", false, "Stand-up (moved)"),
            ("20261024T060000Z", "2026-10-24T06:00:00Z", "2026-10-24T06:15:00Z", false, "Stand-up"),
            ("20261025T070000Z", "2026-10-25T07:00:00Z", "2026-10-25T07:15:00Z", false, "Stand-up"),
            ("20261026T070000Z", "2026-10-26T07:00:00Z", "2026-10-26T07:15:00Z", true, "Stand-up"),
            ("20261027T070000Z", "2026-10-27T07:00:00Z", "2026-10-27T07:15:00Z", false, "Stand-up"),
            ("20261028T070000Z", "2026-10-28T07:00:00Z", "2026-10-28T07:15:00Z", false, "Stand-up"),
        ]
        #expect(blocks.count == expected.count)
        for (block, want) in zip(blocks, expected) {
            #expect(block.id == "standup@example.com/\(want.0)")
            #expect(block.start == CalDAVFixtures.utc(want.1), "\(block.id)")
            #expect(block.end == CalDAVFixtures.utc(want.2), "\(block.id)")
            #expect(block.isCancelled == want.3, "\(block.id)")
            #expect(block.subject == want.4, "\(block.id)")
        }
    }

    @Test("the window cuts the series: only overlapping occurrences, the moved one by its new time")
    func windowCut() throws {
        let (blocks, _) = try CalDAVFixtures.blocks("recurring-exception.ics", from: "2026-10-22T07:00:00Z", to: "2026-10-24T06:10:00Z")
        #expect(blocks.map(\.id) == ["standup@example.com/20261022T060000Z", "standup@example.com/20261024T060000Z"])
    }

    @Test("all-day entries are whole days in the owner's zone; OOF from X-MICROSOFT-CDO-BUSYSTATUS; default length one day")
    func allDay() throws {
        let (blocks, problems) = try CalDAVFixtures.blocks("allday-holiday.ics", from: "2026-12-01T00:00:00Z", to: "2027-01-01T00:00:00Z")
        #expect(problems.isEmpty)
        #expect(blocks.count == 2)
        let birthday = try #require(blocks.first { $0.id == "birthday@example.com" })
        #expect(birthday.isAllDay && birthday.showAs == .free)
        #expect(birthday.start == CalDAVFixtures.utc("2026-12-01T22:00:00Z") && birthday.end == CalDAVFixtures.utc("2026-12-02T22:00:00Z"))
        let holiday = try #require(blocks.first { $0.id == "holiday-1@example.com" })
        #expect(holiday.isAllDay && holiday.showAs == .outOfOffice)
        #expect(holiday.start == CalDAVFixtures.utc("2026-12-23T22:00:00Z") && holiday.end == CalDAVFixtures.utc("2026-12-26T22:00:00Z"))
        let stockholm = try CalDAVFixtures.blocks("allday-holiday.ics", from: "2026-12-01T00:00:00Z", to: "2027-01-01T00:00:00Z", zone: "Europe/Stockholm")
        #expect(stockholm.blocks.first { $0.id == "holiday-1@example.com" }?.start == CalDAVFixtures.utc("2026-12-23T23:00:00Z"))
    }

    @Test("show-as, sensitivity, cancellation and the owner's response per entry", arguments: [
        ("private@example.com", CalendarBlock.ShowAs.busy, CalendarBlock.Sensitivity.private, false, CalendarBlock.Response.none, "2026-12-01T09:00:00Z"),
        ("confidential@example.com", .busy, .confidential, false, .none, "2026-12-01T09:45:00Z"),
        ("tentative-status@example.com", .tentative, .normal, false, .none, "2026-12-01T11:00:00Z"),
        ("tentative-reply@example.com", .tentative, .normal, false, .tentative, "2026-12-01T11:30:00Z"),
        ("cancelled@example.com", .busy, .normal, true, .none, "2026-12-01T13:00:00Z"),
        ("declined@example.com", .busy, .normal, false, .declined, "2026-12-01T14:00:00Z"),
        ("organizer@example.com", .busy, .normal, false, .organizer, "2026-12-01T13:00:00Z"),
        ("free@example.com", .free, .normal, false, .none, "2026-12-01T16:00:00Z"),
    ])
    func variants(uid: String, showAs: CalendarBlock.ShowAs, sensitivity: CalendarBlock.Sensitivity, cancelled: Bool, response: CalendarBlock.Response, end: String) throws {
        let (blocks, problems) = try CalDAVFixtures.blocks("variants.ics", from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z")
        #expect(problems.isEmpty)
        #expect(blocks.count == 8)
        let block = try #require(blocks.first { $0.id == uid })
        #expect(block.showAs == showAs)
        #expect(block.sensitivity == sensitivity)
        #expect(block.isCancelled == cancelled)
        #expect(block.response == response)
        #expect(block.end == CalDAVFixtures.utc(end))
    }

    @Test("an Exchange export: CRLF, folded subject, Windows zone name, custom VTIMEZONE as fixed offset")
    func exchangeExport() throws {
        let (blocks, problems) = try CalDAVFixtures.blocks("exchange-export.ics", from: "2026-03-30T00:00:00Z", to: "2026-04-01T00:00:00Z")
        #expect(problems.isEmpty)
        let trip = try #require(blocks.first { $0.id == "040000008200E00074C5B7101A82E00800000000" })
        #expect(trip.start == CalDAVFixtures.utc("2026-03-30T06:00:00Z") && trip.end == CalDAVFixtures.utc("2026-03-31T16:00:00Z"))
        #expect(trip.showAs == .outOfOffice && trip.categories == ["Travel"])
        #expect(trip.subject == "Conference trip to Berlin with a long subject that Exchange folds over two lines")
        let custom = try #require(blocks.first { $0.id == "custom-zone@example.com" })
        #expect(custom.start == CalDAVFixtures.utc("2026-03-30T07:00:00Z") && custom.showAs == .workingElsewhere)
    }

    @Test("monthly by last Friday keeps local time across US DST; biweekly BYDAY with UNTIL across EU DST")
    func rules() throws {
        let (blocks, problems) = try CalDAVFixtures.blocks("rules.ics", from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z")
        #expect(problems.isEmpty)
        let monthly = blocks.filter { $0.id.hasPrefix("monthly-last-friday") }.map(\.start)
        #expect(monthly == ["2026-01-30T21:00:00Z", "2026-02-27T21:00:00Z", "2026-03-27T20:00:00Z", "2026-04-24T20:00:00Z"].map(CalDAVFixtures.utc))
        let biweekly = blocks.filter { $0.id.hasPrefix("biweekly") }.map(\.start)
        #expect(biweekly == ["2026-03-02T07:00:00Z", "2026-03-04T07:00:00Z", "2026-03-16T07:00:00Z", "2026-03-18T07:00:00Z", "2026-03-30T06:00:00Z"].map(CalDAVFixtures.utc))
    }

    @Test("an unknown TZID is read in the owner's zone and reported; an unsupported RRULE counts once and is reported")
    func problems() throws {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:a
            DTSTART;TZID=Mars/Olympus:20261201T100000
            DTEND;TZID=Mars/Olympus:20261201T110000
            END:VEVENT
            BEGIN:VEVENT
            UID:b
            DTSTART:20261201T100000Z
            DTEND:20261201T110000Z
            RRULE:FREQ=YEARLY;BYWEEKNO=20
            END:VEVENT
            BEGIN:VEVENT
            UID:c
            DTSTART:2026-12-01
            END:VEVENT
            END:VCALENDAR
            """
        let expansion = try ICalExpansion(
            text: text, from: CalDAVFixtures.utc("2026-01-01T00:00:00Z"), to: CalDAVFixtures.utc("2030-01-01T00:00:00Z"),
            floatingZone: CalDAVFixtures.zone("Europe/Helsinki"))
        #expect(expansion.occurrences.map(\.id) == ["a", "b"])
        #expect(expansion.occurrences.first?.start == CalDAVFixtures.utc("2026-12-01T08:00:00Z"))
        #expect(expansion.problems.count == 3, "\(expansion.problems)")
        #expect(expansion.problems.contains { $0.contains("Mars/Olympus") })
        #expect(expansion.problems.contains { $0.contains("BYWEEKNO") })
        #expect(expansion.problems.contains { $0.contains("VEVENT c skipped") && $0.contains("DTSTART") })
    }

    @Test("text that is not iCalendar throws a precise error", arguments: [
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", "closes BEGIN:VEVENT"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\n", "never closed"),
        ("UID:x\n", "outside any component"),
        ("BEGIN:VCALENDAR\nSUMMARY;LANGUAGE=\"en:x\nEND:VCALENDAR\n", "unterminated quote"),
        ("BEGIN:VCALENDAR\nDTSTART\nEND:VCALENDAR\n", "no ':'"),
        ("BEGIN:VEVENT\nEND:VEVENT\n", "missing VCALENDAR"),
    ])
    func malformed(text: String, message: String) {
        do {
            _ = try ICalExpansion(text: text, from: .distantPast, to: .distantFuture, floatingZone: CalDAVFixtures.zone("UTC"))
            Issue.record("no error for \(text)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
