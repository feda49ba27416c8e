import Foundation

/// An event the hub publishes to stream subscribers and observing plugins, scoped to one tenant.
public struct HubEvent: Codable, Sendable, Equatable {
    /// Monotonic sequence number across the hub, so clients can spot gaps.
    public var sequence: UInt64
    /// The tenant the event belongs to; only that tenant's subscribers receive it.
    public var tenant: TenantID
    /// When the event happened.
    public var at: Date
    /// What happened, with its data.
    public var payload: Payload

    /// What happened.
    public enum Payload: Sendable, Equatable {
        case presenceChanged(PresenceChange)
        case userChanged(UserID)
        case userRemoved(UserID)
        /// A message in the outbox changed status (`message.status`).
        case messageStatus(MessageStatusChange)
        /// An SMS arrived at one of the tenant's gateways (`sms.received`).
        case smsReceived(IncomingSMS)
        /// A call, agent, queue or phone-state event from the routing engine.
        case routing(RoutingEvent)
        /// The tenant's activities or roles changed (`catalogue.changed`); fetch them again.
        case catalogueChanged
    }

    /// Creates an event with its hub sequence number, tenant, time and payload.
    public init(sequence: UInt64, tenant: TenantID, at: Date, payload: Payload) {
        self.sequence = sequence
        self.tenant = tenant
        self.at = at
        self.payload = payload
    }

    /// The event type as written on the wire (`presence.changed` …).
    public var type: String {
        switch payload {
        case .presenceChanged: "presence.changed"
        case .userChanged: "user.changed"
        case .userRemoved: "user.removed"
        case .messageStatus: "message.status"
        case .smsReceived: "sms.received"
        case let .routing(event): event.type
        case .catalogueChanged: "catalogue.changed"
        }
    }

    private enum CodingKeys: String, CodingKey { case sequence, tenant, at, type, presence, user, message, sms, routing }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(UInt64.self, forKey: .sequence)
        tenant = try container.decode(TenantID.self, forKey: .tenant)
        at = try container.decode(Date.self, forKey: .at)
        switch try container.decode(String.self, forKey: .type) {
        case "presence.changed": payload = .presenceChanged(try container.decode(PresenceChange.self, forKey: .presence))
        case "user.changed": payload = .userChanged(try container.decode(UserID.self, forKey: .user))
        case "user.removed": payload = .userRemoved(try container.decode(UserID.self, forKey: .user))
        case "message.status": payload = .messageStatus(try container.decode(MessageStatusChange.self, forKey: .message))
        case "sms.received": payload = .smsReceived(try container.decode(IncomingSMS.self, forKey: .sms))
        case "catalogue.changed": payload = .catalogueChanged
        case let other where RoutingEvent.types.contains(other):
            payload = .routing(try container.decode(RoutingEvent.self, forKey: .routing))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown event type '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(at, forKey: .at)
        try container.encode(type, forKey: .type)
        switch payload {
        case let .presenceChanged(change): try container.encode(change, forKey: .presence)
        case let .userChanged(user), let .userRemoved(user): try container.encode(user, forKey: .user)
        case let .messageStatus(change): try container.encode(change, forKey: .message)
        case let .smsReceived(sms): try container.encode(sms, forKey: .sms)
        case let .routing(event): try container.encode(event, forKey: .routing)
        case .catalogueChanged: break
        }
    }
}
