import CalendarDominoPlugin
import CalendarEWSPlugin
import CalendarGraphPlugin
import Foundation
import HubCore
import HubPluginSupport
import Logging
import NIOCore

/// Users synced per minute by the EWS, Graph and Domino adapters (`CalendarSource.fetch`: HTTP over
/// `CurlHTTPClient`, parsing, mapping to blocks) against an in-process loopback server answering like each
/// service, with 8 mailbox reads in flight (the kinds' default `max_concurrent`) and, as the baseline, one
/// at a time. CPU seconds and peak-memory growth per 1,000 users are for the whole process (the loopback
/// server included).
struct CalendarFixtureBench {
    let group: any EventLoopGroup
    let quick: Bool

    static let eventsPerMailbox = 10

    func run() async throws -> Table {
        let server = try await CalendarFixtureHTTPServer.start(group: group, eventsPerMailbox: Self.eventsPerMailbox)
        defer { Task { await server.stop() } }
        let users = quick ? 200 : 2_000
        let http = try CurlHTTPClient(configuration: .init(maxConnectionsPerHost: 16))
        defer { http.shutdown() }
        let context = PluginContext(
            instanceID: "bench", tenant: "bench", logger: Logger(label: "bench") { _ in SwiftLogNoOpLogHandler() }, clock: .system,
            sink: NoSink(), directory: NoDirectory(), state: NoState(), subscribe: { AsyncStream { $0.finish() } })
        let sources: [(String, any CalendarSource)] = [
            ("EWS FindItem", EWSCalendarSource(
                settings: .init(url: "\(server.base)/EWS/Exchange.asmx", username: "EXAMPLE\\svc", password: "pw", auth: "basic"),
                transport: http, context: context)),
            ("Graph calendarView/delta", GraphCalendarSource(
                settings: .init(tenantID: "bench", clientID: "c", clientSecret: "s", tokenURL: server.base, graphURL: "\(server.base)/v1.0"),
                transport: http, context: context)),
            ("Domino DAS events", DominoCalendarSource(
                settings: .init(url: server.base, username: "svc", password: "pw"), transport: http, context: context)),
        ]
        var table = Table(
            "Calendar adapters: mailbox reads against a loopback fixture server (\(Self.eventsPerMailbox) entries each)",
            columns: ["adapter", "in flight", "users", "users/min", "p50", "p99", "CPU s/1,000 users", "peak RSS +MiB/1,000"])
        // The engine's window on Monday 2026-05-04, which holds the canned entries (4-5 May).
        let window = CalendarSyncOptions().window(at: Date(timeIntervalSince1970: 1_777_885_200))
        for (name, source) in sources {
            for parallel in [1, 8] {
                let count = parallel == 1 ? users / 4 : users
                let cpu = Self.cpuSeconds()
                let rss = Self.peakRSSKiB()
                let figures = try await Self.measure(count: count, parallel: parallel) { index in
                    let request = CalendarFetchRequest(
                        mailbox: CalendarMailbox(user: UserID("u\(index)"), address: name.hasPrefix("Domino") ? "mail/u\(index).nsf" : "u\(index)@example.com"),
                        window: window, syncToken: nil)
                    guard case let .full(blocks, _) = try await source.fetch(request), blocks.count == Self.eventsPerMailbox else {
                        throw BenchError("\(name): unexpected result")
                    }
                }
                let perThousand = 1_000 / Double(count)
                table.add([
                    name + (parallel == 1 ? " (baseline)" : ""), "\(parallel)", Format.count(count), Format.count(Int(figures.rate * 60)),
                    Format.duration(figures.p50), Format.duration(figures.p99),
                    String(format: "%.2f", (Self.cpuSeconds() - cpu) * perThousand),
                    String(format: "%.1f", Double(Self.peakRSSKiB() - rss) / 1024 * perThousand),
                ])
            }
        }
        table.note("One read = one mailbox's full window (Graph: token cached, one delta page; EWS: one FindItem; Domino: one page).")
        table.note("Scheduling (engine timers, jitter, rate limits) is not included: in production reads are spread over poll_interval.")
        return table
    }

    private struct Figures {
        var rate: Double
        var p50: UInt64
        var p99: UInt64
    }

    private static func measure(count: Int, parallel: Int, _ read: @escaping @Sendable (Int) async throws -> Void) async throws -> Figures {
        let started = Monotonic.now()
        let samples = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for worker in 0..<parallel {
                group.addTask {
                    var samples: [UInt64] = []
                    var index = worker
                    while index < count {
                        let start = Monotonic.now()
                        try await read(index)
                        samples.append(Monotonic.since(start))
                        index += parallel
                    }
                    return samples
                }
            }
            return try await group.reduce(into: [UInt64]()) { $0 += $1 }
        }
        let summary = LatencySummary(samples)
        return Figures(rate: Double(samples.count) / (Double(Monotonic.since(started)) / 1e9), p50: summary?.p50 ?? 0, p99: summary?.p99 ?? 0)
    }

    /// User + system CPU seconds of this process.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident memory of this process, KiB.
    private static func peakRSSKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    private struct NoSink: PluginEventSink {
        func submit(_ output: PluginOutput) async throws -> PluginOutputResult { .applied }
    }

    private struct NoDirectory: DirectoryLookup {
        func user(_ id: UserID) async -> User? { nil }
        func user(badge: String) async -> User? { nil }
        func user(calendar address: String) async -> User? { nil }
        func usersWithCalendars() async -> [User] { [] }
    }

    private struct NoState: PluginStateStore {
        func value(for key: String) async throws -> String? { nil }
        func set(_ value: String?, for key: String) async throws {}
    }
}
