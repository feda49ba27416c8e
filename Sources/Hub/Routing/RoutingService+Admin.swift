import Foundation
import HubCore
import Logging

extension RoutingService {
    /// A tenant's plan and schedules.
    func configuration(_ tenant: TenantID) async throws(HubError) -> RoutingRepository.StoredPlan {
        await ensureTenant(tenant)
        guard let routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        return RoutingRepository.StoredPlan(plan: routing.engine.plan, schedules: routing.schedules)
    }

    /// Validates and stores a new plan and schedules; waiting callers and agent logins carry over.
    func replace(_ tenant: TenantID, plan: RoutingPlan, schedules: [String: Schedule], actor: String) async throws(HubError) {
        await ensureTenant(tenant)
        guard let routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        let users = Dictionary((try await engine.routingUsers(tenant: tenant)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let catalogue = try await engine.catalogue(tenant: tenant)
        var issues = ValidationCollector()
        _ = issues.check { try plan.validate(users: users, catalogue: catalogue) }
        issues = ValidationCollector(prefixing: "$.plan", issues)
        let named = Set(schedules.keys)
        for (index, queue) in plan.queues.enumerated() {
            if let name = queue.schedule, !named.contains(name) { issues.add("$.plan.queues[\(index)].schedule", "unknown schedule '\(name)'") }
        }
        for (index, group) in plan.huntGroups.enumerated() {
            if let name = group.schedule, !named.contains(name) { issues.add("$.plan.huntGroups[\(index)].schedule", "unknown schedule '\(name)'") }
        }
        do { try issues.finish() } catch { throw .invalid(error) }
        let numbers = Set(plan.queues.map(\.number) + plan.huntGroups.map(\.number))
        try await engine.checkRoutingNumbers(tenant: tenant, numbers)
        let stored = RoutingRepository.StoredPlan(plan: plan, schedules: schedules)
        do {
            try repository.save(tenant: tenant, stored)
        } catch {
            throw .storage("the routing plan could not be saved: \(error)")
        }
        await engine.registerRoutingNumbers(tenant: tenant, plan)
        await engine.auditRouting(tenant: tenant, actor: actor, before: RoutingDocument(routing), after: RoutingDocument(plan: plan, schedules: schedules))
        let now = clock.now()
        let effects = tenants[tenant]?.engine.replacePlan(plan, at: now) ?? []
        tenants[tenant]?.schedules = schedules
        await settle(tenant, effects, at: now)
        refreshSchedules(tenant, at: now)
    }

    /// Every call in progress of a tenant.
    func activeCalls(_ tenant: TenantID) async throws(HubError) -> [ActiveCall] {
        await ensureTenant(tenant)
        guard let routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        return routing.engine.activeCalls
    }

    /// One call (active or recently finished) with its decisions so far.
    func call(_ tenant: TenantID, _ id: CallID) async throws(HubError) -> CallView {
        await ensureTenant(tenant)
        guard let routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        let active = routing.engine.activeCall(id)
        guard active != nil || routing.decisions[id] != nil else { throw .notFound("no call '\(id)'") }
        return CallView(call: id, active: active, decisions: routing.decisions[id] ?? [])
    }

    /// Live state and windowed figures of a queue (ACD-10).
    func queueView(_ tenant: TenantID, _ queue: QueueID) async throws(HubError) -> QueueView {
        await ensureTenant(tenant)
        guard let routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        let now = clock.now()
        guard let snapshot = routing.engine.snapshot(of: queue, at: now) else { throw .notFound("no queue '\(queue)'") }
        let statistics = routing.statistics[queue] ?? QueueStatistics()
        return QueueView(queue: snapshot, figures: statistics.figures(now: now))
    }

    /// Every agent's state.
    func agents(_ tenant: TenantID) async throws(HubError) -> [AgentSnapshot] {
        await ensureTenant(tenant)
        guard let routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        return routing.engine.agentSnapshots(at: clock.now())
    }

    /// Users in a call now (PRES-6).
    func usersInCall(_ tenant: TenantID) async throws(HubError) -> Set<UserID> {
        await ensureTenant(tenant)
        guard let routing = tenants[tenant] else { throw .notFound("no tenant '\(tenant)'") }
        return Set(routing.engine.users.keys.filter { routing.engine.isInCall($0) })
    }

    /// Adds a tenant created after start-up.
    func ensureTenant(_ tenant: TenantID) async {
        guard tenants[tenant] == nil, let users = try? await engine.routingUsers(tenant: tenant) else { return }
        let catalogue = (try? await engine.catalogue(tenant: tenant)) ?? .standard
        var routing = TenantRouting(engine: RoutingEngine(users: users, catalogue: catalogue, seed: TenantRouting.seed(for: tenant)), schedules: [:])
        routing.engine.timeZone = await engine.timeZone(tenant: tenant)
        tenants[tenant] = routing
    }
}

/// A call with the decisions taken for it.
struct CallView: Codable, Sendable {
    var call: CallID
    var active: ActiveCall?
    var decisions: [TenantRouting.TimedDecision]
}

/// A queue's live state with figures per window.
struct QueueView: Codable, Sendable {
    var queue: QueueSnapshot
    var figures: [QueueStatistics.Figures]
}

/// A tenant's routing configuration as the API reads and writes it.
struct RoutingDocument: Codable, Sendable {
    var plan: RoutingPlan
    var schedules: [String: Schedule]

    init(plan: RoutingPlan, schedules: [String: Schedule]) {
        self.plan = plan
        self.schedules = schedules
    }

    init(_ routing: TenantRouting) {
        self.init(plan: routing.engine.plan, schedules: routing.schedules)
    }

    init(_ stored: RoutingRepository.StoredPlan) {
        self.init(plan: stored.plan, schedules: stored.schedules)
    }
}
