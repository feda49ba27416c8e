import Foundation
import HubCore
import HubPluginSupport

extension ExecProtocol {
    /// Limits the hub applies to the child's output, announced in `hello`.
    public struct Limits: Sendable, Equatable, Encodable {
        /// Longest stdout or stderr line kept whole.
        public var maxLineBytes: Int
        /// Lines per second accepted per stream.
        public var maxLinesPerSecond: Int

        /// Creates limits.
        public init(maxLineBytes: Int, maxLinesPerSecond: Int) {
            self.maxLineBytes = maxLineBytes
            self.maxLinesPerSecond = maxLinesPerSecond
        }

        private enum CodingKeys: String, CodingKey {
            case maxLineBytes = "max_line_bytes", maxLinesPerSecond = "max_lines_per_second"
        }
    }

    /// The first line the child reads: `{"type":"hello","protocol":1,"instance":…,"tenant":…,"config":{…},"limits":{…}}`.
    public static func helloLine(
        instance: String, tenant: TenantID, config: [String: JSONValue], limits: Limits
    ) throws -> [UInt8] {
        try JSONLines.encode(Hello(instance: instance, tenant: tenant, config: config, limits: limits))
    }

    /// The answer to a `presence` line: `{"type":"ack","id":…,"result":"applied"|"ignored"|"rejected","reason":…}`.
    public static func ackLine(id: JSONValue?, result: PluginOutputResult) -> [UInt8] {
        let ack: Ack
        switch result {
        case .applied: ack = Ack(id: id, result: "applied", reason: nil)
        case let .ignored(reason): ack = Ack(id: id, result: "ignored", reason: reason.rawValue)
        case let .rejected(reason): ack = Ack(id: id, result: "rejected", reason: reason)
        }
        // An ack holds only strings and the child's own id, which came from valid JSON: encoding cannot fail.
        return (try? JSONLines.encode(ack)) ?? Array(#"{"result":"rejected","type":"ack"}"#.utf8) + [0x0A]
    }

    /// A hub event for the child: `{"type":"presence.changed","sequence":…,"tenant":…,"at":…,"user":…,…}`.
    public static func eventLine(_ event: HubEvent) throws -> [UInt8] {
        try JSONLines.encode(EventMessage(event))
    }

    /// Whether programs get `event`: presence and directory events; message, routing and catalogue events are not part of protocol 1.
    public static func forwards(_ event: HubEvent) -> Bool {
        switch event.payload {
        case .presenceChanged, .userChanged, .userRemoved: true
        case .messageStatus, .smsReceived, .routing, .catalogueChanged: false
        }
    }
}

private struct Hello: Encodable {
    let type = "hello"
    let protocolVersion = ExecProtocol.version
    let instance: String
    let tenant: TenantID
    let config: [String: JSONValue]
    let limits: ExecProtocol.Limits

    enum CodingKeys: String, CodingKey { case type, protocolVersion = "protocol", instance, tenant, config, limits }
}

private struct Ack: Encodable {
    let type = "ack"
    let id: JSONValue?
    let result: String
    let reason: String?

    enum CodingKeys: String, CodingKey { case type, id, result, reason }
}

/// A hub event in the protocol's snake_case shape, independent of Core's internal JSON.
private struct EventMessage: Encodable {
    let type: String
    let sequence: UInt64
    let tenant: TenantID
    let at: Date
    let user: UserID?
    let source: PresenceSource?
    let reason: PresenceChange.Reason?
    let presence: PresenceState?
    let before: PresenceState?

    init(_ event: HubEvent) {
        type = event.type
        sequence = event.sequence
        tenant = event.tenant
        at = event.at
        switch event.payload {
        case let .presenceChanged(change):
            user = change.user
            source = change.source
            reason = change.reason
            presence = PresenceState(change.after)
            before = change.before.map(PresenceState.init)
        case let .userChanged(id), let .userRemoved(id):
            user = id
            source = nil
            reason = nil
            presence = nil
            before = nil
        case .messageStatus, .smsReceived, .routing, .catalogueChanged:
            user = nil
            source = nil
            reason = nil
            presence = nil
            before = nil
        }
    }
}

/// The public part of a presence.
private struct PresenceState: Encodable {
    let activity: ActivityID
    let role: RoleID
    let until: Date?
    let note: String
    let online: Bool
    let idle: Bool
    let source: PresenceSource
    let changedAt: Date

    init(_ presence: Presence) {
        activity = presence.activity
        role = presence.role
        until = presence.until
        note = presence.note
        online = presence.online
        idle = presence.idle
        source = presence.source
        changedAt = presence.changedAt
    }

    enum CodingKeys: String, CodingKey {
        case activity, role, until, note, online, idle, source, changedAt = "changed_at"
    }
}
