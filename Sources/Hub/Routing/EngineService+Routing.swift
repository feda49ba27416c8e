import Foundation
import HubCore
import Logging

extension EngineService {
    /// The sequence number of the last published event (the routing feed's catch-up target).
    var publishedSequence: UInt64 { sequence }

    /// The routing view of a tenant's users: terminals, numbers and current presence.
    func routingUsers(tenant: TenantID) throws(HubError) -> [RoutingUser] {
        let state = try state(tenant)
        let now = clock.now()
        return state.users.values.map { RoutingUser($0, presence: state.presence.presence(of: $0.id, at: now)) }
    }

    /// The routing view of one user, or nil if there is none.
    func routingUser(tenant: TenantID, id: UserID) -> RoutingUser? {
        guard let state = tenants[tenant], let user = state.users[id] else { return nil }
        return RoutingUser(user, presence: state.presence.presence(of: id, at: clock.now()))
    }
}

extension EngineService {
    /// Refuses queue and hunt-group numbers that belong to a user or to another tenant (DIR-4).
    func checkRoutingNumbers(tenant: TenantID, _ numbers: Set<String>) throws(HubError) {
        var issues = ValidationCollector()
        for number in numbers.sorted() {
            guard let parsed = try? PhoneNumber(number), let owner = numberOwners[parsed] else { continue }
            if owner.tenant != tenant {
                issues.add("$.plan", "number \(number) belongs to another tenant")
            } else if owner.owner.hasPrefix("user:") {
                issues.add("$.plan", "number \(number) is \(owner.owner.dropFirst(5))'s number")
            }
        }
        do { try issues.finish() } catch { throw .invalid(error) }
    }

    /// Records a routing change in the audit log.
    func auditRouting(tenant: TenantID, actor: String, before: some Encodable, after: some Encodable) {
        let record = auditRecord(tenant, actor: actor, action: "routing.replace", target: "routing", before: before, after: after)
        do { try commit([], audit: [record]) } catch { logger.error("routing audit not saved", metadata: ["error": "\(error)"]) }
    }
}

extension EngineService {
    /// The tenant's time zone (Helsinki when the stored id is unknown to this system).
    func timeZone(tenant: TenantID) -> TimeZone {
        tenants[tenant].flatMap { TimeZone(identifier: $0.tenant.timeZone) } ?? TimeZone(identifier: "Europe/Helsinki") ?? .current
    }
}

extension EngineService {
    /// Records the tenant's queue and hunt-group numbers as its own (owners `queue:<id>`, `hunt:<id>`), so no
    /// user can take them (DIR-4) and a queue's number may send SMS (MSG-3).
    func registerRoutingNumbers(tenant: TenantID, _ plan: RoutingPlan) {
        numberOwners = numberOwners.filter { $0.value.tenant != tenant || !($0.value.owner.hasPrefix("queue:") || $0.value.owner.hasPrefix("hunt:")) }
        for queue in plan.queues {
            if let number = try? PhoneNumber(queue.number) { numberOwners[number] = (tenant, "queue:\(queue.id)") }
        }
        for group in plan.huntGroups {
            if let number = try? PhoneNumber(group.number) { numberOwners[number] = (tenant, "hunt:\(group.id)") }
        }
    }
}
