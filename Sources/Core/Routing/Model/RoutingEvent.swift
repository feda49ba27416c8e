import Foundation

/// A routing happening as the event stream carries it (`call.decision`, `call.finished`,
/// `phone.changed`, `agent.changed`, `agent.logged_out`, `queue.changed`, `supervisor.requested`).
public struct RoutingEvent: Sendable, Equatable, Codable {
    /// The event type on the wire.
    public var type: String
    /// The call concerned.
    public var call: CallID?
    /// The user or agent concerned.
    public var user: UserID?
    /// The queue concerned.
    public var queue: QueueID?
    /// What the engine decided for a call.
    public var decision: CallDecision?
    /// The finished call's record.
    public var record: CallRecord?
    /// Whether the user is in a call now (PRES-6).
    public var inCall: Bool?
    /// The agent's new status.
    public var status: AgentStatus?
    /// Why an agent was logged out.
    public var reason: LogoutReason?
    /// Whether a queue takes new calls.
    public var availability: QueueAvailability?

    /// Creates an event of `type`; the other fields say what it is about.
    public init(type: String, call: CallID? = nil, user: UserID? = nil, queue: QueueID? = nil, decision: CallDecision? = nil,
                record: CallRecord? = nil, inCall: Bool? = nil, status: AgentStatus? = nil, reason: LogoutReason? = nil,
                availability: QueueAvailability? = nil) {
        self.type = type
        self.call = call
        self.user = user
        self.queue = queue
        self.decision = decision
        self.record = record
        self.inCall = inCall
        self.status = status
        self.reason = reason
        self.availability = availability
    }

    /// The event types this struct carries.
    public static let types: Set<String> = [
        "call.decision", "call.finished", "phone.changed", "agent.changed", "agent.logged_out", "queue.changed", "supervisor.requested",
    ]

    /// The stream event for an effect, or nil for effects that stay inside the hub (timers, log lines, statistics).
    public init?(_ effect: RoutingEffect) {
        switch effect {
        case let .finished(record): self.init(type: "call.finished", call: record.call, record: record)
        case let .phoneState(user, inCall): self.init(type: "phone.changed", user: user, inCall: inCall)
        case let .agentState(user, status): self.init(type: "agent.changed", user: user, status: status)
        case let .agentLoggedOut(user, reason): self.init(type: "agent.logged_out", user: user, reason: reason)
        case let .queueState(queue, availability): self.init(type: "queue.changed", queue: queue, availability: availability)
        case let .supervisorRequested(agent, call, queue): self.init(type: "supervisor.requested", call: call, user: agent, queue: queue)
        case .wake, .cancelWake, .log, .queueEvent: return nil
        default:
            guard let (call, decision) = CallDecision.of(effect) else { return nil }
            self.init(type: "call.decision", call: call, decision: decision)
        }
    }
}

/// One decision about a call, as front ends and the call-control API see it.
public struct CallDecision: Sendable, Equatable, Codable {
    /// `ring`, `cancel_ring`, `connect`, `play`, `hold`, `divert`, `voicemail`, `dial_out`, `release_caller` or `reject`.
    public var action: String
    /// The leg to ring, with its terminal, number and time.
    public var ring: RingLeg?
    /// The leg concerned (cancel, connect).
    public var leg: LegID?
    /// What to play.
    public var announcement: Announcement?
    /// The queue holding the caller.
    public var queue: QueueID?
    /// Where to divert or dial.
    public var to: String?
    /// Why diverted or rejected.
    public var reason: String?
    /// Whose voicemail.
    public var user: UserID?
    /// The caller-facing presence for the voicemail greeting (PRES-9).
    public var presence: CallerFacingPresence?
    /// The caller ID of an outgoing leg.
    public var callerID: String?

    /// Creates a decision.
    public init(action: String, ring: RingLeg? = nil, leg: LegID? = nil, announcement: Announcement? = nil, queue: QueueID? = nil,
                to: String? = nil, reason: String? = nil, user: UserID? = nil, presence: CallerFacingPresence? = nil, callerID: String? = nil) {
        self.action = action
        self.ring = ring
        self.leg = leg
        self.announcement = announcement
        self.queue = queue
        self.to = to
        self.reason = reason
        self.user = user
        self.presence = presence
        self.callerID = callerID
    }

    /// The call and decision an effect carries, if it is a decision about a call.
    public static func of(_ effect: RoutingEffect) -> (CallID, CallDecision)? {
        switch effect {
        case let .ring(call, leg): (call, CallDecision(action: "ring", ring: leg, leg: leg.leg))
        case let .cancelRing(call, leg): (call, CallDecision(action: "cancel_ring", leg: leg))
        case let .connect(call, leg): (call, CallDecision(action: "connect", leg: leg))
        case let .play(call, announcement): (call, CallDecision(action: "play", announcement: announcement))
        case let .hold(call, queue): (call, CallDecision(action: "hold", queue: queue))
        case let .divert(call, to, reason): (call, CallDecision(action: "divert", to: to, reason: reason.rawValue))
        case let .voicemail(call, user, presence): (call, CallDecision(action: "voicemail", user: user, presence: presence))
        case let .dialOut(call, to, callerID): (call, CallDecision(action: "dial_out", to: to, callerID: callerID))
        case let .releaseCaller(call): (call, CallDecision(action: "release_caller"))
        case let .reject(call, reason): (call, CallDecision(action: "reject", reason: reason))
        default: nil
        }
    }
}
