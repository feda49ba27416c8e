import Foundation
import HubCore

/// Brings a `RoutingTenant` into the benchmark's steady state (every agent busy, `waiting` callers in
/// the queues) and then feeds a realistic mix of call inputs.
struct RoutingWorkload {
    let tenant: RoutingTenant
    let waitingTarget: Int
    var driver: RoutingDriver
    var random = SeededRandom(seed: 2026)
    /// How far setup got, for the report when it overruns its budget.
    private(set) var setupProgress = ""

    init(tenant: RoutingTenant, waiting: Int) {
        self.tenant = tenant
        waitingTarget = waiting
        driver = RoutingDriver(tenant)
    }

    /// Every agent answers a personal call, logs in to their queues, then callers fill the queues.
    /// Returns false when `budget` nanoseconds of CPU run out first.
    mutating func setUp(budget: UInt64) -> Bool {
        let start = ThreadCPU.now()
        func overrun(_ phase: String, _ done: Int, _ of: Int) -> Bool {
            guard ThreadCPU.since(start) > budget else { return false }
            setupProgress = "\(phase) \(Format.count(done)) of \(Format.count(of))"
            return true
        }
        // Busy agents first, while nobody is logged in: that is the cheap order for the engine.
        for (index, user) in tenant.users.enumerated() {
            busy(user)
            if index % 256 == 0, overrun("busy agents", index, tenant.agentCount) { return false }
        }
        var logins = 0
        let totalLogins = tenant.memberships.reduce(0) { $0 + $1.1.count }
        for (user, queues) in tenant.memberships {
            for queue in queues {
                driver.apply(.agentLogin(user, queue))
                logins += 1
                if logins % 64 == 0, overrun("logins", logins, totalLogins) { return false }
            }
        }
        for index in 0..<waitingTarget {
            offer(queue: index % tenant.queueCount)
            if index % 16 == 0, overrun("waiting callers", index, waitingTarget) { return false }
        }
        return true
    }

    /// Puts `user` in a connected personal call.
    mutating func busy(_ user: RoutingUser) {
        let call = driver.newCall("p")
        driver.apply(.offer(IncomingCall(id: call, from: "+35850" + RoutingTenant.digits(driver.nextCall, 7), to: user.enterpriseNumber ?? "")))
        if let leg = driver.ringing[call]?.first?.leg { driver.apply(.legAnswered(call, leg)) }
    }

    /// For the memory table: one agent, logged in to every queue, busy.
    mutating func busyLoneAgent() {
        guard let agent = tenant.users.first else { return }
        busy(agent)
        for index in 0..<tenant.queueCount { driver.apply(.agentLogin(agent.id, RoutingTenant.queue(index))) }
    }

    /// Offers a new outside call to queue `index`; returns the nanoseconds it took.
    @discardableResult
    mutating func offer(queue index: Int) -> UInt64 {
        let call = driver.newCall("c")
        let number = tenant.plan.queues[index].number
        return driver.apply(.offer(IncomingCall(id: call, from: "+35850" + RoutingTenant.digits(driver.nextCall, 7), to: number)))
    }

    /// Feeds up to `steps` inputs of the mix (or until `budget` nanoseconds of CPU time); returns each one's time.
    mutating func measure(steps: Int, budget: UInt64) -> [UInt64] {
        var samples: [UInt64] = []
        samples.reserveCapacity(steps)
        let start = ThreadCPU.now()
        while samples.count < steps && (samples.count % 64 != 0 || ThreadCPU.since(start) < budget) {
            samples.append(step())
        }
        return samples
    }

    /// One input of the mix; falls back to a new call when the chosen kind has nothing to act on.
    private mutating func step() -> UInt64 {
        let roll = Int.random(in: 0..<100, using: &random)
        // Held between the target and 10% above it, so the goal's waiting count is a floor, not a peak.
        let queueFull = driver.waiting.count >= waitingTarget * 11 / 10
        switch roll {
        case 0..<20 where !queueFull:
            return offer(queue: Int.random(in: 0..<tenant.queueCount, using: &random))
        case 0..<38:
            if let call = driver.connected.random(using: &random) { return driver.apply(.callEnded(call)) }
        case 38..<56:
            if let (call, leg) = ringingLeg() { return driver.apply(.legAnswered(call, leg)) }
        case 56..<66:
            if let (call, leg) = ringingLeg() { return driver.apply(.legRinging(call, leg)) }
        case 66..<76:
            if let call = driver.waiting.random(using: &random) { return driver.apply(.timer(.progress(call))) }
        case 76..<84:
            if let (call, leg) = ringingLeg() {
                driver.dropLeg(call, leg)
                return driver.apply(.legFailed(call, leg, roll % 3 == 0 ? .busy : .noAnswer))
            }
        case 84..<88:
            if let (call, leg) = ringingLeg() {
                driver.dropLeg(call, leg)
                return driver.apply(.timer(.ring(call, leg)))
            }
        default:
            if driver.waiting.count > waitingTarget, let call = driver.waiting.random(using: &random) {
                return driver.apply(.callerHungUp(call))
            }
        }
        return offer(queue: Int.random(in: 0..<tenant.queueCount, using: &random))
    }

    private mutating func ringingLeg() -> (CallID, LegID)? {
        guard let call = driver.ringingCalls.random(using: &random), let legs = driver.ringing[call], !legs.isEmpty else { return nil }
        return (call, legs[Int.random(in: 0..<legs.count, using: &random)].leg)
    }
}
