import Foundation
import Testing

@testable import HubCore

private let t0 = Date(timeIntervalSinceReferenceDate: 817_000_000)  // 2026-11-22, fixed
private func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

/// Records (minute, event) pairs in order.
private func statistics(
    _ events: [(Double, QueueStatistics.Event)], configuration: QueueStatistics.Configuration = .init()
) throws -> QueueStatistics {
    var statistics = try QueueStatistics(configuration: configuration)
    for (minute, event) in events { statistics.record(event, at: at(minute)) }
    return statistics
}

/// A morning: six callers over four hours; default thresholds (SL 20 s, short abandon 5 s).
private let morning: [(Double, QueueStatistics.Event)] = [
    (0, .joined), (0.5, .answered(wait: 30)),  // 4 h window only
    (100, .joined), (101, .abandoned(wait: 60)),  // 4 h window only
    (190, .joined), (190.3, .answered(wait: 18)),  // 1 h and 4 h
    (200, .handled(handleTime: 300)),
    (200, .joined), (200.1, .abandoned(wait: 3)),  // short
    (230, .joined), (230.2, .answered(wait: 12)),  // all windows
    (232, .joined), (232.5, .diverted(.timeout, wait: 30)),
    (235, .joined), (235, .diverted(.nightMode, wait: 0)),
    (236, .handled(handleTime: 200)),
    (238, .joined),  // still waiting
]

@Suite("Queue statistics over sliding windows (ACD-10)")
struct QueueStatisticsTests {
    @Test func fifteenMinuteWindow() throws {
        let figures = try statistics(morning).figures(window: 900, now: at(240))
        var expected = QueueStatistics.Figures(window: 900)
        expected.offered = 4
        expected.answered = 1
        expected.answeredWithinThreshold = 1
        expected.diverted = 2
        expected.divertedByKind = [.timeout: 1, .nightMode: 1]
        expected.averageWait = 12
        expected.maxWait = 30
        expected.lastAnsweredWait = 12
        expected.serviceLevel = 1
        expected.serviceLevel2 = 1
        expected.averageHandleTime = 200
        expected.waitingNow = 1
        #expect(figures == expected)
    }

    @Test func oneHourWindow() throws {
        let figures = try statistics(morning).figures(window: 3_600, now: at(240))
        #expect(figures.offered == 6)
        #expect(figures.answered == 2)
        #expect(figures.abandoned == 0)
        #expect(figures.shortAbandoned == 1)
        #expect(figures.averageWait == 15)
        #expect(figures.maxWait == 30)
        #expect(figures.lastAnsweredWait == 12)
        #expect(figures.serviceLevel == 1)
        #expect(figures.averageHandleTime == 250)
    }

    @Test func fourHourWindow() throws {
        let figures = try statistics(morning).figures(window: 14_400, now: at(240))
        #expect(figures.offered == 7)  // the join at minute 0 is exactly 4 h ago: outside the half-open window
        #expect(figures.answered == 3)
        #expect(figures.abandoned == 1)
        #expect(figures.shortAbandoned == 1)
        #expect(figures.diverted == 2)
        #expect(figures.averageWait == 20)  // (30 + 18 + 12) / 3
        #expect(figures.maxWait == 60)
        #expect(figures.answeredWithinThreshold == 2)
        #expect(figures.serviceLevel == 2.0 / 3.0)
        #expect(figures.serviceLevel2 == 2.0 / 4.0)  // the 60 s abandon is outside; the short one is left out
    }

    @Test func figuresForEveryConfiguredWindowShortestFirst() throws {
        let all = try statistics(morning).figures(now: at(240))
        #expect(all.map(\.window) == [900, 3_600, 14_400])
        #expect(all.map(\.answered) == [1, 2, 3])
    }

    /// (wait, counted as short abandon, within 20 s service level)
    @Test(arguments: [(4.99, true, true), (5.0, false, true), (20.0, false, true), (20.01, false, false)])
    func thresholdsAreExact(_ wait: Double, _ short: Bool, _ within: Bool) throws {
        let abandonedStats = try statistics([(0, .joined), (1, .abandoned(wait: wait))])
        let abandoned = abandonedStats.figures(window: 900, now: at(1))
        #expect(abandoned.shortAbandoned == (short ? 1 : 0))
        #expect(abandoned.abandoned == (short ? 0 : 1))
        #expect(abandoned.abandonedWithinThreshold == (!short && within ? 1 : 0))
        let answered = try statistics([(0, .joined), (1, .answered(wait: wait))]).figures(window: 900, now: at(1))
        #expect(answered.serviceLevel == (within ? 1 : 0))
    }

