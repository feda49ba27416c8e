import CalendarCalDAVPlugin
import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

/// The adapter against a real Radicale: rule-relevant entries, per-user failures, changes while in progress.
@Suite("CalDAV against Radicale", .serialized)
struct CalDAVRadicaleTests {
    static let epoch = CalDAVFixtures.utc("2026-12-01T08:15:00Z")
    static let anna = User(id: "anna", firstName: "Anna", lastName: "Virtanen", profile: .desktop, email: "anna@example.com", calendar: "anna")
    static let ben = User(id: "ben", firstName: "Ben", lastName: "Berg", profile: .desktop, calendar: "ben")
    static let passwords = ["anna": "anna-pw", "ben": "ben-pw"]

    static func settings(_ server: RadicaleServer) throws -> CalendarCalDAVPlugin.Settings {
        try DictionarySettingsSource([
            "calendar_url": server.calendarTemplate, "username": RadicaleServer.serviceAccount.user, "password": "unused",
            "time_zone": "Europe/Helsinki", "max_concurrent": 2, "request_timeout": "10s",
        ]).decode(CalendarCalDAVPlugin.Settings.self)
    }

    /// Engine options without jitter or start spread, so reads happen when the test moves the clock.
    static let options = CalendarSyncOptions(
        pollInterval: .seconds(60), minimumInterval: .seconds(1), fullResyncInterval: .seconds(86_400), maxConcurrentPerServer: 2,
        jitter: 0, startSpread: .zero, lookaheadDays: 8)

    /// Anna's calendar: one entry per rule the presence engine applies.
    static let annaEntries: [(String, String)] = [
        ("review", calDAVEvent("review", "20261201T080000Z", "20261201T090000Z", ["SUMMARY:Design review"])),
        ("series", [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hub tests//EN",
            "BEGIN:VEVENT", "UID:series", "DTSTAMP:20261101T000000Z",
            "DTSTART;TZID=Europe/Helsinki:20261130T100000", "DTEND;TZID=Europe/Helsinki:20261130T101500",
            "RRULE:FREQ=DAILY;COUNT=5", "EXDATE;TZID=Europe/Helsinki:20261203T100000", "SUMMARY:Stand-up", "END:VEVENT",
            "BEGIN:VEVENT", "UID:series", "DTSTAMP:20261101T000000Z", "RECURRENCE-ID;TZID=Europe/Helsinki:20261202T100000",
            "DTSTART;TZID=Europe/Helsinki:20261202T130000", "DTEND;TZID=Europe/Helsinki:20261202T131500", "SUMMARY:Stand-up (moved)", "END:VEVENT",
            "END:VCALENDAR", "",
        ].joined(separator: "\r\n")),
        ("overlap-a", calDAVEvent("overlap-a", "20261202T130000Z", "20261202T140000Z", ["SUMMARY:Customer call"])),
        ("overlap-b", calDAVEvent("overlap-b", "20261202T133000Z", "20261202T150000Z", ["SUMMARY:Board prep"])),
        ("private", calDAVEvent("private", "20261203T090000Z", "20261203T100000Z", ["CLASS:PRIVATE", "SUMMARY:Doctor"])),
        ("tentative", calDAVEvent("tentative", "20261203T110000Z", "20261203T120000Z", ["STATUS:TENTATIVE", "SUMMARY:Maybe"])),
        ("cancelled", calDAVEvent("cancelled", "20261203T120000Z", "20261203T130000Z", ["STATUS:CANCELLED", "SUMMARY:Cancelled: lunch"])),
        ("holiday", calDAVEvent("holiday", "20261207", "20261208", ["SUMMARY:Independence Day"]).replacingOccurrences(of: "DTSTART:", with: "DTSTART;VALUE=DATE:").replacingOccurrences(of: "DTEND:", with: "DTEND;VALUE=DATE:")),
        ("far", calDAVEvent("far", "20261220T080000Z", "20261220T090000Z", ["SUMMARY:Outside the window"])),
    ]

    /// A running instance over Radicale with the manual clock.
    struct Running {
        let server: RadicaleServer
        let http: CurlHTTPClient
        let writer: RadicaleWriter
        let plugin: CalendarCalDAVPlugin
        let time: TestHubClock
        let state: InMemoryStateStore
        let sink: RecordingSink
        let task: Task<Void, any Error>

        func stop() {
            task.cancel()
            http.shutdown()
            server.stop()
        }

        /// Calendar presence updates for `user`, in order.
        func presence(_ user: UserID) -> [PresenceUpdate] {
            sink.outputs.compactMap { if case let .presence(id, update) = $0, id == user { update } else { nil } }
        }

