import Foundation

/// A call the engine is routing.
struct CallState: Sendable, Equatable {
    var id: CallID
    var from: String
    var to: String
    var fromUser: UserID?
    var priority: Int
    var offeredAt: Date
    var target: CallTarget
    var mode: CallMode
    var legs = LegTable()
    var nextLeg: LegID = 1
    var answeredLeg: LegID?
    var answeredBy: UserID?
    var answeredAt: Date?
    /// Users rung for this call who did not answer (hunt-group missed entries, LOG-3).
    var rungUsers: [UserID] = []
    /// Users this call keeps in a call (PRES-6), released when it ends.
    var participants: [UserID] = []

    mutating func addLeg(_ leg: LegState) -> LegID {
        let id = nextLeg
        nextLeg += 1
        legs[id] = leg
        return id
    }
}

/// What a call is doing.
enum CallMode: Sendable, Equatable {
    /// Ringing a user by their personal rule.
    indirect case personal(UserID, PersonalRule)
    /// Waiting in the user's personal queue until their call ends.
    indirect case personalQueued(UserID, PersonalRule)
    /// In an ACD queue.
    case queue(QueueID)
    /// Ringing a hunt group.
    indirect case hunt(HuntGroupID, HuntProgress)
    /// Placed out by a user.
    case outgoing(UserID)
    /// ROUTE-5: ringing the user's own phone first, then dialling `to`.
    case clickToCall(UserID, to: String)
    /// Diverted to an emergency centre.
    case emergency
}

/// Where a hunt-group call is in its ringing order.
struct HuntProgress: Sendable, Equatable {
    var order: [UserID]
    var index: Int = 0
    var round: Int = 1
}

/// One ringing leg.
struct LegState: Sendable, Equatable {
    var user: UserID?
    var terminal: Terminal?
    var number: String?
}

/// A caller waiting in a queue.
struct QueueEntry: Sendable, Equatable {
    var call: CallID
    var queue: QueueID
    var joinedAt: Date
    var priority: Int
    var firstOfferAt: Date?
    var callback: Bool = false
    /// Something rings for this caller now (kept with the call's legs), so the scheduler skips them.
    var ringing = false
    /// Agent slots already offered this caller in the current pass; others are preferred.
    var tried: [Int] = []
    var lastAnnouncedWait: Int?
}

/// A queue's live state, kept at the queue's position in the plan.
struct QueueRuntime: Sendable, Equatable {
    /// Waiting callers in join order.
    var waiting: [QueueEntry] = []
    var availability: QueueAvailability = .open
    /// Slots of the agents logged in to the queue.
    var members: [Int] = []
    /// Slots of the members who could take a call now and meet the skill requirement: "can this queue
    /// pair anyone?" is one look, and a step costs what it touches, not the tenant's size.
    var free: [Int] = []
    /// Members able to take the queue's calls by presence and skill, busy or not; nil until counted.
    var eligibleCount: Int?
    /// Recent handle times, seconds (the wait estimate's basis).
    var handleTimes: [TimeInterval] = []
    /// Listed for the next dispatch.
    var dirty = false
}

/// An agent's live state (a user logged in to at least one queue, or who was), kept in a slot that never
/// moves so the scheduler works with small integers instead of hashed ids.
struct AgentRuntime: Sendable, Equatable {
    var user: UserID
    /// Positions of the queues the agent is logged in to, ascending (plan order).
    var queues: [Int] = []
    /// Of those, the queues whose skill requirement the agent meets.
    var eligibleQueues: [Int] = []
    /// The agent's level in each eligible queue's required skill (0 without one), for the skill strategy.
    var skillLevels: [Int] = []
    /// End of the last call, or login; the longest-idle strategy orders by it.
    var idleSince: Date
    var ringing: (call: CallID, leg: LegID)?
    var wrapUpUntil: Date?
    var unanswered: Int = 0
    var lastStatus: AgentStatus = .loggedOut
    /// Whether the agent's activity lets them take queue calls (kept with presence and the catalogue).
    var present = false
    /// In a call now (kept with the engine's `inCall`).
    var inCall = false
    /// Listed in the free lists of the eligible queues.
    var free = false
    /// Listed for this step's re-examination and status publication.
    var touched = false

    static func == (lhs: AgentRuntime, rhs: AgentRuntime) -> Bool {
        lhs.user == rhs.user && lhs.queues == rhs.queues && lhs.eligibleQueues == rhs.eligibleQueues && lhs.skillLevels == rhs.skillLevels && lhs.idleSince == rhs.idleSince
            && lhs.ringing?.call == rhs.ringing?.call && lhs.ringing?.leg == rhs.ringing?.leg && lhs.wrapUpUntil == rhs.wrapUpUntil
            && lhs.unanswered == rhs.unanswered && lhs.lastStatus == rhs.lastStatus && lhs.present == rhs.present
            && lhs.inCall == rhs.inCall && lhs.free == rhs.free && lhs.touched == rhs.touched
    }
}

extension Array where Element == Int {
    /// Inserts `value` keeping the array ascending and free of repeats.
    mutating func insertSorted(_ value: Int) {
        var index = endIndex
        while index > startIndex, self[index - 1] >= value {
            if self[index - 1] == value { return }
            index -= 1
        }
        insert(value, at: index)
    }

    /// Removes `value` where it is (lists here are short: one agent's queues, one queue's free agents).
    mutating func removeValue(_ value: Int) {
        if let index = firstIndex(of: value) { remove(at: index) }
    }
}

/// A small seeded generator (SplitMix64) so random distribution repeats in tests and replays.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: UInt64
    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
