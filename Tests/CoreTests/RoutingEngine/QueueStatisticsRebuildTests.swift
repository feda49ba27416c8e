import Foundation
import Testing

import HubCore

/// Statistics rebuilt from stored call records equal the ones the live queue events built (ACD-10 after a restart).
@Suite("Queue statistics rebuilt from call records (ACD-10)")
struct QueueStatisticsRebuildTests {
    static let support = "+358910002000"

    /// Live statistics from the engine's queue events, as the hub keeps them.
    static func live(_ sim: RoutingSimulation) -> [QueueID: QueueStatistics] {
        var statistics: [QueueID: QueueStatistics] = [:]
        for (at, effect) in sim.log {
            if case let .queueEvent(queue, event) = effect {
                statistics[queue, default: QueueStatistics()].record(QueueStatistics.Event(event), at: RoutingSimulation.epoch + at)
            }
        }
        return statistics
    }

    static func records(_ sim: RoutingSimulation) -> [CallRecord] {
        sim.log.compactMap { if case let .finished(record) = $0.effect { record } else { nil } }
    }

    @Test("answered, abandoned, short-abandoned, no-answer and no-agent calls give the same figures either way")
    func rebuiltFiguresEqualLiveFigures() throws {
        let queue = Staff.queue(ring: 20, attempts: 1, overflow: OverflowRules(noAgents: "+358910007777", noAnswer: "+358910009999"))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna, Staff.bertil])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(1, Staff.caller("a1", to: Self.support))
        sim.at(9, .legAnswered("a1", try #require(sim.leg(of: "anna", in: "a1"))))
        sim.at(10, Staff.caller("h1", to: Self.support))
        sim.at(13, .callerHungUp("h1"))                      // short abandon
        sim.at(20, Staff.caller("h2", to: Self.support))
        sim.at(50, .callerHungUp("h2"))                      // abandoned after 30 s
        sim.at(189, .callEnded("a1"))                        // 180 s handle time
        sim.at(200, Staff.caller("n1", to: Self.support))   // rings anna 20 s, then no-answer overflow
        sim.advance(to: 230)
        sim.at(240, .agentLogout("anna", "support"))
        sim.at(250, Staff.caller("x1", to: Self.support))   // nobody logged in: no-agents overflow at once
        let now = RoutingSimulation.epoch + 300

        let live = Self.live(sim)
        let records = Self.records(sim)
        #expect(records.count == 5)
        let rebuilt = QueueStatistics.rebuild(from: records.reversed())  // order does not matter
        let liveFigures = try #require(live["support"]).figures(now: now)
        #expect(try #require(rebuilt["support"]).figures(now: now) == liveFigures)
        let hour = try #require(liveFigures.first { $0.window == 3_600 })
        #expect(hour.offered == 5)
        #expect(hour.answered == 1)
        #expect(hour.abandoned == 1, "the 30 s one; the 3 s one is a short abandon, counted apart")
        #expect(hour.shortAbandoned == 1)
        #expect(hour.divertedByKind == [.noAnswer: 1, .noAgents: 1])
    }

    @Test("a call that was not for a queue gives no events; a rejected queue call counts as abandoned, as live")
    func recordsOutsideQueuesAndRejections() {
        let offered = RoutingSimulation.epoch
        let personal = CallRecord(call: "p1", from: "+35850", to: "+35820", target: .user("anna"), offeredAt: offered, answeredAt: nil,
                                  endedAt: offered + 10, answeredBy: nil, outcome: .voicemail("anna"))
        #expect(QueueStatistics.events(of: personal).isEmpty)
        let rejected = CallRecord(call: "q1", from: "+35850", to: Self.support, target: .queue("support"), offeredAt: offered, answeredAt: nil,
                                  endedAt: offered + 4, answeredBy: nil, outcome: .rejected("queue no_agents and no destination configured"))
        let events = QueueStatistics.events(of: rejected)
        #expect(events.map(\.event) == [.joined, .abandoned(wait: 4)])
        #expect(events.map(\.at) == [offered, offered + 4])
    }
}
