import Foundation
import HubCore
import PropertyBased
import Testing

/// Random event sequences against the engine; the invariants must hold for every sequence.
@Suite("Routing: invariants under random event sequences (property-based)")
struct RoutingPropertyTests {
    static let agents: [UserID] = ["anna", "bertil", "david", "eva"]
    static let plan = RoutingPlan(
        queues: [
            Staff.queue(strategy: .ringAll, ring: 15, attempts: 3, wrapUp: 10, overflow: OverflowRules(
                rush: RushOverflow(maxWaiting: 4, maxWaitSeconds: 90, reopenBelowWaiting: 2, destination: "+358910000010"),
                timeout: TimedOverflow(seconds: 120, destination: "+358910000011"), noAgents: "+358910000012",
                noAnswer: "+358910000013", night: "+358910000014"), autoLogout: AutoLogoutPolicy(afterUnanswered: 3),
                announcements: QueueAnnouncements(welcome: "hi", progressEverySeconds: 20)),
            Staff.queue("sales", number: "+358910003000", strategy: .longestIdle, ring: 10, attempts: 2,
                        overflow: OverflowRules(noAgents: "+358910000022", noAnswer: "+358910000023")),
        ],
        huntGroups: [HuntGroupConfig(id: "desk", name: "Desk", number: "+358910004000", members: ["anna", "eva", "david"],
                                     mode: .serial, ringSeconds: 10, attempts: 2, overflow: "+358910000030")],
        rules: ["anna": [PersonalRule(busy: .personalQueue)], "bertil": [PersonalRule(busy: .ringAnyway)]])
    static let numbers = ["+358910002000", "+358910003000", "+358910004000", "+358910001001", "+358910001002", "+358910001004"]

