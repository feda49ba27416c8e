import CalendarCalDAVPlugin
import Foundation
import HubCore
import HubPluginSupport
import Logging

/// The `caldav` suite: iCalendar parse+expand throughput (pure), and users synced per minute by the
/// CalDAV adapter (`CalDAVSource.fetch` over `CurlHTTPClient`) against a real Radicale 3.1.8 —
/// full reads (sync-collection + calendar-query + expansion) and incremental reads with no change
/// (one sync-collection), 1 and 4 users in flight.
struct CalDAVBench {
    let quick: Bool

    static let eventsPerUser = 12

    /// Entry `index` of a generated calendar: every fourth a weekly series with an exception, the rest single
    /// meetings spread over the coming week (times relative to today, so they fall in the engine's window).
    static func event(index: Int, day: Date = Date()) -> String {
        let zone = TimeZone(identifier: "Europe/Helsinki") ?? TimeZone.current
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.startOfDay(for: day).addingTimeInterval(Double(index % 7) * 86_400 + Double(8 + index % 9) * 3600)
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = zone
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        let dtstart = formatter.string(from: start)
        let dtend = formatter.string(from: start.addingTimeInterval(1800))
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hub bench//EN", "BEGIN:VEVENT", "UID:e\(index)@bench", "DTSTAMP:20260101T000000Z",
            "DTSTART;TZID=Europe/Helsinki:\(dtstart)", "DTEND;TZID=Europe/Helsinki:\(dtend)", "SUMMARY:Meeting \(index)",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:u@bench", "CATEGORIES:Presence",
        ]
        if index % 4 == 0 {
            lines += ["RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=30", "EXDATE;TZID=Europe/Helsinki:\(dtstart)", "END:VEVENT"]
            let moved = formatter.string(from: start.addingTimeInterval(7 * 86_400))
            lines += [
                "BEGIN:VEVENT", "UID:e\(index)@bench", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID;TZID=Europe/Helsinki:\(moved)",
                "DTSTART;TZID=Europe/Helsinki:\(formatter.string(from: start.addingTimeInterval(7 * 86_400 + 3600)))",
                "DTEND;TZID=Europe/Helsinki:\(formatter.string(from: start.addingTimeInterval(7 * 86_400 + 5400)))", "SUMMARY:Moved",
            ]
        }
        return (lines + ["END:VEVENT", "END:VCALENDAR", ""]).joined(separator: "\r\n")
    }

    func run() async throws -> [Table] {
        [parseTable(), try await radicaleTable()]
    }

    /// Objects per second through the pure reader: lexing only (baseline) vs lexing + expansion + mapping.
    func parseTable() -> Table {
        let objects = (0..<400).map { Self.event(index: $0) }
        let rounds = quick ? 5 : 50
        let now = Date()
        let window = CalendarSyncOptions().window(at: now)
        let zone = TimeZone(identifier: "Europe/Helsinki") ?? TimeZone.current
        let mapper = CalendarBlockMapper(ownerAddresses: ["u@bench"])
        var table = Table(
            "CalDAV: iCalendar objects read per second (400 objects, 1 in 4 a weekly series with an override)",
            columns: ["stage", "objects", "objects/s", "occurrences/s", "p50 / object", "p99 / object"])
        for stage in ["lex + components (baseline)", "parse + expand + map to blocks"] {
            var samples: [UInt64] = []
            var occurrences = 0
            let started = Monotonic.now()
            for _ in 0..<rounds {
                for text in objects {
                    let start = Monotonic.now()
                    if stage.hasPrefix("lex") {
                        _ = try? ICalComponent.parse(text)
                    } else if let expansion = try? ICalExpansion(text: text, from: window.start, to: window.end, floatingZone: zone) {
                        occurrences += expansion.occurrences.map(mapper.block).count
                    }
                    samples.append(Monotonic.since(start))
                }
            }
            let seconds = Double(Monotonic.since(started)) / 1e9
            let summary = LatencySummary(samples)
            table.add([
                stage, Format.count(samples.count), Format.rate(Double(samples.count) / seconds),
                occurrences == 0 ? "–" : Format.rate(Double(occurrences) / seconds),
                Format.duration(summary?.p50 ?? 0), Format.duration(summary?.p99 ?? 0),
            ])
        }
        return table
    }

    /// Users per minute against Radicale.
    func radicaleTable() async throws -> Table {
        let users = quick ? 40 : 200
        let rig = try await CalDAVBenchRig()
        defer { rig.stop() }
        let http = try CurlHTTPClient(configuration: .init(maxConnectionsPerHost: 8))
        defer { http.shutdown() }
        try await rig.populate(users: users, events: Self.eventsPerUser, http: http)
        let context = PluginContext(
            instanceID: "bench", tenant: "bench", logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }, clock: .system,
            sink: CalDAVBenchSink(), directory: CalDAVBenchDirectory(), state: CalDAVBenchState(), subscribe: { AsyncStream { $0.finish() } })
        let account = CalDAVBenchRig.account
        let settings = CalendarCalDAVPlugin.Settings(calendarURL: rig.template, username: account.user, password: account.password)
        let source = CalDAVSource(settings: settings, password: account.password, transport: http, context: context)
        let window = CalendarSyncOptions().window(at: Date())
        var tokens: [Int: String] = [:]
        let cpu = CPUUsage(hubPID: rig.pid)
        var table = Table(
            "CalDAV: users synced per minute against Radicale 3.1.8 (\(Self.eventsPerUser) entries per user, 3 of them weekly series)",
            columns: ["read", "in flight", "users", "users/min", "p50", "p99", "bench CPU s/1,000", "Radicale CPU s/1,000", "peak RSS +MiB/1,000"])
        for (kind, parallel) in [("full", 1), ("full", 4), ("incremental, no change", 1), ("incremental, no change", 4)] {
            let known = tokens
            let before = CPUUsage.snapshot(hubPID: rig.pid)
            let rss = Self.peakRSSKiB()
            let results = try await Self.measure(count: users, parallel: parallel) { index in
                let request = CalendarFetchRequest(
                    mailbox: CalendarMailbox(user: UserID("u\(index)"), address: "u\(index)"), window: window,
                    syncToken: kind == "full" ? nil : known[index])
                switch try await source.fetch(request) {
                case let .full(blocks, token):
                    guard !blocks.isEmpty else { throw BenchError("no blocks for u\(index)") }
                    return token
                case let .changes(upserted, removed, token):
                    guard upserted.isEmpty, removed.isEmpty else { throw BenchError("unexpected changes for u\(index)") }
                    return token
                }
            }
            let after = CPUUsage.snapshot(hubPID: rig.pid)
            for (index, token) in results.tokens { tokens[index] = token }
            let perThousand = 1_000 / Double(users)
            let radicale = after.hub.flatMap { end in before.hub.map { (end - $0) * perThousand } }
            table.add([
                kind + (parallel == 1 ? " (baseline)" : ""), "\(parallel)", Format.count(users),
                Format.count(Int(results.rate * 60)), Format.duration(results.p50), Format.duration(results.p99),
                String(format: "%.2f", (after.bench - before.bench) * perThousand), radicale.map { String(format: "%.2f", $0) } ?? "?",
                String(format: "%.1f", Double(Self.peakRSSKiB() - rss) / 1024 * perThousand),
            ])
        }
        table.note("Full read = sync-collection (fresh token) + calendar-query over the engine's 10-day window + expansion.")
        table.note("Incremental = one sync-collection from the stored token; Radicale and the bench share the 2 cores.")
        let shares = cpu.finish()
        table.note(String(format: "CPU during the reads: HubBench %.0f%%, Radicale %.0f%%, other processes %.0f%% (of %d%%)",
            shares.bench, shares.hub ?? 0, shares.others, ProcessInfo.processInfo.activeProcessorCount * 100))
        table.note("CPU s per 1,000 users from /proc/PID/stat (10 ms ticks); peak RSS growth is this process's (adapter + curl), first reads include warm-up.")
        return table
    }

    /// Peak resident memory of this process, KiB.
    private static func peakRSSKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    private static func measure(
        count: Int, parallel: Int, _ read: @escaping @Sendable (Int) async throws -> String?
    ) async throws -> (rate: Double, p50: UInt64, p99: UInt64, tokens: [Int: String]) {
        let started = Monotonic.now()
        let (samples, tokens) = try await withThrowingTaskGroup(of: ([UInt64], [Int: String]).self) { group in
            for worker in 0..<parallel {
                group.addTask {
                    var samples: [UInt64] = []
                    var tokens: [Int: String] = [:]
                    var index = worker
                    while index < count {
                        let start = Monotonic.now()
                        tokens[index] = try await read(index)
                        samples.append(Monotonic.since(start))
                        index += parallel
                    }
                    return (samples, tokens)
                }
            }
            return try await group.reduce(into: ([UInt64](), [Int: String]())) { result, part in
                result.0 += part.0
                result.1.merge(part.1) { a, _ in a }
            }
        }
        let summary = LatencySummary(samples)
        return (Double(samples.count) / (Double(Monotonic.since(started)) / 1e9), summary?.p50 ?? 0, summary?.p99 ?? 0, tokens)
    }
}

private struct CalDAVBenchSink: PluginEventSink {
    func submit(_ output: PluginOutput) async throws -> PluginOutputResult { .applied }
}

private struct CalDAVBenchDirectory: DirectoryLookup {
    func user(_ id: UserID) async -> User? { nil }
    func user(badge: String) async -> User? { nil }
    func user(calendar address: String) async -> User? { nil }
    func usersWithCalendars() async -> [User] { [] }
}

private struct CalDAVBenchState: PluginStateStore {
    func value(for key: String) async throws -> String? { nil }
    func set(_ value: String?, for key: String) async throws {}
}