        /// The engine's stored blocks of `user`, by id.
        func blocks(_ user: String) async throws -> [String: CalendarBlock] {
            let snapshot = try await CalendarSyncStore(state: state).load(CalendarMailboxSnapshot.self, "calsync.mailbox.\(user)")
            return Dictionary((snapshot?.blocks ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        /// Moves the manual clock in 10 s steps (up to 50 minutes) until `condition` holds.
        func advance(until what: String, _ condition: () async throws -> Bool) async throws {
            for _ in 0..<300 {
                if try await condition() { return }
                await time.advance(by: .seconds(10))
                try await Task.sleep(for: .milliseconds(40))
            }
            throw RadicaleError("timed out waiting for \(what)")
        }

        /// Moves the manual clock to `instant` in one step.
        func jump(to instant: Date) async {
            await time.advance(by: .milliseconds(Int64(instant.timeIntervalSince(time.now) * 1000)))
        }
    }

    static func start(state: InMemoryStateStore = InMemoryStateStore(), password: String = RadicaleServer.serviceAccount.password) async throws -> Running {
        let server = try await RadicaleServer(users: passwords)
        let http = try CurlHTTPClient()
        let writer = RadicaleWriter(transport: http, server: server)
        do {
            try await writer.makeCalendar(owner: "anna", password: "anna-pw")
            for (name, ics) in annaEntries { try await writer.put(owner: "anna", password: "anna-pw", name: name, ics) }
        } catch {
            http.shutdown()
            server.stop()
            throw error
        }
        let time = TestHubClock(epoch: epoch)
        let sink = RecordingSink()
        let context = PluginContext.testing(clock: time.hubClock, sink: sink, directory: InMemoryDirectory(users: [anna, ben]), state: state)
        let plugin = try CalendarCalDAVPlugin(settings: settings(server), context: context)
        let task = Task { try await plugin.run(context: context, transport: http, password: password, options: options) }
        return Running(server: server, http: http, writer: writer, plugin: plugin, time: time, state: state, sink: sink, task: task)
    }

    static func at(_ text: String) -> Date { CalDAVFixtures.utc(text) }

    @Test("every kind of entry becomes the right block and presence; a missing calendar fails only its user", .timeLimit(.minutes(1)))
    func entries() async throws {
        let running = try await Self.start()
        defer { running.stop() }
        try await running.advance(until: "anna's first presence") { !running.presence("anna").isEmpty }
        // In the design review (08:00-09:00) at 08:15: in a meeting until 09:00, since 08:00.
        let first = try #require(running.presence("anna").first)
        #expect(first.activity == "in_meeting" && first.until == .set(Self.at("2026-12-01T09:00:00Z")) && first.source == .calendar)
        #expect(first.occurredAt == Self.at("2026-12-01T08:00:00Z") && first.endsAt == Self.at("2026-12-01T09:00:00Z"))
        let blocks = try await running.blocks("anna")
        #expect(Set(blocks.keys) == [
            "review", "series/20261130T080000Z", "series/20261201T080000Z", "series/20261202T080000Z", "series/20261204T080000Z",
            "overlap-a", "overlap-b", "private", "tentative", "cancelled", "holiday",
        ], "\(running.server.log)")
        #expect(blocks["series/20261202T080000Z"]?.start == Self.at("2026-12-02T11:00:00Z"))
        #expect(blocks["private"]?.sensitivity == .private && blocks["private"]?.subject == nil)
        #expect(blocks["tentative"]?.showAs == .tentative)
        #expect(blocks["cancelled"]?.isCancelled == true)
        #expect(blocks["holiday"]?.isAllDay == true && blocks["holiday"]?.start == Self.at("2026-12-06T22:00:00Z") && blocks["holiday"]?.end == Self.at("2026-12-07T22:00:00Z"))
        let statuses = try await CalendarSyncStore(state: running.state).statuses()
        let ben = try #require(statuses.first { $0.user == "ben" })
        #expect(ben.state == .failed && ben.reason?.contains("404") == true, "\(ben)")
        #expect(statuses.first { $0.user == "anna" }?.state == .ok)

        // Overlapping meetings 13:00-14:00 and 13:30-15:00: one run until 15:00.
        await running.jump(to: Self.at("2026-12-02T12:59:00Z"))
        try await running.advance(until: "the overlap run") { running.presence("anna").last?.occurredAt == Self.at("2026-12-02T13:00:00Z") }
        #expect(running.presence("anna").last?.until == .set(Self.at("2026-12-02T15:00:00Z")))
        // The private meeting sets the status without its subject as note.
        await running.jump(to: Self.at("2026-12-03T08:59:00Z"))
        try await running.advance(until: "the private meeting") { running.presence("anna").last?.occurredAt == Self.at("2026-12-03T09:00:00Z") }
        let privateUpdate = try #require(running.presence("anna").last)
        #expect(privateUpdate.activity == "in_meeting" && privateUpdate.noteIfEmpty == nil && privateUpdate.note == nil)
        // Tentative (11:00) and cancelled (12:00) entries set nothing.
        let count = running.presence("anna").count
        await running.jump(to: Self.at("2026-12-03T12:30:00Z"))
        try await Task.sleep(for: .milliseconds(300))
        #expect(running.presence("anna").count == count, "\(running.presence("anna"))")
        // The all-day entry is a whole day in the user's zone.
        await running.jump(to: Self.at("2026-12-06T21:59:00Z"))
        try await running.advance(until: "the all-day entry") { running.presence("anna").last?.occurredAt == Self.at("2026-12-06T22:00:00Z") }
        #expect(running.presence("anna").last?.until == .set(Self.at("2026-12-07T22:00:00Z")))
    }

