import Foundation
import HubCore

/// Benchmark: the pure time-control and queue-statistics pieces routing calls on every decision:
/// `Schedule.state(at:)` / `nextChange(after:)` (ROUTE-7) and `QueueStatistics.record` / `figures` (ACD-10).
struct TimeControlBench {
    let operations: Int
    let rounds: Int
    /// Calls timed together for one latency sample (one call is too short for the clock).
    static let batch = 64
    static let epoch = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    init(quick: Bool) {
        operations = quick ? 100_000 : 1_000_000
        rounds = quick ? 3 : 5
    }

    /// Rates of each round and per-call latencies from batches.
    struct Measurement {
        var rates: [Double] = []
        var perCall: [UInt64] = []
        var median: Double { HubBench.median(rates) }
    }

    func run() -> Table {
        var table = Table(
            "Time control and queue statistics (one core)",
            columns: ["operation", "ops/round", "rounds", "median ops/s", "ns/op", "p50", "p99", "notes"])
        var checksum = 0
        guard let schedule = try? Self.office() else {
            table.note("the benchmark schedule did not validate; nothing measured")
            return table
        }
        // Instants over all of 2026 at an odd stride, so DST days and holidays are hit.
        let instants = (0..<4_096).map { Self.epoch.addingTimeInterval(Double($0) * 7_699.3) }
        let state = measure(operations) { i in checksum &+= schedule.state(at: instants[i & 4_095]).isOpen ? 1 : 0 }
        add(&table, "Schedule.state(at:)", state, "Helsinki, 2 ranges/weekday, 12 holidays")
        var zoneCalendar = Calendar(identifier: .gregorian)
        zoneCalendar.timeZone = TimeZone(identifier: "Europe/Helsinki") ?? .gmt
        let baseline = measure(operations) { i in
            checksum &+= zoneCalendar.dateComponents([.weekday, .hour, .minute, .year, .month, .day], from: instants[i & 4_095]).hour ?? 0
        }
        add(&table, "baseline: Calendar.dateComponents (local fields only)", baseline, "what a naive check needs first")
        let next = measure(operations / 20) { i in
            checksum &+= schedule.nextChange(after: instants[i & 4_095]) == nil ? 0 : 1
        }
        add(&table, "Schedule.nextChange(after:)", next, "once per change (one timer)")
        var statistics = QueueStatistics()
        var last = Self.epoch
        let record = measure(operations) { i in
            // One event per simulated second: a busy queue of ~1,200 calls an hour; pruning runs all the time.
            let event: QueueStatistics.Event = switch i % 3 {
            case 0: .joined
            case 1: .answered(wait: Double(i % 97))
            default: .handled(handleTime: Double(180 + i % 300))
            }
            last = Self.epoch.addingTimeInterval(Double(i))
            statistics.record(event, at: last)
        }
        add(&table, "QueueStatistics.record", record, "\(Format.count(statistics.storedEvents)) events kept (4 h)")
        let figures = measure(max(operations / 1_000, 640)) { _ in checksum &+= statistics.figures(window: 14_400, now: last).answered }
        add(&table, "QueueStatistics.figures(window: 4 h)", figures, "scans the window's events")
        table.note("ns/op = 1e9 / median rate; p50/p99 are per call, from batches of \(Self.batch) calls")
        table.note("checksum \(checksum) (keeps the optimiser honest)")
        return table
    }

    private func add(_ table: inout Table, _ name: String, _ m: Measurement, _ note: String) {
        let summary = LatencySummary(m.perCall)
        table.add([
            name, Format.count(m.perCall.count * Self.batch / max(rounds, 1)), String(rounds), Format.rate(m.median),
            Format.duration(1e9 / m.median), summary.map { Format.duration($0.p50) } ?? "-",
            summary.map { Format.duration($0.p99) } ?? "-", note,
        ])
    }

    /// Runs `body` `count` times per round, in timed batches.
    private func measure(_ count: Int, _ body: (Int) -> Void) -> Measurement {
        var result = Measurement()
        let batches = max(count / Self.batch, 1)
        var index = 0
        for _ in 0..<rounds {
            let roundStart = Monotonic.now()
            for _ in 0..<batches {
                let start = Monotonic.now()
                for _ in 0..<Self.batch {
                    body(index)
                    index += 1
                }
                result.perCall.append(Monotonic.since(start) / UInt64(Self.batch))
            }
            result.rates.append(Double(batches * Self.batch) / (Double(Monotonic.since(roundStart)) / 1e9))
        }
        return result
    }

    /// A Helsinki office with lunch break, a Sunday slot over the DST hour and the Finnish public holidays of 2026.
    static func office() throws -> Schedule {
        let weekday = [TimeRange("08:00-11:30"), TimeRange("12:30-16:00")].compactMap { $0 }
        let holidays = [
            "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-06-19",
            "2026-06-20", "2026-12-06", "2026-12-24", "2026-12-25", "2026-12-26",
        ].compactMap(LocalDate.init).map { Holiday(date: $0, name: "Holiday", hours: $0.day == 24 ? [TimeRange("09:00-12:00")].compactMap { $0 } : []) }
        return try Schedule(
            timeZone: "Europe/Helsinki",
            weeklyHours: [
                .monday: weekday, .tuesday: weekday, .wednesday: weekday, .thursday: weekday, .friday: weekday,
                .sunday: [TimeRange("03:30-05:00")].compactMap { $0 },
            ],
            holidays: holidays)
    }
}
