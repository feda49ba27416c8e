import Foundation

/// Where a message in the outbox stands.
public enum MessageStatus: String, Sendable, Codable, CaseIterable {
    /// Accepted and on disk; waiting for a gateway (first attempt or a retry after backoff).
    case queued
    /// A gateway instance has taken it and is trying it now.
    case sending
    /// The gateway accepted it (SMSC, provider or SMTP server said yes).
    case sent
    /// A delivery receipt said it reached the handset.
    case delivered
    /// Given up: a permanent error, an expired or failed receipt, or too many attempts.
    case failed

    /// Whether no further change is expected (a `sent` message may still get a receipt).
    public var isFinal: Bool { self == .delivered || self == .failed }
}

/// A change of a message's status, published on the tenant's event stream as `message.status`.
public struct MessageStatusChange: Sendable, Equatable, Codable {
    /// The outbox id.
    public var id: MessageID
    /// SMS or e-mail.
    public var channel: MessageChannel
    /// The new status.
    public var status: MessageStatus
    /// Delivery attempts so far.
    public var attempts: Int
    /// Why it failed or is being retried.
    public var reason: String?
    /// When the next attempt is due (queued messages only).
    public var nextAttemptAt: Date?

    /// Creates a status change.
    public init(id: MessageID, channel: MessageChannel, status: MessageStatus, attempts: Int, reason: String? = nil, nextAttemptAt: Date? = nil) {
        self.id = id
        self.channel = channel
        self.status = status
        self.attempts = attempts
        self.reason = reason
        self.nextAttemptAt = nextAttemptAt
    }
}
