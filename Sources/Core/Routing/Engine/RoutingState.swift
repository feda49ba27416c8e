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
    var legs: [LegID: LegState] = [:]
    var nextLeg: LegID = 1
    var answeredLeg: LegID?
    var answeredBy: UserID?
    var answeredAt: Date?
    /// Users rung for this call who did not answer (hunt-group missed entries, LOG-3).
    var rungUsers: [UserID] = []
    /// Users this call keeps in a call (PRES-6), released when it ends.
    var participants: Set<UserID> = []

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
    case personal(UserID, PersonalRule)
    /// Waiting in the user's personal queue until their call ends.
    case personalQueued(UserID, PersonalRule)
    /// In an ACD queue.
    case queue(QueueID)
    /// Ringing a hunt group.
    case hunt(HuntGroupID, HuntProgress)
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
    /// Agents already offered this caller in the current pass; others are preferred.
    var tried: Set<UserID> = []
    var lastAnnouncedWait: Int?
}

/// A queue's live state.
struct QueueRuntime: Sendable, Equatable {
    /// Waiting callers in join order.
    var waiting: [QueueEntry] = []
    var availability: QueueAvailability = .open
}

/// An agent's live state (a user logged in to at least one queue, or who was).
struct AgentRuntime: Sendable, Equatable {
    var queues: Set<QueueID> = []
    /// End of the last call, or login; the longest-idle strategy orders by it.
    var idleSince: Date
    var ringing: (call: CallID, leg: LegID)?
    var wrapUpUntil: Date?
    var unanswered: Int = 0
    var lastStatus: AgentStatus = .loggedOut
    /// Whether the agent's activity lets them take queue calls (kept with presence and the catalogue).
    var present = false

    static func == (lhs: AgentRuntime, rhs: AgentRuntime) -> Bool {
        lhs.queues == rhs.queues && lhs.idleSince == rhs.idleSince && lhs.ringing?.call == rhs.ringing?.call
            && lhs.ringing?.leg == rhs.ringing?.leg && lhs.wrapUpUntil == rhs.wrapUpUntil && lhs.unanswered == rhs.unanswered
            && lhs.lastStatus == rhs.lastStatus && lhs.present == rhs.present
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
