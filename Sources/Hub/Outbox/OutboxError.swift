import HubCore

/// Why the outbox refused a request.
enum OutboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The idempotency key was used before with different content (the earlier message's id).
    case idempotencyKeyReused(MessageID)
    /// No such message in the tenant.
    case unknownMessage(MessageID)
    /// The store failed.
    case storage(String)

    var description: String {
        switch self {
        case let .idempotencyKeyReused(id): "the Idempotency-Key was used before for message \(id) with a different request body"
        case let .unknownMessage(id): "no message '\(id)'"
        case let .storage(message): message
        }
    }
}

/// A message to accept into the outbox, already validated.
struct MessageRequest: Sendable {
    var tenant: TenantID
    var content: OutboundMessage.Content
    var senderUser: UserID?
    var idempotencyKey: String?
    var requestHash: String?
    /// Planned SMS parts (0 when unknown or for e-mail).
    var parts: Int = 0
}
