import Foundation

/// Something that happened to calls, agents or presence; the routing engine's input.
public enum RoutingInput: Sendable, Equatable {
    /// A call arrives at one of the tenant's numbers (from outside, or from a user's terminal).
    case offer(IncomingCall)
    /// A user dials a number from one of their terminals.
    case dial(OutgoingCall)
    /// A user asks the hub to ring their own phone first and then connect `to` (ROUTE-5).
    case clickToCall(call: CallID, user: UserID, terminal: Terminal, to: String)
    /// A leg the engine asked to ring is ringing at the terminal.
    case legRinging(CallID, LegID)
    /// A leg was answered.
    case legAnswered(CallID, LegID)
    /// A leg ended without answer.
    case legFailed(CallID, LegID, LegFailure)
    /// The caller hung up before being connected (abandoned when in a queue).
    case callerHungUp(CallID)
    /// A connected call ended (either side hung up).
    case callEnded(CallID)
    /// A connected call was transferred to another number by its answerer.
    case transferred(CallID, to: String)
    /// A caller waiting in a queue chose to be called back, keeping their place.
    case requestCallback(CallID)
    /// An agent logs in to a queue (the shell has checked the licence).
    case agentLogin(UserID, QueueID)
    /// An agent logs out of one queue, or of all when nil.
    case agentLogout(UserID, QueueID?)
    /// A user's presence activity, role or until-time changed.
    case presence(UserID, activity: ActivityID, role: RoleID, until: Date? = nil)
    /// An agent asks the supervisor for help during a call (ACD-5).
    case requestSupervisor(UserID)
    /// A timer the engine asked for has come due.
    case timer(RoutingTimer)
}

/// An incoming call as a front end reports it.
public struct IncomingCall: Sendable, Equatable, Codable {
    /// The call's id.
    public var id: CallID
    /// The caller's number as received (E.164 where known).
    public var from: String
    /// The dialled number (E.164).
    public var to: String
    /// The calling user when the call comes from one of the tenant's own terminals.
    public var fromUser: UserID?
    /// Queue priority of the caller (higher first); 0 normally.
    public var priority: Int

    /// Creates an incoming call.
    public init(id: CallID, from: String, to: String, fromUser: UserID? = nil, priority: Int = 0) {
        self.id = id
        self.from = from
        self.to = to
        self.fromUser = fromUser
        self.priority = priority
    }
}

/// A call a user places from a terminal.
public struct OutgoingCall: Sendable, Equatable, Codable {
    /// The call's id.
    public var id: CallID
    /// Who dials.
    public var user: UserID
    /// From which terminal.
    public var terminal: Terminal
    /// The dialled digits or number.
    public var to: String

    /// Creates an outgoing call.
    public init(id: CallID, user: UserID, terminal: Terminal, to: String) {
        self.id = id
        self.user = user
        self.terminal = terminal
        self.to = to
    }
}

/// Why a leg ended unanswered.
public enum LegFailure: String, Sendable, Equatable, Codable, CaseIterable {
    case busy
    case rejected
    case noAnswer = "no_answer"
    case unreachable
}

/// A timer the engine sets; the shell calls back with `.timer` when it is due.
public enum RoutingTimer: Sendable, Hashable, Codable {
    /// A leg has rung its time.
    case ring(CallID, LegID)
    /// A personal call has rung its no-answer time on every terminal.
    case personalNoAnswer(CallID)
    /// A queue call has rung ring time × attempts unanswered (ACD-9 d).
    case queueNoAnswer(CallID)
    /// A queue caller has waited the queue's maximum time (ACD-9 b).
    case queueTimeout(CallID)
    /// Time for the next progress announcement to a queue caller.
    case progress(CallID)
    /// An agent's wrap-up ends.
    case wrapUp(UserID)
    /// The longest wait in a queue reaches its rush limit.
    case rushWait(QueueID)
    /// A hunt-group step (serial ringing) has rung its time.
    case huntStep(CallID)
}
