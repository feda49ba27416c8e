import Foundation
import HubCore
import Hummingbird

/// Routing configuration (ROUTE-1..7, ACD-1..9, HUNT-1..5): the whole plan and its parts.
enum RoutingAdminRoutes {
    static func register(_ routes: RouteTable, _ services: HubServices) {
        let routing = services.routing
        routes.add(.get, "/api/v1/tenants/{tenant}/routing") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.supervisor, .operator, .reporting, .service], to: "read the routing plan")
            return try APIJSON.response(RoutingDocument(try await routing.configuration(tenant)))
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/routing") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let document = try await APIJSON.value(RoutingDocument.self, request, context: context)
            try await routing.replace(tenant, plan: document.plan, schedules: document.schedules, actor: principal.auditActor)
            return try APIJSON.response(RoutingDocument(try await routing.configuration(tenant)))
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/routing/queues/{queue}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "queue", as: QueueID.self)
            var queue = try await APIJSON.body(QueueConfig.self, request, context: context, allowed: queueFields)
            queue.id = id
            return try await change(routing, tenant, principal) { plan, _ in
                if let index = plan.queues.firstIndex(where: { $0.id == id }) { plan.queues[index] = queue } else { plan.queues.append(queue) }
            }
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/routing/queues/{queue}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "queue", as: QueueID.self)
            return try await change(routing, tenant, principal) { plan, _ in
                guard plan.queue(id) != nil else { throw APIError.notFound("no queue '\(id)'") }
                plan.queues.removeAll { $0.id == id }
            }
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/routing/hunt-groups/{group}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "group", as: HuntGroupID.self)
            var group = try await APIJSON.body(HuntGroupConfig.self, request, context: context, allowed: huntGroupFields)
            group.id = id
            return try await change(routing, tenant, principal) { plan, _ in
                if let index = plan.huntGroups.firstIndex(where: { $0.id == id }) { plan.huntGroups[index] = group } else { plan.huntGroups.append(group) }
            }
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/routing/hunt-groups/{group}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try Access.id(context, "group", as: HuntGroupID.self)
            return try await change(routing, tenant, principal) { plan, _ in
                guard plan.huntGroup(id) != nil else { throw APIError.notFound("no hunt group '\(id)'") }
                plan.huntGroups.removeAll { $0.id == id }
            }
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/routing/schedules/{schedule}") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let name = try Access.id(context, "schedule", as: QueueID.self).rawValue
            let schedule = try await APIJSON.value(Schedule.self, request, context: context)
            return try await change(routing, tenant, principal) { _, schedules in schedules[name] = schedule }
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/users/{user}/routing-rules") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try Access.id(context, "user", as: UserID.self)
            try ownOrAdmin(principal, user)
            return try APIJSON.response(try await routing.configuration(tenant).plan.rules[user] ?? [])
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/users/{user}/routing-rules") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try Access.id(context, "user", as: UserID.self)
            try ownOrAdmin(principal, user)
            let rules = try await APIJSON.value([PersonalRule].self, request, context: context)
            return try await change(routing, tenant, principal) { plan, _ in plan.rules[user] = rules.isEmpty ? nil : rules }
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/users/{user}/skills") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.supervisor], to: "set agents' skills")
            let user = try Access.id(context, "user", as: UserID.self)
            let skills = try await APIJSON.value([SkillID: Int].self, request, context: context)
            return try await change(routing, tenant, principal) { plan, _ in plan.skills[user] = skills.isEmpty ? nil : skills }
        }
    }

    static let queueFields: Set<String> = [
        "id", "name", "number", "strategy", "ringSeconds", "attempts", "wrapUpSeconds", "terminals", "skill", "priority", "autoLogout",
        "overflow", "announcements", "schedule", "serviceLevelSeconds",
    ]
    static let huntGroupFields: Set<String> = [
        "id", "name", "number", "members", "mode", "randomOrder", "ringSeconds", "attempts", "excludeActivities", "excludeRoles",
        "terminals", "messagesBefore", "messagesAfter", "overflow", "schedule", "night",
    ]

    static func ownOrAdmin(_ principal: Principal, _ user: UserID) throws {
        guard principal.user == user || principal.role.administers else {
            throw APIError.forbidden("only the user or a main_admin may change a user's routing rules")
        }
    }

    /// Applies `edit` to the current plan and schedules and stores the result (validated as a whole).
    static func change(
        _ routing: RoutingService, _ tenant: TenantID, _ principal: Principal,
        _ edit: (inout RoutingPlan, inout [String: Schedule]) throws -> Void
    ) async throws -> Response {
        let current = try await routing.configuration(tenant)
        var plan = current.plan
        var schedules = current.schedules
        try edit(&plan, &schedules)
        try await routing.replace(tenant, plan: plan, schedules: schedules, actor: principal.auditActor)
        return try APIJSON.response(RoutingDocument(try await routing.configuration(tenant)))
    }
}
