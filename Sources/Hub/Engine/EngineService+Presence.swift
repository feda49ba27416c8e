import Foundation
import HubCore
import Logging

/// A presence as the API shows it: the stored value plus catalogue facts.
struct PresenceView: Codable, Sendable, Equatable {
    var user: UserID
    var activity: ActivityID
    var activityName: String
    var availableForGroupCalls: Bool
    /// Omitted for other users unless the user shows it (DIR-5).
    var role: RoleID?
    var until: Date?
    var note: String
    var online: Bool
    var idle: Bool
    var source: PresenceSource
    var changedAt: Date
    /// When an automatic change will revert, if nothing changes first.
    var revertsAt: Date?
}

/// The result of a presence update.
enum PresenceOutcome: Sendable, Equatable {
    case applied(PresenceView)
    case ignored(PresenceIgnoreReason, PresenceView)
}

extension EngineService {
    /// Applies a presence update for `user`; when it returns, an applied change is on disk.
    func setPresence(
        tenant: TenantID, user: UserID, update: PresenceUpdate, actor: String, audited: Bool
    ) throws(HubError) -> PresenceOutcome {
        try handlePresence(.update(user, update), tenant: tenant, user: user, actor: actor, audited: audited)
    }

    /// Ends now the change `source` made to `user`'s presence, if nothing changed the presence since (PRES-8).
    func liftPresence(tenant: TenantID, user: UserID, source: PresenceSource) throws(HubError) -> PresenceOutcome {
        try handlePresence(.lift(user, source: source), tenant: tenant, user: user, actor: "", audited: false)
    }

    private func handlePresence(
        _ input: PresenceInput, tenant: TenantID, user: UserID, actor: String, audited: Bool
    ) throws(HubError) -> PresenceOutcome {
        var state = try state(tenant)
        guard state.users[user] != nil else { throw .notFound("no user '\(user)'") }
        let now = clock.now()
        let effects: [PresenceEffect]
        do { effects = try state.presence.handle(input, at: now) } catch { throw .invalid(error) }
        var audit: [AuditRecord] = []
        var changes: [PresenceChange] = []
        for case let .changed(change) in effects {
            changes.append(change)
            if audited {
                audit.append(auditRecord(tenant, actor: actor, action: "presence.set", target: "user:\(user)",
                                         before: change.before, after: change.after))
            }
        }
        if !changes.isEmpty {
            try commit(changes.map { .upsertPresence(tenant, $0.user, $0.after) }, audit: audit)
        }
        tenants[tenant] = state
        apply(effects, tenant: tenant)
        let view = presenceView(state, user, viewer: nil)
        for case let .ignored(_, reason) in effects { return .ignored(reason, view) }
        return .applied(view)
    }

    /// The presence of one user as `viewer` may see it (nil = privileged).
    func presence(tenant: TenantID, user: UserID, viewer: UserID?) throws(HubError) -> PresenceView {
        let state = try state(tenant)
        guard state.users[user] != nil else { throw .notFound("no user '\(user)'") }
        return presenceView(state, user, viewer: viewer)
    }

    /// The presence of every user of the tenant.
    func presences(tenant: TenantID, viewer: UserID?) throws(HubError) -> [PresenceView] {
        let state = try state(tenant)
        return state.users.keys.sorted().map { presenceView(state, $0, viewer: viewer) }
    }

    /// Reverts presences whose automatic change has ended (timer wheel callback).
    func fireDueTimers() {
        let now = clock.now()
        for key in timers.takeDue(at: now) {
            guard var state = tenants[key.tenant] else { continue }
            let effects: [PresenceEffect]
            do { effects = try state.presence.handle(.expire(key.user), at: now) } catch {
                logger.error("expiry failed", metadata: ["user": "\(key.user)", "error": "\(error)"])
                continue
            }
            let changes = effects.compactMap { if case let .changed(change) = $0 { change } else { nil } }
            do {
                if !changes.isEmpty { try commit(changes.map { .upsertPresence(key.tenant, $0.user, $0.after) }) }
            } catch {
                // Keep the timer so the revert is retried rather than lost.
                timers.set(key, at: now.addingTimeInterval(5))
                continue
            }
            tenants[key.tenant] = state
            apply(effects, tenant: key.tenant)
        }
    }

    /// The next deadline the timer wheel should wake at.
    func nextDeadline() -> Date? { timers.earliest }

    func presenceView(_ state: TenantState, _ user: UserID, viewer: UserID?) -> PresenceView {
        let now = clock.now()
        let presence = state.presence.presence(of: user, at: now)
        let activity = state.presence.catalogue.activity(presence.activity)
        let showRole = viewer == nil || viewer == user || state.users[user]?.showsRole == true
        return PresenceView(
            user: user, activity: presence.activity, activityName: activity?.name ?? presence.activity.rawValue,
            availableForGroupCalls: activity?.availableForGroupCalls ?? false, role: showRole ? presence.role : nil,
            until: presence.until, note: presence.note, online: presence.online, idle: presence.idle,
            source: presence.source, changedAt: presence.changedAt, revertsAt: presence.pendingRevert?.at)
    }

    /// Publishes changes and sets or cancels timers as the engine asked.
    func apply(_ effects: [PresenceEffect], tenant: TenantID) {
        for effect in effects {
            switch effect {
            case let .changed(change):
                metrics.presenceChanges.increment(change.source.rawValue)
                publish(tenant, .presenceChanged(change))
            case let .wake(user, at):
                timers.set(TimerKey(tenant: tenant, user: user), at: at)
                timerChanged()
            case let .cancelWake(user):
                timers.cancel(TimerKey(tenant: tenant, user: user))
            case .ignored:
                break
            }
        }
    }
}
