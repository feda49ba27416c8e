import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Owns the Core engines of every tenant and applies inputs one at a time, in order: validate,
/// compute the new state, commit it to the store (acknowledged = committed), then publish events
/// and set timers. Nothing else mutates tenant state.
actor EngineService {
    var tenants: [TenantID: TenantState] = [:]
    /// Owner of every number on the hub (DIR-4 uniqueness): tenant and `user:<id>`.
    var numberOwners: [PhoneNumber: (tenant: TenantID, owner: String)] = [:]
    let repository: any HubRepository
    let bus: EventBus
    let clock: HubClock
    let logger: Logger
    let metrics: HubMetrics
    var sequence: UInt64 = 0
    /// Pending presence reverts, by tenant and user (PRES-8 expiry).
    var timers = TimerSchedule()
    /// Wakes the timer wheel when a new deadline is set.
    nonisolated let timerSignal = WakeSignal()

    init(repository: any HubRepository, bus: EventBus, clock: HubClock, metrics: HubMetrics, logger: Logger) {
        self.repository = repository
        self.bus = bus
        self.clock = clock
        self.metrics = metrics
        self.logger = logger
    }

    /// Loads every tenant from the store and re-arms the timers of pending reverts.
    func load() throws {
        for snapshot in try repository.loadAll() {
            let state = TenantState(snapshot: snapshot)
            tenants[state.tenant.id] = state
            for user in state.users.values {
                for number in user.numbers { numberOwners[number] = (state.tenant.id, "user:\(user.id)") }
            }
            for (user, presence) in state.presence.presences {
                if let pending = presence.pendingRevert { timers.set(TimerKey(tenant: state.tenant.id, user: user), at: pending.at) }
            }
        }
        logger.info("loaded tenants", metadata: ["tenants": "\(tenants.count)", "users": "\(tenants.values.map(\.users.count).reduce(0, +))"])
    }

    /// The state of `tenant`, or notFound.
    func state(_ tenant: TenantID) throws(HubError) -> TenantState {
        guard let state = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        return state
    }

    /// Commits mutations and audit entries; on failure nothing in memory changes (callers assign after).
    func commit(_ mutations: [StoreMutation], audit: [AuditRecord] = []) throws(HubError) {
        do {
            try repository.commit(mutations, audit: audit)
        } catch {
            logger.error("store commit failed", metadata: ["error": "\(error)"])
            throw .storage("the change could not be saved: \(error)")
        }
    }

    /// Publishes an event to the tenant's subscribers with the next sequence number.
    func publish(_ tenant: TenantID, _ payload: HubEvent.Payload) {
        sequence += 1
        bus.publish(HubEvent(sequence: sequence, tenant: tenant, at: clock.now(), payload: payload))
    }

    /// An audit record stamped now.
    func auditRecord(
        _ tenant: TenantID?, actor: String, action: String, target: String,
        before: (some Encodable)?, after: (some Encodable)?
    ) -> AuditRecord {
        AuditRecord(
            id: nil, tenant: tenant, at: clock.now(), actor: actor, action: action, target: target,
            before: before.flatMap { try? StoreCoding.encode($0) }, after: after.flatMap { try? StoreCoding.encode($0) })
    }

    /// Tells the timer wheel to re-read the earliest deadline.
    func timerChanged() { timerSignal.notify() }

    /// Every tenant id.
    func tenantIDs() -> [TenantID] { tenants.keys.sorted() }
}
