import Foundation
import HubCore
import Synchronization

/// A hub event as stream clients receive it: the public presence fields only (no revision or
/// revert bookkeeping), and the role only for privileged viewers and the user themself (DIR-5).
struct StreamEvent: Encodable {
    let event: HubEvent
    /// Whether the payload carries the user's role.
    let showsRole: Bool

    /// Whether a viewer sees the role in this event: privileged tokens and the user themself do.
    static func showsRole(_ event: HubEvent, viewer: UserID?, privileged: Bool) -> Bool {
        guard case let .presenceChanged(change) = event.payload else { return false }
        return privileged || viewer == change.user
    }

    /// The public part of a presence change.
    struct PresencePayload: Encodable {
        var user: UserID
        var activity: ActivityID
        var role: RoleID?
        var until: Date?
        var note: String
        var online: Bool
        var idle: Bool
        var source: PresenceSource
        var changedAt: Date
        var reason: PresenceChange.Reason
        var previousActivity: ActivityID?
    }

    private enum CodingKeys: String, CodingKey { case sequence, tenant, at, type, presence, user, message, sms, routing }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event.sequence, forKey: .sequence)
        try container.encode(event.tenant, forKey: .tenant)
        try container.encode(event.at, forKey: .at)
        try container.encode(event.type, forKey: .type)
        switch event.payload {
        case let .presenceChanged(change):
            let after = change.after
            try container.encode(PresencePayload(
                user: change.user, activity: after.activity, role: showsRole ? after.role : nil, until: after.until,
                note: after.note, online: after.online, idle: after.idle, source: change.source, changedAt: after.changedAt,
                reason: change.reason, previousActivity: change.before?.activity), forKey: .presence)
            try container.encode(change.user, forKey: .user)
        case let .userChanged(user), let .userRemoved(user):
            try container.encode(user, forKey: .user)
        case let .messageStatus(change):
            try container.encode(change, forKey: .message)
        case let .smsReceived(sms):
            try container.encode(sms, forKey: .sms)
        case let .routing(event):
            try container.encode(event, forKey: .routing)
        case .catalogueChanged:
            break
        }
    }
}

/// Encodes each event once per variant (with or without the role) however many subscribers receive it:
/// with 1,000 stream clients, per-subscriber JSON encoding was a quarter of the hub's CPU (docs/benchmarks.md).
final class StreamEncodingCache: Sendable {
    private struct Key: Hashable {
        var sequence: UInt64
        var showsRole: Bool
    }

    private let entries = Mutex<(texts: [Key: String], order: [Key])>(([:], []))
    private let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The JSON text of `event` for a viewer.
    func text(_ event: HubEvent, viewer: UserID?, privileged: Bool) -> String {
        let key = Key(sequence: event.sequence, showsRole: StreamEvent.showsRole(event, viewer: viewer, privileged: privileged))
        if let text = entries.withLock({ $0.texts[key] }) { return text }
        let wire = StreamEvent(event: event, showsRole: key.showsRole)
        let text = (try? String(decoding: APIJSON.encoder.encode(wire), as: UTF8.self)) ?? "{}"
        entries.withLock { entries in
            guard entries.texts.updateValue(text, forKey: key) == nil else { return }
            entries.order.append(key)
            while entries.order.count > capacity {
                entries.texts.removeValue(forKey: entries.order.removeFirst())
            }
        }
        return text
    }
}