    @Test("no agent rings for two queue calls, no call is lost, queue counts add up")
    func invariants() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000).array(of: 1...120)) { steps in
            var world = World()
            for step in steps { world.apply(step) }
            world.drain()
            #expect(world.violations.isEmpty, "\(world.violations.prefix(3))")
            #expect(world.unfinished.isEmpty, "calls never finished: \(world.unfinished.sorted())")
            #expect(world.finishedTwice.isEmpty, "calls finished twice: \(world.finishedTwice.sorted())")
            for (queue, counts) in world.queueCounts {
                #expect(counts.joined == counts.answered + counts.abandoned + counts.diverted, "queue \(queue): \(counts)")
            }
        }
    }

    /// The engine plus bookkeeping of what the effects say.
    struct World {
        var sim = RoutingSimulation(plan: RoutingPropertyTests.plan, users: Staff.all)
        var clock: TimeInterval = 0
        var nextCall = 0
        var offered: Set<CallID> = []
        var finished: Set<CallID> = []
        var finishedTwice: Set<CallID> = []
        var connected: Set<CallID> = []
        var ringing: [CallID: [LegID: UserID?]] = [:]
        var queueLegs: [UserID: Set<CallID>] = [:]
        var queueCounts: [QueueID: (joined: Int, answered: Int, abandoned: Int, diverted: Int)] = [:]
        var violations: [String] = []

        var unfinished: Set<CallID> { offered.subtracting(finished) }

        mutating func apply(_ step: Int) {
            let pick = step / 16
            switch step % 16 {
            case 0, 1, 2:
                nextCall += 1
                let id = CallID("c\(nextCall)")
                offered.insert(id)
                run(.offer(IncomingCall(id: id, from: "+35850\(1_000_000 + pick % 1000)", to: RoutingPropertyTests.numbers[pick % RoutingPropertyTests.numbers.count], priority: pick % 3)))
            case 3: run(.agentLogin(agent(pick), pick % 2 == 0 ? "support" : "sales"))
            case 4: run(.agentLogout(agent(pick), pick % 3 == 0 ? nil : "support"))
            case 5: run(.presence(agent(pick), activity: ["available", "in_meeting", "at_lunch", "available"][pick % 4], role: .work))
            case 6, 7: if let (call, leg) = ringingLeg(pick) { run(.legAnswered(call, leg)) }
            case 8: if let (call, leg) = ringingLeg(pick) { run(.legFailed(call, leg, LegFailure.allCases[pick % 4])) }
            case 9: if let call = unfinished.sorted()[safe: pick] { run(.callerHungUp(call)) }
            case 10: if let call = connected.sorted()[safe: pick] { run(.callEnded(call)) }
            case 11: if let call = unfinished.sorted()[safe: pick] { run(.requestCallback(call)) }
            case 12:
                nextCall += 1
                let id = CallID("o\(nextCall)")
                offered.insert(id)
                run(.dial(OutgoingCall(id: id, user: agent(pick), terminal: .softphone, to: pick % 5 == 0 ? "+358910002000" : "+4681\(pick % 100)")))
            default: clock += TimeInterval(pick % 40)
            }
        }

        mutating func drain() {
            // Agents come back and everyone hangs up: every call must reach an end.
            for user in RoutingPropertyTests.agents {
                clock += 1
                run(.presence(user, activity: "available", role: .work))
                run(.agentLogin(user, "support"))
                run(.agentLogin(user, "sales"))
            }
            for _ in 0..<50 {
                for user in RoutingPropertyTests.agents { run(.agentLogin(user, "support")) }
                for call in connected.sorted() { run(.callEnded(call)) }
                clock += 600
                sim.advance(to: clock)
                absorb()
                for call in unfinished.sorted() where !connected.contains(call) { run(.callerHungUp(call)) }
            }
            for call in connected.sorted() { run(.callEnded(call)) }
        }

        func agent(_ pick: Int) -> UserID { RoutingPropertyTests.agents[pick % RoutingPropertyTests.agents.count] }

        func ringingLeg(_ pick: Int) -> (CallID, LegID)? {
            let legs = ringing.sorted { $0.key < $1.key }.flatMap { call, legs in legs.keys.sorted().map { (call, $0) } }
            return legs.isEmpty ? nil : legs[pick % legs.count]
        }

        mutating func run(_ input: RoutingInput) {
            let before = sim.log.count
            sim.at(clock, input)
            if case let .legFailed(call, leg, _) = input { forget(call, leg) }
            absorb(from: before)
        }

        var absorbed = 0
        mutating func absorb(from start: Int? = nil) {
            for index in max(start ?? absorbed, absorbed)..<sim.log.count { observe(sim.log[index].effect) }
            absorbed = sim.log.count
        }

        mutating func observe(_ effect: RoutingEffect) {
            switch effect {
            case let .ring(call, leg):
                ringing[call, default: [:]][leg.leg] = leg.user
                if let user = leg.user, case .queue? = sim.engine.activeCall(call)?.target {
                    queueLegs[user, default: []].insert(call)
                    if queueLegs[user, default: []].count > 1 { violations.append("\(user) rings for \(queueLegs[user] ?? [])") }
                }
            case let .cancelRing(call, leg): forget(call, leg)
            case let .connect(call, leg):
                forget(call, leg)
                connected.insert(call)
                clearQueueLegs(call)
            case let .dialOut(call, _, _): connected.insert(call)
            case let .finished(record):
                if !finished.insert(record.call).inserted { finishedTwice.insert(record.call) }
                connected.remove(record.call)
                ringing[record.call] = nil
                clearQueueLegs(record.call)
            case let .queueEvent(queue, event):
                var counts = queueCounts[queue] ?? (0, 0, 0, 0)
                switch event {
                case .joined: counts.joined += 1
                case .answered: counts.answered += 1
                case .abandoned: counts.abandoned += 1
                case .diverted: counts.diverted += 1
                case .completed: break
                }
                queueCounts[queue] = counts
            default: break
            }
        }

        mutating func forget(_ call: CallID, _ leg: LegID) {
            if let user = ringing[call]?[leg] ?? nil, ringing[call]?.values.contains(where: { $0 == user }) == true {
                ringing[call]?[leg] = nil
                if ringing[call]?.values.contains(where: { $0 == user }) != true { queueLegs[user]?.remove(call) }
            } else {
                ringing[call]?[leg] = nil
            }
        }

        mutating func clearQueueLegs(_ call: CallID) {
            for user in queueLegs.keys { queueLegs[user]?.remove(call) }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { isEmpty ? nil : self[index % count] }
}
