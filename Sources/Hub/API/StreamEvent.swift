import Foundation
import HubCore

/// A hub event as stream clients receive it: the public presence fields only (no revision or
/// revert bookkeeping), and the role only for privileged viewers and the user themself (DIR-5).
struct StreamEvent: Encodable {
    let event: HubEvent
    /// The viewer's user for `user` tokens; nil for privileged tokens.
    let viewer: UserID?
    let privileged: Bool

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

    private enum CodingKeys: String, CodingKey { case sequence, tenant, at, type, presence, user }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event.sequence, forKey: .sequence)
        try container.encode(event.tenant, forKey: .tenant)
        try container.encode(event.at, forKey: .at)
        try container.encode(event.type, forKey: .type)
        switch event.payload {
        case let .presenceChanged(change):
            let after = change.after
            let showsRole = privileged || viewer == change.user
            try container.encode(PresencePayload(
                user: change.user, activity: after.activity, role: showsRole ? after.role : nil, until: after.until,
                note: after.note, online: after.online, idle: after.idle, source: change.source, changedAt: after.changedAt,
                reason: change.reason, previousActivity: change.before?.activity), forKey: .presence)
            try container.encode(change.user, forKey: .user)
        case let .userChanged(user), let .userRemoved(user):
            try container.encode(user, forKey: .user)
        }
    }
}
