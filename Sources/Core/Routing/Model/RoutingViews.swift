import Foundation

/// A call in progress as supervisors, operators and the call-control API see it.
public struct ActiveCall: Sendable, Equatable, Codable {
    /// The call.
    public var id: CallID
    /// Caller number.
    public var from: String
    /// Dialled number.
    public var to: String
    /// What the number led to.
    public var target: CallTarget
    /// Where the call is now.
    public var state: State
    /// When it was offered.
    public var offeredAt: Date
    /// When it was answered.
    public var answeredAt: Date?
    /// Users being rung now.
    public var ringing: [UserID]

    /// Where a call is.
    public enum State: Sendable, Equatable, Codable {
        case ringing
        case waiting(queue: QueueID, position: Int, callback: Bool)
        case personalQueue(UserID)
        case connected(UserID?)
    }
}

/// A queue's live state (ACD-10).
public struct QueueSnapshot: Sendable, Equatable, Codable {
    /// The queue.
    public var id: QueueID
    /// Open, or closed by rush.
    public var availability: QueueAvailability
    /// Whether time control has it closed now.
    public var closedBySchedule: Bool
    /// Waiting callers, next first.
    public var waiting: [WaitingCaller]
    /// Logged-in agents with their states.
    public var agents: [AgentSnapshot]

    /// One waiting caller.
    public struct WaitingCaller: Sendable, Equatable, Codable {
        /// The call.
        public var call: CallID
        /// Caller number.
        public var from: String
        /// Seconds waited so far.
        public var waitedSeconds: Int
        /// Whether they asked for a callback.
        public var callback: Bool
    }
}

/// An agent's live state.
public struct AgentSnapshot: Sendable, Equatable, Codable {
    /// The agent.
    public var user: UserID
    /// What they are doing.
    public var status: AgentStatus
    /// Queues they are logged in to.
    public var queues: [QueueID]
    /// Consecutive unanswered offers counted towards auto-logout.
    public var unansweredInARow: Int
}
