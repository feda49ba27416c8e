import Foundation
import HubCore

/// A tiny shell for engine tests: applies inputs at given seconds, keeps the timers the engine asks
/// for and fires them when the clock passes them, and records every effect with its time.
struct RoutingSimulation {
    static let epoch = Date(timeIntervalSince1970: 1_795_000_000)

    var engine: RoutingEngine
    var now: Date = RoutingSimulation.epoch
    var timers: [RoutingTimer: Date] = [:]
    var log: [(at: TimeInterval, effect: RoutingEffect)] = []

    init(plan: RoutingPlan, users: [RoutingUser], seed: UInt64 = 7) {
        engine = RoutingEngine(plan: plan, users: users, seed: seed)
    }

    /// Seconds since the epoch of the simulation.
    var seconds: TimeInterval { now.timeIntervalSince(Self.epoch) }

    /// Moves the clock to `second`, firing due timers in time order on the way.
    mutating func advance(to second: TimeInterval) {
        let target = Self.epoch + second
        while let (timer, due) = timers.filter({ $0.value <= target }).min(by: { ($0.value, "\($0.key)") < ($1.value, "\($1.key)") }) {
            timers[timer] = nil
            now = max(now, due)
            record(engine.handle(.timer(timer), at: now))
        }
        now = max(now, target)
    }

    /// Applies `input` at `second` (after firing earlier timers) and returns its effects.
    @discardableResult
    mutating func at(_ second: TimeInterval, _ input: RoutingInput) -> [RoutingEffect] {
        advance(to: second)
        let effects = engine.handle(input, at: now)
        record(effects)
        return effects
    }

    mutating func record(_ effects: [RoutingEffect]) {
        for effect in effects {
            log.append((seconds, effect))
            switch effect {
            case let .wake(timer, at): timers[timer] = at
            case let .cancelWake(timer): timers[timer] = nil
            default: break
            }
        }
    }

    /// Effects recorded so far that match.
    func effects(where match: (RoutingEffect) -> Bool) -> [(at: TimeInterval, effect: RoutingEffect)] {
        log.filter { match($0.effect) }
    }

    /// Ring legs to `user` recorded so far, with their call and time.
    func rings(to user: UserID) -> [(at: TimeInterval, call: CallID, leg: RingLeg)] {
        log.compactMap { entry in
            if case let .ring(call, leg) = entry.effect, leg.user == user { return (entry.at, call, leg) }
            return nil
        }
    }

    /// Users rung so far, in ringing order.
    var rungUsers: [UserID] {
        log.compactMap { entry in
            if case let .ring(_, leg) = entry.effect { return leg.user }
            return nil
        }
    }

    /// The last ring leg to `user` for `call`.
    func leg(of user: UserID, in call: CallID) -> LegID? {
        rings(to: user).last { $0.call == call }?.leg.leg
    }

    /// The final record of `call`, if finished.
    func record(of call: CallID) -> CallRecord? {
        log.compactMap { if case let .finished(record) = $0.effect, record.call == call { record } else { nil } }.first
    }

    /// When `call` finished.
    func finishedAt(_ call: CallID) -> TimeInterval? {
        log.first { if case let .finished(record) = $0.effect { record.call == call } else { false } }?.at
    }

    /// Call-log entries for `user`.
    func callLog(of user: UserID) -> [CallLogEntry] {
        log.compactMap { if case let .log(entry) = $0.effect, entry.user == user { entry } else { nil } }
    }
}

/// Users and numbers shared by the routing tests.
enum Staff {
    static func user(_ id: UserID, _ n: Int, terminals: [Terminal] = [.softphone, .deskPhone], activity: ActivityID = "available",
                     basic: Bool = false) -> RoutingUser {
        RoutingUser(id: id, name: id.rawValue.capitalized, terminals: terminals, enterpriseNumber: "+35891000\(1000 + n)",
                    mobileNumber: "+35840100\(1000 + n)", isBasic: basic, activity: activity)
    }

    static let anna = user("anna", 1)
    static let bertil = user("bertil", 2)
    static let cecilia = user("cecilia", 3, terminals: [.mobile], basic: true)
    static let david = user("david", 4)
    static let eva = user("eva", 5, terminals: [.softphone])
    static let all = [anna, bertil, cecilia, david, eva]

    static func queue(_ id: QueueID = "support", number: String = "+358910002000", strategy: QueueStrategy = .ringAll,
                      ring: Int = 20, attempts: Int = 2, wrapUp: Int = 0, overflow: OverflowRules = OverflowRules(),
                      autoLogout: AutoLogoutPolicy = AutoLogoutPolicy(), skill: SkillRequirement? = nil,
                      terminals: [Terminal] = [.softphone], announcements: QueueAnnouncements = QueueAnnouncements(),
                      schedule: String? = nil, priority: Int = 0) -> QueueConfig {
        QueueConfig(id: id, name: id.rawValue.capitalized, number: number, strategy: strategy, ringSeconds: ring, attempts: attempts,
                    wrapUpSeconds: wrapUp, terminals: terminals, skill: skill, priority: priority, autoLogout: autoLogout,
                    overflow: overflow, announcements: announcements, schedule: schedule)
    }

    static func caller(_ id: CallID, to number: String, from: String = "+358501234567", priority: Int = 0) -> RoutingInput {
        .offer(IncomingCall(id: id, from: from, to: number, priority: priority))
    }
}

extension RoutingEffect {
    /// The call a divert effect diverts and why, for compact assertions.
    var divert: (CallID, String, DivertReason)? {
        if case let .divert(call, to, reason) = self { (call, to, reason) } else { nil }
    }
}