    @Test("an entry moved while in progress and a deleted one are picked up by sync-collection, without a full read", .timeLimit(.minutes(1)))
    func movedWhileInProgress() async throws {
        let running = try await Self.start()
        defer { running.stop() }
        try await running.advance(until: "anna's first presence") { !running.presence("anna").isEmpty }
        try await running.advance(until: "ben's failed read") { running.plugin.statistics.usersFailed >= 1 }
        let requestsBefore = running.plugin.statistics.requests
        try await running.writer.put(owner: "anna", password: "anna-pw", name: "review", calDAVEvent("review", "20261201T080000Z", "20261201T100000Z", ["SUMMARY:Design review (extended)"]))
        try await running.writer.delete(owner: "anna", password: "anna-pw", name: "tentative")
        // The series loses its 4 December occurrence: that id must be removed, the others kept.
        let series = try #require(Self.annaEntries.first { $0.0 == "series" }?.1)
        try await running.writer.put(owner: "anna", password: "anna-pw", name: "series", series.replacingOccurrences(
            of: "EXDATE;TZID=Europe/Helsinki:20261203T100000", with: "EXDATE;TZID=Europe/Helsinki:20261203T100000,20261204T100000"))
        try await running.advance(until: "the moved end") { running.presence("anna").last?.until == .set(Self.at("2026-12-01T10:00:00Z")) }
        let moved = try #require(running.presence("anna").last)
        #expect(moved.activity == "in_meeting" && moved.endsAt == Self.at("2026-12-01T10:00:00Z") && moved.occurredAt == Self.at("2026-12-01T08:00:00Z"))
        let blocks = try await running.blocks("anna")
        #expect(blocks["review"]?.end == Self.at("2026-12-01T10:00:00Z"))
        #expect(blocks["tentative"] == nil && blocks["series/20261204T080000Z"] == nil && blocks["series/20261202T080000Z"] != nil)
        #expect(blocks.count == 9, "\(blocks.keys.sorted())")
        // Anna: one sync-collection and one multiget; no calendar-query, no resync.
        #expect(running.plugin.statistics.requests - requestsBefore == 2)
        #expect(running.plugin.statistics.tokenResyncs == 0)
    }

    @Test("a cancelled entry lifts the presence it set", .timeLimit(.minutes(1)))
    func cancelledWhileInProgress() async throws {
        let running = try await Self.start()
        defer { running.stop() }
        try await running.advance(until: "anna's first presence") { !running.presence("anna").isEmpty }
        try await running.writer.put(owner: "anna", password: "anna-pw", name: "review", calDAVEvent("review", "20261201T080000Z", "20261201T090000Z", ["STATUS:CANCELLED"]))
        try await running.advance(until: "the lift") { running.sink.outputs.contains(.liftPresence("anna", source: .calendar)) }
        #expect(running.presence("anna").count == 1, "lifted with .liftPresence, not with an update ending a second ahead")
    }

    @Test("a wrong service password marks every user's read as access denied", .timeLimit(.minutes(1)))
    func wrongPassword() async throws {
        let running = try await Self.start(password: "wrong")
        defer { running.stop() }
        try await running.advance(until: "two failed reads") { running.plugin.statistics.usersFailed >= 2 }
        let statuses = try await CalendarSyncStore(state: running.state).statuses()
        #expect(statuses.count == 2 && statuses.allSatisfy { $0.state == .failed && $0.reason?.contains("401") == true }, "\(statuses)")
        #expect(running.presence("anna").isEmpty)
    }
}
