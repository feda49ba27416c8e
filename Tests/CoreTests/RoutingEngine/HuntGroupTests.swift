import Foundation
import HubCore
import Testing

@Suite("Routing: hunt groups (HUNT-1..5) and their call log (LOG-3)")
struct HuntGroupTests {
    static let number = "+358910004000"

    static func group(_ mode: HuntMode, attempts: Int = 1, random: Bool = false, members: [UserID] = ["anna", "bertil", "david"],
                      exclude: [ActivityID] = [], excludeRoles: [RoleID] = [], schedule: String? = nil) -> HuntGroupConfig {
        HuntGroupConfig(id: "reception", name: "Reception", number: number, members: members, mode: mode, randomOrder: random,
                        ringSeconds: 15, attempts: attempts, excludeActivities: exclude, excludeRoles: excludeRoles,
                        terminals: [.softphone], messagesBefore: ["hello"], messagesAfter: ["sorry"], overflow: "+358910000000",
                        schedule: schedule, night: "+358910000001")
    }

    @Test("parallel: everyone rings; members who did not answer get a missed entry even though a colleague answered")
    func parallelMissedForOthers() throws {
        var sim = RoutingSimulation(plan: RoutingPlan(huntGroups: [Self.group(.parallel)]), users: Staff.all)
        let start = sim.at(0, Staff.caller("c1", to: Self.number))
        #expect(start.first == .play("c1", .message("hello")))
        let rung: [UserID] = start.compactMap { effect in
            if case let .ring(_, leg) = effect { return leg.user }
            return nil
        }
        #expect(Set(rung) == ["anna", "bertil", "david"])
        sim.at(4, .legAnswered("c1", try #require(sim.leg(of: "bertil", in: "c1"))))
        sim.at(60, .callEnded("c1"))
        #expect(sim.callLog(of: "bertil").map(\.kind) == [.answered])
        #expect(sim.callLog(of: "anna").map(\.kind) == [.missed])
        #expect(sim.callLog(of: "david").map(\.kind) == [.missed])
        #expect(sim.callLog(of: "anna").first?.via == .huntGroup("reception"))
    }

    @Test("serial: one member at a time in order; overflow after N passes with the after-message (HUNT-4/5)")
    func serialOverflow() {
        var sim = RoutingSimulation(plan: RoutingPlan(huntGroups: [Self.group(.serial, attempts: 2)]), users: Staff.all)
        sim.at(0, Staff.caller("c1", to: Self.number))
        sim.advance(to: 200)
        let order = sim.log.compactMap { entry -> String? in
            if case let .ring(_, leg) = entry.effect { "\(Int(entry.at)):\(leg.user?.rawValue ?? "")" } else { nil }
        }
        #expect(order == ["0:anna", "15:bertil", "30:david", "45:anna", "60:bertil", "75:david"])
        #expect(sim.finishedAt("c1") == 90)
        #expect(sim.record(of: "c1")?.outcome == .diverted(.huntOverflow, to: "+358910000000"))
        #expect(sim.effects { $0 == .play("c1", .message("sorry")) }.first?.at == 90)
        #expect(sim.callLog(of: "anna").map(\.kind) == [.missed], "one entry per call, not per ring")
    }

    @Test("presence exclusion by activity and role; basic users and members in a call are skipped (HUNT-3)")
    func exclusion() {
        let group = Self.group(.parallel, members: ["anna", "bertil", "cecilia", "david", "eva"], exclude: ["at_lunch"], excludeRoles: [.mobile])
        var sim = RoutingSimulation(plan: RoutingPlan(huntGroups: [group]), users: Staff.all)
        sim.at(0, .presence("anna", activity: "at_lunch", role: .work))
        sim.at(0, .presence("bertil", activity: "available", role: .mobile))
        sim.at(0, .dial(OutgoingCall(id: "o1", user: "david", terminal: .deskPhone, to: "+4681")))
        sim.at(1, Staff.caller("c1", to: Self.number))
        #expect(Set(sim.rungUsers) == ["eva"])
    }

    @Test("nobody eligible: overflow at once; closed by schedule: night destination (HUNT-5)")
    func nobodyAndNight() {
        var sim = RoutingSimulation(plan: RoutingPlan(huntGroups: [Self.group(.parallel, members: ["cecilia"], schedule: "office")]), users: Staff.all)
        sim.at(0, Staff.caller("c1", to: Self.number))
        #expect(sim.record(of: "c1")?.outcome == .diverted(.huntOverflow, to: "+358910000000"))
        _ = sim.engine.setClosedSchedules(["office"], at: sim.now)
        sim.at(1, Staff.caller("c2", to: Self.number))
        #expect(sim.record(of: "c2")?.outcome == .diverted(.night, to: "+358910000001"))
    }

    @Test("random order is seeded: the same seed gives the same order, every member rung once per pass")
    func randomOrder() {
        func order(seed: UInt64) -> [UserID] {
            var sim = RoutingSimulation(plan: RoutingPlan(huntGroups: [Self.group(.serial, random: true)]), users: Staff.all, seed: seed)
            sim.at(0, Staff.caller("c1", to: Self.number))
            sim.advance(to: 100)
            return sim.rungUsers
        }
        #expect(order(seed: 3) == order(seed: 3))
        #expect(Set(order(seed: 3)) == ["anna", "bertil", "david"])
        #expect(order(seed: 3).count == 3)
    }
}
