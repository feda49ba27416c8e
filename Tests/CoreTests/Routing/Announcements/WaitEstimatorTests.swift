import Foundation
import Testing

@testable import HubCore

private let t0 = Date(timeIntervalSinceReferenceDate: 817_000_000)
private func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

@Suite("Wait estimate and position announcements (ACD-8)")
struct WaitEstimatorTests {
    /// (position, eligible agents, mean handle time, raw estimate)
    @Test(arguments: [
        (1, 1, 240.0, 240.0), (3, 1, 240.0, 720.0), (3, 3, 240.0, 240.0), (5, 2, 180.0, 450.0), (1, 4, 200.0, 50.0),
    ])
    func estimateIsPositionOverAgentsTimesHandleTime(_ position: Int, _ agents: Int, _ handle: Double, _ expected: Double) {
        #expect(WaitEstimator<String>.rawEstimate(position: position, eligibleAgents: agents, meanHandleTime: handle) == expected)
    }

    /// No basis, no estimate: (position, eligible agents, mean handle time)
    @Test(arguments: [(1, 0, 240.0 as Double?), (1, 3, nil), (0, 3, 240.0), (-2, 3, 240.0), (1, 3, 0.0), (1, 3, .nan)])
    func noBasisGivesNil(_ position: Int, _ agents: Int, _ handle: Double?) {
        var estimator = WaitEstimator<String>()
        #expect(estimator.estimate(for: "c1", position: position, eligibleAgents: agents, meanHandleTime: handle) == nil)
    }

    @Test func neverGrowsWhileThePositionDoesNotIncrease() {
        var estimator = WaitEstimator<String>()
        // (position, eligible agents, mean handle time, expected seconds)
        let steps: [(Int, Int, Double, Double)] = [
            (4, 2, 120, 240),  // first estimate
            (4, 1, 120, 240),  // an agent logged out: would be 480, clamped
            (3, 1, 120, 240),  // moved up: 360 fresh, still clamped
            (3, 2, 60, 90),  // faster handling: falls freely
            (2, 2, 300, 90),  // slower handling: clamped
            (5, 2, 300, 750),  // pushed back by a priority caller: restarts from the fresh figure
            (5, 2, 60, 150),
        ]
        for (position, agents, handle, expected) in steps {
            let estimate = estimator.estimate(for: "c1", position: position, eligibleAgents: agents, meanHandleTime: handle)
            #expect(estimate?.seconds == expected, "position \(position)")
        }
    }

    @Test func callersAreClampedSeparatelyAndForgotten() {
        var estimator = WaitEstimator<Int>()
        _ = estimator.estimate(for: 1, position: 1, eligibleAgents: 1, meanHandleTime: 60)
        #expect(estimator.estimate(for: 2, position: 1, eligibleAgents: 1, meanHandleTime: 600)?.seconds == 600)
        #expect(estimator.estimate(for: 1, position: 1, eligibleAgents: 1, meanHandleTime: 600)?.seconds == 60)
        estimator.forget(1)
        #expect(estimator.rememberedCallers == 1)
        #expect(estimator.estimate(for: 1, position: 1, eligibleAgents: 1, meanHandleTime: 600)?.seconds == 600)
    }

    /// (estimate in seconds, spoken seconds) with the default 30 s steps below 2 min, whole minutes above.
    @Test(arguments: [
        (0.0, 30), (1.0, 30), (14.9, 30), (44.9, 30), (45.0, 60), (89.0, 90), (104.9, 90), (105.0, 120),
        (119.0, 120), (120.0, 120), (149.0, 120), (150.0, 180), (3_599.0, 3_600),
    ])
    func roundedForSpeech(_ seconds: Double, _ spoken: Int) {
        #expect(SpeechRounding().spokenSeconds(seconds) == spoken)
    }

    @Test func roundingNeverReversesOrder() {
        for rounding in SpeechRounding.Step.allCases.flatMap({ step in (1...4).map { SpeechRounding(step: step, wholeMinutesFrom: $0) } }) {
            var previous = 0
            for tenth in 0..<6_000 {
                let spoken = rounding.spokenSeconds(Double(tenth) / 10)
                #expect(spoken >= previous, "\(rounding) at \(Double(tenth) / 10)")
                previous = spoken
            }
        }
    }

    @Test func handleTimeIsTheMeanOfRecentSamples() {
        var tracker = HandleTimeTracker(sampleLimit: 3, maxAge: 3_600)
        #expect(tracker.mean(at: at(0)) == nil)
        tracker.record(100, at: at(0))
        tracker.record(200, at: at(10))
        #expect(tracker.mean(at: at(10)) == 150)
        tracker.record(300, at: at(20))
        tracker.record(400, at: at(30))  // pushes out the 100
        #expect(tracker.mean(at: at(30)) == 300)
        #expect(tracker.mean(at: at(70)) == 350)  // the 200 from minute 10 is an hour old
        #expect(tracker.mean(at: at(200)) == nil)
        let negative = tracker.record(-1, at: at(200))
        let infinite = tracker.record(.infinity, at: at(200))
        #expect(!negative && !infinite)
        #expect(tracker.rejectedSamples == 2)
    }

    @Test func estimateFromTheTracker() {
        var tracker = HandleTimeTracker()
        tracker.record(180, at: at(0))
        tracker.record(300, at: at(1))
        var estimator = WaitEstimator<String>()
        let estimate = estimator.estimate(for: "c", position: 3, eligibleAgents: 2, handleTimes: tracker, now: at(2))
        #expect(estimate == WaitEstimate(seconds: 360, spokenSeconds: 360))
        #expect(estimate?.spokenMinutes == 6)
    }

    /// (minute, position, expected announcement) for rules: repeat after 60 s, limit 10.
    @Test func positionIsSaidWhenItChangesOrAfterTheRepeatInterval() {
        var announcer = PositionAnnouncer<String>(rules: PositionAnnouncementRules(repeatAfter: 60, limit: 10))
        let steps: [(Double, Int, PositionAnnouncement?)] = [
            (0, 14, .moreThan(10)),  // first message always says it
            (0.25, 13, nil),  // still "more than 10"
            (0.5, 12, nil),
            (1, 12, .moreThan(10)),  // a minute since: repeat
            (1.25, 10, .position(10)),
            (1.5, 10, nil),
            (1.75, 9, .position(9)),
            (2.5, 9, nil),
            (2.75, 9, .position(9)),
        ]
        for (minute, position, expected) in steps {
            #expect(announcer.announcement(for: "c", position: position, at: at(minute)) == expected, "minute \(minute)")
        }
    }

    @Test func withoutRepeatOnlyChangesAreSaidAndCallersAreSeparate() {
        var announcer = PositionAnnouncer<String>(rules: PositionAnnouncementRules(repeatAfter: nil, limit: nil))
        #expect(announcer.announcement(for: "a", position: 25, at: at(0)) == .position(25))
        #expect(announcer.announcement(for: "b", position: 26, at: at(0)) == .position(26))
        #expect(announcer.announcement(for: "a", position: 25, at: at(60)) == nil)
        #expect(announcer.announcement(for: "a", position: 24, at: at(61)) == .position(24))
        #expect(announcer.announcement(for: "a", position: 0, at: at(62)) == nil)
        announcer.forget("a")
        #expect(announcer.rememberedCallers == 1)
        #expect(announcer.announcement(for: "a", position: 24, at: at(63)) == .position(24))
    }
}
