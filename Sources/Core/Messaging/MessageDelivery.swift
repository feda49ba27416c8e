import Foundation

/// What a gateway says about one delivery attempt.
public enum DeliveryOutcome: Sendable, Equatable, Codable {
    /// The gateway accepted the message; `reference` is its id for matching delivery receipts
    /// (SMPP message_id, Kannel's dlr id, SMTP queue id); `parts` counts SMS parts for billing.
    case sent(reference: String?, parts: Int)
    /// A temporary failure (gateway down, throttled, timeout): the outbox retries with capped backoff,
    /// not before `retryAfter` when given.
    case retry(reason: String, retryAfter: Duration?)
    /// A permanent failure (invalid number, rejected sender, message too long): never retried.
    case failed(reason: String)
}

/// A later status of a sent message, from a delivery receipt.
public struct DeliveryReport: Sendable, Equatable, Codable {
    /// The gateway reference that ``DeliveryOutcome/sent(reference:parts:)`` returned.
    public var reference: String
    /// The final state the receipt reports.
    public var state: State
    /// The gateway's own words (SMPP `stat:`/`err:`, Kannel's dlr text).
    public var detail: String?

    /// Final states a receipt can report.
    public enum State: String, Sendable, Codable {
        case delivered
        case failed
        case expired
    }

    /// Creates a report.
    public init(reference: String, state: State, detail: String? = nil) {
        self.reference = reference
        self.state = state
        self.detail = detail
    }
}

/// An SMS that arrived at a gateway for the tenant.
public struct IncomingSMS: Sendable, Equatable, Codable {
    /// Sender in E.164 where the gateway gives a number.
    public var from: String
    /// The number it was sent to (a user's or queue's number).
    public var to: String
    /// The decoded text (concatenated parts joined).
    public var text: String
    /// When the gateway received it.
    public var receivedAt: Date

    /// Creates an incoming SMS.
    public init(from: String, to: String, text: String, receivedAt: Date) {
        self.from = from
        self.to = to
        self.text = text
        self.receivedAt = receivedAt
    }
}

/// The hub's outbox as a message-gateway plugin sees it: a queue of messages for this instance's
/// tenant and channel. A gateway takes one, tries it, and reports the outcome; the outbox owns
/// durability, retries and backoff.
public protocol OutboundMessageQueue: Sendable {
    /// The next message to deliver; waits until one is due; nil when the plugin is stopping.
    func next() async -> OutboundMessage?
    /// Records the outcome of the attempt on `message`; durable when it returns.
    func report(_ message: MessageID, outcome: DeliveryOutcome) async throws
}

/// A queue that never yields a message, for plugins without the message-gateway role and for tests.
public struct NoOutboundMessages: OutboundMessageQueue {
    /// Creates the empty queue.
    public init() {}
    public func next() async -> OutboundMessage? {
        // Waits until cancelled, like an empty outbox would.
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        return nil
    }
    public func report(_ message: MessageID, outcome: DeliveryOutcome) async throws {}
}
