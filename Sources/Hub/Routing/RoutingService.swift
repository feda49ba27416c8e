import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Owns the routing engine of every tenant and applies call, agent and presence inputs in order:
/// engine step → commit records and logs (acknowledged = on disk) → publish events → set timers.
actor RoutingService {
    var tenants: [TenantID: TenantRouting] = [:]
    var timers: [RoutingTimerKey: Date] = [:]
    let repository: RoutingRepository
    let engine: EngineService
    let clock: HubClock
    let logger: Logger
    /// Wakes the routing timer wheel when a new deadline is set.
    nonisolated let timerSignal = WakeSignal()
    /// The last hub event sequence the presence feed has applied (see ``catchUp()``).
    var appliedSequence: UInt64 = 0
    var sequenceWaiters: [(UInt64, CheckedContinuation<Void, Never>)] = []
    /// Called for each missed call of a user (MSG-4 notifications).
    let onMissedCall: @Sendable (TenantID, CallLogEntry) async -> Void

    init(repository: RoutingRepository, engine: EngineService, clock: HubClock, logger: Logger,
         onMissedCall: @escaping @Sendable (TenantID, CallLogEntry) async -> Void = { _, _ in }) {
        self.repository = repository
        self.engine = engine
        self.clock = clock
        self.logger = logger
        self.onMissedCall = onMissedCall
    }

    /// Builds every tenant's engine from the directory, presence, stored plan and agent logins.
    func load() async throws {
        let stored = try repository.loadAll()
        let now = clock.now()
        appliedSequence = await engine.publishedSequence
        for tenant in await engine.tenantIDs() {
            let users = (try? await engine.routingUsers(tenant: tenant)) ?? []
            let plan = stored.plans[tenant] ?? RoutingRepository.StoredPlan(plan: RoutingPlan(), schedules: [:])
            let catalogue = (try? await engine.catalogue(tenant: tenant)) ?? .standard
            var routing = TenantRouting(
                engine: RoutingEngine(plan: plan.plan, users: users, catalogue: catalogue, seed: TenantRouting.seed(for: tenant)),
                schedules: plan.schedules)
            routing.engine.timeZone = await engine.timeZone(tenant: tenant)
            for (user, queue) in stored.logins[tenant] ?? [] { _ = routing.engine.handle(.agentLogin(user, queue), at: now) }
            // The sliding windows come back from the calls that ended within the longest one.
            let retention = QueueStatistics.Configuration.defaultWindows.max() ?? 14_400
            routing.statistics = QueueStatistics.rebuild(from: try repository.queueRecords(tenant: tenant, since: now - retention))
            tenants[tenant] = routing
            await engine.registerRoutingNumbers(tenant: tenant, plan.plan)
            refreshSchedules(tenant, at: now)
        }
        logger.info("loaded routing", metadata: ["tenants": "\(tenants.count)"])
    }

    /// Applies one input for `tenant` and returns the engine's decisions.
    @discardableResult
    func handle(_ tenant: TenantID, _ input: RoutingInput) async throws(HubError) -> [RoutingEffect] {
        await catchUp()
        await ensureTenant(tenant)
        guard var routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        let now = clock.now()
        let effects = routing.engine.handle(input, at: now)
        try persist(tenant, effects, input: input)
        routing.remember(effects, at: now)
        tenants[tenant] = routing
        await publish(tenant, effects)
        return effects
    }

    /// Commits what must survive a restart: finished calls, call-log lines, agent logins.
    func persist(_ tenant: TenantID, _ effects: [RoutingEffect], input: RoutingInput?) throws(HubError) {
        var records: [CallRecord] = []
        var log: [CallLogEntry] = []
        var logins: [(UserID, QueueID, Bool)] = []
        for effect in effects {
            switch effect {
            case let .finished(record): records.append(record)
            case let .log(entry): log.append(entry)
            case let .agentLoggedOut(user, _):
                for queue in tenants[tenant]?.engine.plan.queues.map(\.id) ?? [] { logins.append((user, queue, false)) }
            default: break
            }
        }
        switch input {
        case let .agentLogin(user, queue)?: logins.append((user, queue, true))
        case let .agentLogout(user, queue?)?: logins.append((user, queue, false))
        case let .agentLogout(user, nil)?:
            for queue in tenants[tenant]?.engine.plan.queues.map(\.id) ?? [] { logins.append((user, queue, false)) }
        default: break
        }
        do {
            try repository.commit(tenant: tenant, records: records, log: log, logins: logins)
        } catch {
            logger.error("routing commit failed", metadata: ["tenant": "\(tenant)", "error": "\(error)"])
            throw .storage("the call records could not be saved: \(error)")
        }
    }

    /// Publishes stream events and sets or drops timers for the effects of one step.
    func publish(_ tenant: TenantID, _ effects: [RoutingEffect]) async {
        var changedTimers = false
        for effect in effects {
            switch effect {
            case let .wake(timer, at):
                timers[RoutingTimerKey(tenant: tenant, timer: timer)] = at
                changedTimers = true
            case let .cancelWake(timer):
                timers[RoutingTimerKey(tenant: tenant, timer: timer)] = nil
            case let .log(entry) where entry.kind == .missed:
                let notify = onMissedCall
                Task { await notify(tenant, entry) }
            default: break
            }
            if let event = RoutingEvent(effect) { await engine.publish(tenant, .routing(event)) }
        }
        if changedTimers { timerSignal.notify() }
    }
}

/// Identifies a routing timer: an engine timer of a tenant, or the tenant's next schedule change.
struct RoutingTimerKey: Hashable, Sendable {
    var tenant: TenantID
    /// nil: re-evaluate the tenant's schedules (time control).
    var timer: RoutingTimer?
}
