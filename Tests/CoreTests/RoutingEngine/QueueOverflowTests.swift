import Foundation
import HubCore
import Testing

@Suite("Routing: queue overflow, each kind at its boundary second (ACD-9)")
struct QueueOverflowTests {
    static let queueNumber = "+358910002000"

    @Test("no-answer overflow fires at exactly ring time × attempts: 20 s × 2 = 40 s, no retry gap")
    func noAnswerAt40Seconds() {
        let queue = Staff.queue(ring: 20, attempts: 2, overflow: OverflowRules(noAnswer: "+358910009999"))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, Staff.caller("c1", to: Self.queueNumber))
        sim.advance(to: 39)
        #expect(sim.record(of: "c1") == nil)
        #expect(sim.rings(to: "anna").map(\.at) == [0, 20], "second offer starts the moment the first ends")
        sim.advance(to: 40)
        #expect(sim.finishedAt("c1") == 40)
        #expect(sim.record(of: "c1")?.outcome == .diverted(.noAnswer, to: "+358910009999"))
        #expect(sim.callLog(of: "anna").isEmpty, "LOG-3: a queue call shows only in the answering agent's log")
    }

    @Test("per-call timeout diverts at T exactly, also while an agent is ringing")
    func perCallTimeout() {
        let queue = Staff.queue(ring: 30, attempts: 5, overflow: OverflowRules(timeout: TimedOverflow(seconds: 45, destination: "+358910008888")))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, Staff.caller("c1", to: Self.queueNumber))
        sim.advance(to: 44)
        #expect(sim.record(of: "c1") == nil)
        sim.advance(to: 45)
        #expect(sim.finishedAt("c1") == 45)
        #expect(sim.record(of: "c1")?.outcome == .diverted(.timeout, to: "+358910008888"))
        #expect(sim.effects { $0 == .cancelRing("c1", 2) }.count == 1, "the ringing leg is stopped")
    }

    @Test("no agents: nobody logged in, or nobody available by presence; and when the last one goes")
    func noAgents() {
        let queue = Staff.queue(overflow: OverflowRules(noAgents: "+358910007777"))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna, Staff.bertil])
        sim.at(0, Staff.caller("c1", to: Self.queueNumber))
        #expect(sim.record(of: "c1")?.outcome == .diverted(.noAgents, to: "+358910007777"))
        sim.at(1, .agentLogin("anna", "support"))
        sim.at(1, .presence("anna", activity: "at_lunch", role: .work))
        sim.at(2, Staff.caller("c2", to: Self.queueNumber))
        #expect(sim.record(of: "c2")?.outcome == .diverted(.noAgents, to: "+358910007777"))
        sim.at(3, .presence("anna", activity: "available", role: .work))
        sim.at(3, .agentLogin("bertil", "support"))
        sim.at(4, .dial(OutgoingCall(id: "o1", user: "anna", terminal: .deskPhone, to: "+4681")))
        sim.at(4, .dial(OutgoingCall(id: "o2", user: "bertil", terminal: .deskPhone, to: "+4682")))
        sim.at(5, Staff.caller("c3", to: Self.queueNumber))
        #expect(sim.record(of: "c3") == nil, "agents in calls are present: the caller waits")
        sim.at(6, .agentLogout("anna", nil))
        #expect(sim.record(of: "c3") == nil)
        sim.at(7, .agentLogout("bertil", "support"))
        #expect(sim.record(of: "c3")?.outcome == .diverted(.noAgents, to: "+358910007777"))
        #expect(sim.finishedAt("c3") == 7)
    }

    @Test("night: a closed schedule diverts new callers to the night destination")
    func night() {
        let queue = Staff.queue(overflow: OverflowRules(night: "+358910006666"), schedule: "office")
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        _ = sim.engine.setClosedSchedules(["office"], at: sim.now)
        sim.at(1, Staff.caller("c1", to: Self.queueNumber))
        #expect(sim.record(of: "c1")?.outcome == .diverted(.night, to: "+358910006666"))
        _ = sim.engine.setClosedSchedules([], at: sim.now)
        sim.at(2, Staff.caller("c2", to: Self.queueNumber))
        #expect(sim.record(of: "c2") == nil)
        #expect(sim.rings(to: "anna").map(\.call) == ["c2"])
    }

    @Test("rush closes at the limits and reopens only when both count and longest wait are below the reopen thresholds")
    func rushHysteresis() {
        let rush = RushOverflow(maxWaiting: 3, maxWaitSeconds: 60, reopenBelowWaiting: 2, reopenBelowWaitSeconds: 30, destination: "+358910005555")
        let queue = Staff.queue(overflow: OverflowRules(rush: rush))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .presence("anna", activity: "available", role: .work))
        sim.at(0, .dial(OutgoingCall(id: "busy", user: "anna", terminal: .deskPhone, to: "+4681")))
        sim.at(0, Staff.caller("c1", to: Self.queueNumber))
        sim.at(10, Staff.caller("c2", to: Self.queueNumber))
        #expect(sim.effects { if case .queueState = $0 { true } else { false } }.isEmpty)
        sim.at(20, Staff.caller("c3", to: Self.queueNumber))
        #expect(sim.effects { $0 == .queueState("support", .closedByRush(waiting: 3, longestWaitSeconds: 20)) }.count == 1)
        sim.at(21, Staff.caller("c4", to: Self.queueNumber))
        #expect(sim.record(of: "c4")?.outcome == .diverted(.rush, to: "+358910005555"))
        sim.at(25, .callerHungUp("c3"))
        // 2 waiting: below the closing limit but not below the reopen limit of 2.
        sim.at(26, Staff.caller("c5", to: Self.queueNumber))
        #expect(sim.record(of: "c5")?.outcome == .diverted(.rush, to: "+358910005555"))
        sim.at(27, .callerHungUp("c2"))
        // 1 waiting, but c1 has waited 27 s... below 30: reopens.
        #expect(sim.effects { $0 == .queueState("support", .open) }.count == 1)
        #expect(sim.effects { $0 == .queueState("support", .open) }.first?.at == 27)
        sim.at(28, Staff.caller("c6", to: Self.queueNumber))
        #expect(sim.record(of: "c6") == nil)
    }

    @Test("rush by longest wait: closes the second the head caller reaches the limit; stays closed until the wait is back below")
    func rushByWait() {
        let rush = RushOverflow(maxWaiting: 10, maxWaitSeconds: 60, destination: "+358910005555")
        let queue = Staff.queue(overflow: OverflowRules(rush: rush))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .dial(OutgoingCall(id: "busy", user: "anna", terminal: .deskPhone, to: "+4681")))
        sim.at(0, Staff.caller("c1", to: Self.queueNumber))
        sim.at(30, Staff.caller("c2", to: Self.queueNumber))
        sim.advance(to: 59)
        #expect(sim.effects { if case .queueState = $0 { true } else { false } }.isEmpty)
        sim.advance(to: 60)
        #expect(sim.effects { $0 == .queueState("support", .closedByRush(waiting: 2, longestWaitSeconds: 60)) }.first?.at == 60)
        sim.at(61, Staff.caller("c3", to: Self.queueNumber))
        #expect(sim.record(of: "c3")?.outcome == .diverted(.rush, to: "+358910005555"))
        sim.at(62, .callerHungUp("c1"))
        // c2 has waited 32 s < 60 and 1 waits < 10: open again.
        #expect(sim.effects { $0 == .queueState("support", .open) }.first?.at == 62)
    }
}
