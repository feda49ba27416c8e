import Foundation

/// What an agent is doing, as supervisors see it; reasons recorded (ACD-6).
public enum AgentStatus: Sendable, Equatable, Codable {
    /// Not logged in to any queue.
    case loggedOut
    /// Logged in and free to take a call.
    case idle(since: Date)
    /// A queue or hunt-group call is ringing.
    case ringing(CallID)
    /// In a call.
    case inCall(CallID)
    /// Resting after a queue call until the given time (ACD-7).
    case wrapUp(until: Date)
    /// Logged in but receives no queue calls because of presence (ACD-6), with the activity.
    case unavailable(activity: ActivityID)
}

/// Why an agent was logged out.
public enum LogoutReason: String, Sendable, Equatable, Codable {
    case manual
    /// ACD-4: N offered calls in a row unanswered.
    case unansweredOffers = "unanswered_offers"
}
