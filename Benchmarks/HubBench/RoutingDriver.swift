import Foundation
import HubCore

/// Drives one `RoutingEngine` like a call front end would: applies inputs, and from the effects keeps
/// what the next realistic input can refer to (ringing legs, connected calls, waiting callers).
struct RoutingDriver {
    var engine: RoutingEngine
    var now = Date(timeIntervalSince1970: 1_795_000_000)
    /// Legs ringing now: call → (leg, user).
    var ringing: [CallID: [(leg: LegID, user: UserID?)]] = [:]
    /// Calls ringing now, for picking one at random in O(1).
    var ringingCalls = IndexedSet<CallID>()
    /// Connected calls that can end.
    var connected = IndexedSet<CallID>()
    /// Callers waiting in a queue (held, nothing ringing) who can hang up or hear a progress message.
    var waiting = IndexedSet<CallID>()
    /// Effects seen so far (decisions made).
    var effectCount = 0
    var nextCall = 0
    /// CPU time by input kind (count, nanoseconds), so a report can say which inputs cost what.
    var kinds: [String: (count: Int, nanoseconds: UInt64)] = [:]

    init(_ tenant: RoutingTenant) {
        engine = RoutingEngine(plan: tenant.plan, users: tenant.users, seed: 42)
    }

    /// Applies `input` one millisecond after the previous one and returns the nanoseconds `handle` took.
    @discardableResult
    mutating func apply(_ input: RoutingInput) -> UInt64 {
        now += 0.001
        let start = ThreadCPU.now()
        let effects = engine.handle(input, at: now)
        let elapsed = ThreadCPU.work(since: start)
        kinds[Self.kind(of: input), default: (0, 0)].count += 1
        kinds[Self.kind(of: input), default: (0, 0)].nanoseconds += elapsed
        track(effects)
        return elapsed
    }

    /// The input's case name, and the timer's for timers.
    static func kind(of input: RoutingInput) -> String {
        switch input {
        case .offer: "offer"
        case .dial: "dial"
        case .clickToCall: "click to call"
        case .legRinging: "leg ringing"
        case .legAnswered: "leg answered"
        case .legFailed: "leg failed"
        case .callerHungUp: "caller hung up"
        case .callEnded: "call ended"
        case .transferred: "transferred"
        case .requestCallback: "callback requested"
        case .agentLogin: "agent login"
        case .agentLogout: "agent logout"
        case .presence: "presence"
        case .requestSupervisor: "supervisor request"
        case let .timer(timer): "timer " + String(describing: timer).prefix { $0 != "(" }
        }
    }

    /// A fresh call id.
    mutating func newCall(_ prefix: String) -> CallID {
        nextCall += 1
        return CallID("\(prefix)\(nextCall)")
    }

    private mutating func track(_ effects: [RoutingEffect]) {
        effectCount += effects.count
        for effect in effects {
            switch effect {
            case let .ring(call, leg):
                ringing[call, default: []].append((leg.leg, leg.user))
                ringingCalls.insert(call)
                waiting.remove(call)
            case let .cancelRing(call, leg):
                ringing[call]?.removeAll { $0.leg == leg }
                if ringing[call]?.isEmpty == true { legsGone(call) }
            case let .connect(call, _):
                ringing[call] = nil
                ringingCalls.remove(call)
                waiting.remove(call)
                connected.insert(call)
            case let .hold(call, _):
                waiting.insert(call)
            case let .finished(record):
                ringing[record.call] = nil
                ringingCalls.remove(record.call)
                waiting.remove(record.call)
                connected.remove(record.call)
            default:
                break
            }
        }
    }

    private mutating func legsGone(_ call: CallID) {
        ringing[call] = nil
        ringingCalls.remove(call)
    }

    /// A leg failed or was answered by the driver: forget it before the engine says so.
    mutating func dropLeg(_ call: CallID, _ leg: LegID) {
        ringing[call]?.removeAll { $0.leg == leg }
        if ringing[call]?.isEmpty == true {
            legsGone(call)
            // A queue caller whose offer failed waits again until the engine rings someone else.
            waiting.insert(call)
        }
    }
}

/// A set with O(1) insert, remove and random pick (array + index map).
struct IndexedSet<Element: Hashable> {
    private(set) var items: [Element] = []
    private var index: [Element: Int] = [:]

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }

    mutating func insert(_ element: Element) {
        guard index[element] == nil else { return }
        index[element] = items.count
        items.append(element)
    }

    mutating func remove(_ element: Element) {
        guard let position = index.removeValue(forKey: element) else { return }
        let last = items.removeLast()
        if position < items.count {
            items[position] = last
            index[last] = position
        }
    }

    func contains(_ element: Element) -> Bool { index[element] != nil }

    /// A random element, or nil when empty.
    func random(using generator: inout SeededRandom) -> Element? {
        items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &generator)]
    }
}
