import Foundation

/// What the routing engine decides; the shell executes it through a call front end and records it.
public enum RoutingEffect: Sendable, Equatable {
    /// Ring one terminal or number for the call.
    case ring(CallID, RingLeg)
    /// Stop ringing a leg (answered elsewhere, timed out, or the caller left).
    case cancelRing(CallID, LegID)
    /// Connect the caller with the answered leg.
    case connect(CallID, LegID)
    /// Play a message to the caller.
    case play(CallID, Announcement)
    /// Hold the caller in a queue (music on hold) until a decision follows.
    case hold(CallID, QueueID)
    /// Send the call to another number, saying why.
    case divert(CallID, to: String, reason: DivertReason)
    /// Send the call to the user's voicemail with the caller-facing presence (PRES-9).
    case voicemail(CallID, UserID, presence: CallerFacingPresence)
    /// Place the call out to a number with the chosen caller ID.
    case dialOut(CallID, to: String, callerID: String)
    /// Release the caller's line without ending the queue entry (callback in queue).
    case releaseCaller(CallID)
    /// Refuse the call.
    case reject(CallID, reason: String)
    /// Set a timer.
    case wake(RoutingTimer, at: Date)
    /// Drop a timer that is no longer needed.
    case cancelWake(RoutingTimer)
    /// A user's call log gains an entry (LOG-1..3).
    indirect case log(CallLogEntry)
    /// A call is over; its record for storage and statistics.
    indirect case finished(CallRecord)
    /// A user's phone state changed (PRES-6).
    case phoneState(UserID, inCall: Bool)
    /// An agent's state changed.
    case agentState(UserID, AgentStatus)
    /// An agent was logged out of every queue, saying why (ACD-4 auto-logout or by hand).
    case agentLoggedOut(UserID, LogoutReason)
    /// A queue opened or closed to new calls.
    case queueState(QueueID, QueueAvailability)
    /// An agent asked for the supervisor (ACD-5).
    case supervisorRequested(agent: UserID, call: CallID?, queue: QueueID?)
    /// A queue event for statistics (joined, answered, abandoned, diverted, completed).
    case queueEvent(QueueID, QueueEvent)
}

/// One leg to ring.
public struct RingLeg: Sendable, Equatable, Codable {
    /// The leg's number within the call.
    public var leg: LegID
    /// The user rung, if the leg goes to a user.
    public var user: UserID?
    /// Which of the user's terminals.
    public var terminal: Terminal?
    /// The number to ring when the terminal is a mobile or the leg goes outside.
    public var number: String?
    /// How long it may ring.
    public var seconds: Int
    /// What the ringing terminal should display as caller.
    public var display: String

    /// Creates a leg.
    public init(leg: LegID, user: UserID?, terminal: Terminal?, number: String?, seconds: Int, display: String) {
        self.leg = leg
        self.user = user
        self.terminal = terminal
        self.number = number
        self.seconds = seconds
        self.display = display
    }
}

/// A message played to a caller.
public enum Announcement: Sendable, Equatable, Codable {
    /// A recorded message by name (welcome, queue message, closed message …).
    case message(String)
    /// Position in the queue (1 = next).
    case position(Int)
    /// Estimated wait in seconds, already rounded for speech.
    case estimatedWait(Int)
}

/// Why a call was diverted.
public enum DivertReason: String, Sendable, Equatable, Codable, CaseIterable {
    case emergency
    case forward
    case noAnswer = "no_answer"
    case busy
    case `operator`
    case rush
    case timeout
    case noAgents = "no_agents"
    case night
    case huntOverflow = "hunt_overflow"
    case transfer
}

/// The caller-facing part of a user's presence: activity and until-time, never the note.
public struct CallerFacingPresence: Sendable, Equatable, Codable {
    /// The activity.
    public var activity: ActivityID
    /// Until when, if known.
    public var until: Date?
    /// What the greeting says, in English, Swedish and Finnish (PRES-9), in the tenant's time zone.
    public var phrases: [PresencePhrase]

    /// Creates the caller-facing presence.
    public init(activity: ActivityID, until: Date?, phrases: [PresencePhrase] = []) {
        self.activity = activity
        self.until = until
        self.phrases = phrases
    }
}

/// Whether a queue takes new calls.
public enum QueueAvailability: Sendable, Equatable, Codable {
    case open
    /// Closed by rush overflow: waiting count or longest wait reached the limits.
    case closedByRush(waiting: Int, longestWaitSeconds: Int)
}

/// A queue event for statistics; every offered call later gets exactly one of answered, abandoned
/// or diverted (so joined = answered + abandoned + diverted + waiting now).
public enum QueueEvent: Sendable, Equatable, Codable {
    /// A call was offered to the queue (it may be diverted at once by night, rush or no agents).
    case joined
    case answered(waited: TimeInterval, agent: UserID)
    case abandoned(waited: TimeInterval)
    case diverted(DivertReason, waited: TimeInterval)
    case completed(talked: TimeInterval, agent: UserID)
}