    /// (minutes before `now` at which a call is answered, counted in the 15-minute window)
    @Test(arguments: [(0.0, true), (14.99, true), (15.0, false), (-1.0, false)])
    func windowEdgesAreHalfOpen(_ minutesAgo: Double, _ counted: Bool) throws {
        let statistics = try statistics([(60 - minutesAgo, .answered(wait: 1))])
        #expect(statistics.figures(window: 900, now: at(60)).answered == (counted ? 1 : 0))
    }

    @Test func emptyWindowsHaveNoAveragesRatherThanZero() throws {
        let figures = try statistics([]).figures(window: 900, now: at(0))
        #expect(figures.averageWait == nil)
        #expect(figures.serviceLevel == nil)
        #expect(figures.serviceLevel2 == nil)
        #expect(figures.lastAnsweredWait == nil)
        #expect(figures.averageHandleTime == nil)
    }

    @Test func memoryIsBoundedByTheLongestWindow() {
        var statistics = QueueStatistics()
        for second in 0..<(10 * 3_600) {
            statistics.record(second.isMultiple(of: 2) ? .joined : .answered(wait: 1), at: t0.addingTimeInterval(Double(second)))
        }
        #expect(statistics.storedEvents <= 14_400)
        #expect(statistics.storedEvents >= 14_399)
        #expect(statistics.totals.offered == 18_000)
        #expect(statistics.figures(window: 14_400, now: t0.addingTimeInterval(36_000)).answered == 7_200)
        // Asking for more than is kept covers what is kept, and says so.
        #expect(statistics.figures(window: 86_400, now: t0.addingTimeInterval(36_000)).window == 14_400)
    }

    @Test func countsAddUpAndAnOutcomeWithoutAJoinBreaksThem() throws {
        var statistics = try statistics(morning)
        #expect(statistics.totals.countsAddUp)
        #expect(statistics.totals.waiting == 1)
        statistics.record(.answered(wait: 10), at: at(241))
        #expect(statistics.totals.countsAddUp)
        statistics.record(.answered(wait: 10), at: at(242))
        #expect(!statistics.totals.countsAddUp)
    }

    @Test func badDurationsAndTimeTravelAreCountedNotTrusted() throws {
        let statistics = try statistics([
            (10, .joined), (9, .answered(wait: -4)), (11, .joined), (12, .abandoned(wait: .nan)),
        ])
        #expect(statistics.totals.outOfOrder == 1)
        #expect(statistics.totals.invalidDurations == 2)
        let figures = statistics.figures(window: 900, now: at(12))
        #expect(figures.answered == 1)
        #expect(figures.averageWait == 0)
        #expect(figures.shortAbandoned == 1)
    }

    @Test(arguments: [
        (QueueStatistics.Configuration(windows: []), ["$.windows"]),
        (QueueStatistics.Configuration(windows: [900, 10]), ["$.windows[1]"]),
        (QueueStatistics.Configuration(serviceLevelThreshold: -1), ["$.serviceLevelThreshold"]),
        (QueueStatistics.Configuration(shortAbandonThreshold: .infinity), ["$.shortAbandonThreshold"]),
    ])
    func badConfigurationsNameTheField(_ configuration: QueueStatistics.Configuration, _ paths: [String]) {
        do {
            _ = try QueueStatistics(configuration: configuration)
            Issue.record("accepted \(configuration)")
        } catch {
            #expect(error.issues.map(\.path) == paths)
        }
    }

    @Test func randomSequencesAlwaysAddUp() throws {
        var random = SplitMix(seed: 42)
        var statistics = QueueStatistics()
        var waiting = 0
        var clock = 0.0
        for _ in 0..<20_000 {
            clock += Double(random.next() % 30)
            let roll = random.next() % 6
            if roll < 3 || waiting == 0 {
                statistics.record(.joined, at: t0.addingTimeInterval(clock))
                waiting += 1
            } else {
                let wait = Double(random.next() % 120)
                let event: QueueStatistics.Event = switch roll {
                case 3: .answered(wait: wait)
                case 4: .abandoned(wait: wait)
                default: .diverted(QueueStatistics.DiversionKind.allCases[Int(random.next() % 5)], wait: wait)
                }
                statistics.record(event, at: t0.addingTimeInterval(clock))
                waiting -= 1
            }
            #expect(statistics.totals.countsAddUp)
            #expect(statistics.totals.waiting == waiting)
        }
        let figures = statistics.figures(window: 3_600, now: t0.addingTimeInterval(clock))
        #expect(figures.answeredWithinThreshold <= figures.answered)
        #expect((figures.serviceLevel ?? 0) <= 1)
        #expect(figures.divertedByKind.values.reduce(0, +) == figures.diverted)
    }
}

/// A tiny seeded generator so random tests repeat exactly.
private struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
