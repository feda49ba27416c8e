import Foundation
import HubCore
import Testing

@Suite("Routing: queue distribution, agents, wrap-up, auto-logout, scheduler (ACD-1..7)")
struct QueueDistributionTests {
    static let support = "+358910002000"
    static let sales = "+358910003000"

    @Test("ring-all race: two agents answer in the same instant; the first wins, the other is dropped and not counted")
    func ringAllRace() throws {
        let queue = Staff.queue(autoLogout: AutoLogoutPolicy(afterUnanswered: 1))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna, Staff.bertil])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .agentLogin("bertil", "support"))
        sim.at(0, Staff.caller("c1", to: Self.support))
        let anna = try #require(sim.leg(of: "anna", in: "c1"))
        let bertil = try #require(sim.leg(of: "bertil", in: "c1"))
        let first = sim.at(5, .legAnswered("c1", bertil))
        let second = sim.at(5, .legAnswered("c1", anna))
        #expect(first.contains(.connect("c1", bertil)))
        #expect(first.contains(.cancelRing("c1", anna)))
        #expect(!second.contains(.connect("c1", anna)))
        #expect(sim.engine.queues(of: "anna") == ["support"], "a lost race is not an unanswered offer")
        #expect(sim.engine.status(of: "anna", at: sim.now) == .idle(since: RoutingSimulation.epoch))
        #expect(sim.callLog(of: "bertil").map(\.kind) == [.answered])
        #expect(sim.callLog(of: "anna").isEmpty)
    }

    @Test("an agent in two queues is offered one call at a time; callers are served by priority, then wait")
    func agentInTwoQueues() throws {
        let plan = RoutingPlan(queues: [Staff.queue(), Staff.queue("sales", number: Self.sales, priority: 5)])
        var sim = RoutingSimulation(plan: plan, users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .agentLogin("anna", "sales"))
        sim.at(0, .dial(OutgoingCall(id: "busy", user: "anna", terminal: .deskPhone, to: "+4681")))
        sim.at(1, Staff.caller("s1", to: Self.support))
        sim.at(2, Staff.caller("s2", to: Self.support))
        sim.at(3, Staff.caller("v1", to: Self.sales))
        #expect(sim.rings(to: "anna").isEmpty)
        sim.at(10, .callEnded("busy"))
        #expect(sim.rings(to: "anna").map(\.call) == ["v1"], "the sales queue's priority wins over longer waits")
        let leg = try #require(sim.leg(of: "anna", in: "v1"))
        sim.at(12, .legAnswered("v1", leg))
        sim.at(20, .callEnded("v1"))
        #expect(sim.rings(to: "anna").map(\.call) == ["v1", "s1"])
    }

    @Test("strategies pick the longest idle, the best skill, or a seeded random agent", arguments: [QueueStrategy.longestIdle, .skill, .random])
    func strategies(strategy: QueueStrategy) {
        let queue = Staff.queue(strategy: strategy, skill: strategy == .skill ? SkillRequirement(skill: "swedish", minimumLevel: 2) : nil)
        let plan = RoutingPlan(queues: [queue], skills: ["anna": ["swedish": 3], "bertil": ["swedish": 5], "david": ["swedish": 1]])
        var sim = RoutingSimulation(plan: plan, users: [Staff.anna, Staff.bertil, Staff.david])
        sim.at(0, .agentLogin("david", "support"))
        sim.at(1, .agentLogin("bertil", "support"))
        sim.at(2, .agentLogin("anna", "support"))
        sim.at(5, Staff.caller("c1", to: Self.support))
        let rung = ["anna", "bertil", "david"].filter { !sim.rings(to: UserID($0)).isEmpty }
        switch strategy {
        case .longestIdle: #expect(rung == ["david"])
        case .skill: #expect(rung == ["bertil"], "david's level 1 is below the minimum; bertil's 5 beats anna's 3")
        case .random:
            #expect(rung.count == 1)
            var again = RoutingSimulation(plan: plan, users: [Staff.anna, Staff.bertil, Staff.david])
            again.at(0, .agentLogin("david", "support"))
            again.at(1, .agentLogin("bertil", "support"))
            again.at(2, .agentLogin("anna", "support"))
            again.at(5, Staff.caller("c1", to: Self.support))
            #expect(["anna", "bertil", "david"].filter { !again.rings(to: UserID($0)).isEmpty } == rung, "same seed, same pick")
        case .ringAll: break
        }
    }

    @Test("only the queue's terminals ring (ACD-3)")
    func queueTerminals() {
        let queue = Staff.queue(terminals: [.softphone])
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.user("anna", 1, terminals: [.softphone, .deskPhone, .mobile])])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, Staff.caller("c1", to: Self.support))
        #expect(sim.rings(to: "anna").map(\.leg.terminal) == [.softphone])
    }

    @Test("auto-logout after N unanswered offers in a row; an answer resets the count (ACD-4)")
    func autoLogout() throws {
        let queue = Staff.queue(ring: 10, attempts: 10, autoLogout: AutoLogoutPolicy(afterUnanswered: 2))
        let other = Staff.queue("sales", number: Self.sales)
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue, other]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .agentLogin("anna", "sales"))
        sim.at(0, Staff.caller("c1", to: Self.support))
        sim.advance(to: 10)  // first offer unanswered (1)
        let leg = try #require(sim.leg(of: "anna", in: "c1"))
        sim.at(12, .legAnswered("c1", leg))  // answered: count back to 0
        sim.at(20, .callEnded("c1"))
        sim.at(20, Staff.caller("c2", to: Self.support))
        sim.advance(to: 30)  // 1
        #expect(sim.engine.queues(of: "anna") == ["support", "sales"])
        sim.at(31, .legFailed("c2", try #require(sim.leg(of: "anna", in: "c2")), .busy))  // busy does not count by default
        #expect(sim.engine.queues(of: "anna") == ["support", "sales"])
        sim.advance(to: 42)  // the third offer rang out: 2 in a row
        #expect(sim.engine.queues(of: "anna").isEmpty, "logged out of every queue")
        #expect(sim.effects { $0 == .agentLoggedOut("anna", .unansweredOffers) }.count == 1)
    }

    @Test("wrap-up: no offer until the rest time is over, across all the agent's queues (ACD-7)")
    func wrapUp() throws {
        let plan = RoutingPlan(queues: [Staff.queue(wrapUp: 30), Staff.queue("sales", number: Self.sales)])
        var sim = RoutingSimulation(plan: plan, users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .agentLogin("anna", "sales"))
        sim.at(0, Staff.caller("c1", to: Self.support))
        sim.at(2, .legAnswered("c1", try #require(sim.leg(of: "anna", in: "c1"))))
        sim.at(60, .callEnded("c1"))
        #expect(sim.engine.status(of: "anna", at: sim.now) == .wrapUp(until: RoutingSimulation.epoch + 90))
        sim.at(61, Staff.caller("c2", to: Self.sales))
        sim.advance(to: 89)
        #expect(sim.rings(to: "anna").map(\.call) == ["c1"])
        sim.advance(to: 90)
        #expect(sim.rings(to: "anna").map(\.call) == ["c1", "c2"])
        #expect(sim.rings(to: "anna").last?.at == 90)
    }

    @Test("a presence change while ringing withdraws the offer and the caller goes to the next agent (ACD-6)")
    func presenceDuringRinging() throws {
        let queue = Staff.queue(strategy: .longestIdle)
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna, Staff.bertil])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(1, .agentLogin("bertil", "support"))
        sim.at(2, Staff.caller("c1", to: Self.support))
        let leg = try #require(sim.leg(of: "anna", in: "c1"))
        let effects = sim.at(5, .presence("anna", activity: "in_meeting", role: .work))
        #expect(effects.contains(.cancelRing("c1", leg)))
        #expect(effects.contains(.agentState("anna", .unavailable(activity: "in_meeting"))))
        #expect(sim.rings(to: "bertil").map(\.at) == [5])
    }

    @Test("callback in queue: the caller hangs up but keeps their place and is called back when an agent answers")
    func callbackKeepsPlace() throws {
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [Staff.queue(attempts: 100)]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, .dial(OutgoingCall(id: "busy", user: "anna", terminal: .deskPhone, to: "+4681")))
        sim.at(1, Staff.caller("c1", to: Self.support))
        sim.at(2, Staff.caller("c2", to: Self.support))
        let released = sim.at(3, .requestCallback("c1"))
        #expect(released.contains(.releaseCaller("c1")))
        sim.at(4, .callerHungUp("c1"))
        #expect(sim.engine.position(of: "c1") == 1)
        #expect(sim.engine.position(of: "c2") == 2)
        sim.at(10, .callEnded("busy"))
        #expect(sim.rings(to: "anna").map(\.call) == ["c1"])
        let answered = sim.at(12, .legAnswered("c1", try #require(sim.leg(of: "anna", in: "c1"))))
        #expect(answered.contains(.dialOut("c1", to: "+358501234567", callerID: Self.support)))
        #expect(!answered.contains(.connect("c1", 1)))
    }

    @Test("progress messages say position and a wait estimate that never grows while the caller waits (ACD-8)")
    func progressAnnouncements() throws {
        let queue = Staff.queue(attempts: 100, announcements: QueueAnnouncements(welcome: "welcome", progressEverySeconds: 30))
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [queue]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, Staff.caller("h1", to: Self.support))
        sim.at(1, .legAnswered("h1", try #require(sim.leg(of: "anna", in: "h1"))))
        sim.at(121, .callEnded("h1"))  // one handled call of 120 s
        sim.at(121, .dial(OutgoingCall(id: "busy", user: "anna", terminal: .deskPhone, to: "+4681")))
        sim.at(130, Staff.caller("c1", to: Self.support))
        sim.at(131, Staff.caller("c2", to: Self.support))
        #expect(sim.effects { $0 == .play("c1", .message("welcome")) }.count == 1)
        sim.advance(to: 161)
        let saidToC2 = sim.effects { if case .play("c2", _) = $0 { true } else { false } }.map(\.effect)
        #expect(saidToC2.contains(.play("c2", .position(2))))
        #expect(saidToC2.contains(.play("c2", .estimatedWait(240))))
        sim.at(170, .callerHungUp("c1"))
        sim.advance(to: 191)
        let waits = sim.effects { if case .play("c2", .estimatedWait) = $0 { true } else { false } }.map(\.effect)
        #expect(waits == [.play("c2", .estimatedWait(240)), .play("c2", .estimatedWait(120))])
    }

    @Test("an agent in a queue call asks for the supervisor: the request names the call and queue (ACD-5)")
    func supervisorRequest() throws {
        var sim = RoutingSimulation(plan: RoutingPlan(queues: [Staff.queue()]), users: [Staff.anna])
        sim.at(0, .agentLogin("anna", "support"))
        sim.at(0, Staff.caller("c1", to: Self.support))
        sim.at(2, .legAnswered("c1", try #require(sim.leg(of: "anna", in: "c1"))))
        let effects = sim.at(30, .requestSupervisor("anna"))
        #expect(effects == [.supervisorRequested(agent: "anna", call: "c1", queue: "support")])
        #expect(RoutingEvent(effects[0])?.type == "supervisor.requested")
    }
}
