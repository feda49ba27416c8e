import Foundation
import HubCore

/// The engine's copy of one mailbox after its last successful read (`calsync.mailbox.<user>`).
public struct CalendarMailboxSnapshot: Sendable, Equatable, Codable {
    /// The address read.
    public var address: String
    /// The window the entries and token belong to.
    public var window: DateInterval
    /// The adapter's token for the next incremental read; nil forces a full read.
    public var syncToken: String?
    /// When the last full read happened (drives ``CalendarSyncOptions/fullResyncInterval``).
    public var fullReadAt: Date
    /// The entries in the window, by id, with subjects removed where the policy must not keep them.
    public var blocks: [CalendarBlock]

    /// Creates a snapshot.
    public init(address: String, window: DateInterval, syncToken: String?, fullReadAt: Date, blocks: [CalendarBlock]) {
        self.address = address
        self.window = window
        self.syncToken = syncToken
        self.fullReadAt = fullReadAt
        self.blocks = blocks
    }

    /// The snapshot after `result`, keeping only entries that overlap `window`, subjects redacted per `policy`.
    /// Returns nil for `changes` without a base (the caller then reads in full).
    static func applying(
        _ result: CalendarFetchResult, to base: CalendarMailboxSnapshot?, address: String, window: DateInterval,
        at now: Date, policy: CalendarPresencePolicy
    ) -> CalendarMailboxSnapshot? {
        var byID: [String: CalendarBlock] = [:]
        var order: [String] = []
        func put(_ block: CalendarBlock) {
            if byID.updateValue(block.redacted(for: policy), forKey: block.id) == nil { order.append(block.id) }
        }
        let token: String?
        let fullReadAt: Date
        switch result {
        case let .full(blocks, syncToken):
            blocks.forEach(put)
            token = syncToken
            fullReadAt = now
        case let .changes(upserted, removed, syncToken):
            guard let base else { return nil }
            base.blocks.forEach(put)
            upserted.forEach(put)
            for id in removed { byID[id] = nil }
            token = syncToken
            fullReadAt = base.fullReadAt
        }
        let blocks = order.compactMap { byID[$0] }.filter { $0.end > window.start && $0.start < window.end }
        return CalendarMailboxSnapshot(address: address, window: window, syncToken: token, fullReadAt: fullReadAt, blocks: blocks)
    }
}

extension CalendarBlock {
    /// The block as the engine may keep it: never a subject of a private, personal or confidential entry,
    /// and no subject at all when the policy neither publishes nor matches subjects.
    func redacted(for policy: CalendarPresencePolicy) -> CalendarBlock {
        var copy = self
        let needsSubject = policy.optIn == .keyword || policy.publishSubjects
        if sensitivity != .normal || !needsSubject { copy.subject = nil }
        return copy
    }
}
