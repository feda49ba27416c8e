import Foundation
import HubCore
import Hummingbird

/// Queues, agents and the supervisor and operator views (ACD-1, ACD-5, ACD-10, ACD-11, LOG-1, PRES-6).
enum QueueRoutes {
    static func register(_ routes: RouteTable, _ services: HubServices) {
        let routing = services.routing
        let engine = services.engine
        routes.add(.get, "/api/v1/tenants/{tenant}/queues/{queue}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.supervisor, .operator, .reporting], to: "see queue figures")
            return try APIJSON.response(try await routing.queueView(tenant, try Access.id(context, "queue", as: QueueID.self)))
        }
        routes.add(.put, "/api/v1/tenants/{tenant}/queues/{queue}/agents/{user}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let queue = try Access.id(context, "queue", as: QueueID.self)
            let user = try Access.id(context, "user", as: UserID.self)
            try selfOrSupervisor(principal, user, "log agents in")
            guard try await routing.configuration(tenant).plan.queue(queue) != nil else { throw APIError.notFound("no queue '\(queue)'") }
            let addOns = try await engine.addOns(tenant: tenant, user: user)
            guard addOns.contains(.agent) || addOns.contains(.operator) || addOns.contains(.supervisor) else {
                throw APIError(status: .forbidden, code: "forbidden",
                               message: "user '\(user)' holds no agent or operator licence (ACD-1); a main_admin assigns one with PUT /api/v1/tenants/\(tenant)/users/\(user)/add-ons/agent")
            }
            try await routing.handle(tenant, .agentLogin(user, queue))
            return try APIJSON.response(try await routing.agents(tenant).first { $0.user == user })
        }
        routes.add(.delete, "/api/v1/tenants/{tenant}/queues/{queue}/agents/{user}") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let queue = try Access.id(context, "queue", as: QueueID.self)
            let user = try Access.id(context, "user", as: UserID.self)
            try selfOrSupervisor(principal, user, "log agents out")
            try await routing.handle(tenant, .agentLogout(user, queue))
            return APIJSON.noContent
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/agents") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.supervisor, .operator, .reporting], to: "see agents")
            return try APIJSON.response(try await routing.agents(tenant))
        }
        routes.add(.post, "/api/v1/tenants/{tenant}/users/{user}/supervisor-request") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try Access.id(context, "user", as: UserID.self)
            try selfOrSupervisor(principal, user, "ask for a supervisor for someone else")
            let effects = try await routing.handle(tenant, .requestSupervisor(user))
            return try APIJSON.response(effects.compactMap(RoutingEvent.init), status: .accepted)
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/operator") { _, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.operator, .supervisor], to: "open the operator view")
            let presences = try await engine.presences(tenant: tenant, viewer: nil)
            let inCall = try await routing.usersInCall(tenant)
            return try APIJSON.response(OperatorView(
                people: presences.map { OperatorView.Person(presence: $0, inCall: inCall.contains($0.user)) },
                calls: try await routing.activeCalls(tenant)))
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/users/{user}/call-log") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            let user = try Access.id(context, "user", as: UserID.self)
            guard principal.user == user || principal.role.administers || principal.role == .reporting else {
                throw APIError.forbidden("a call log is shown to its user, main_admin and reporting only")
            }
            let limit = min(max(Int(request.uri.queryParameters.get("limit") ?? "") ?? 50, 1), 500)
            let before = request.uri.queryParameters.get("before").flatMap { Int64($0) }
            let page = try services.routingRepository.callLog(tenant: tenant, user: user, limit: limit, before: before)
            return try APIJSON.response(CallLogPage(entries: page.map(\.entry), next: page.count == limit ? page.last.map { String($0.id) } : nil))
        }
        routes.add(.get, "/api/v1/tenants/{tenant}/call-records") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.require(principal, anyOf: [.supervisor, .reporting], to: "read call records")
            let queue = try request.uri.queryParameters.get("queue").map { raw -> QueueID in
                guard Slug.isValid(raw) else { throw APIError.badRequest("$.queue", Slug.rule) }
                return QueueID(raw)
            }
            let since = try request.uri.queryParameters.get("since").map { raw -> Date in
                guard let date = ISO8601.parse(raw) else { throw APIError.badRequest("$.since", "expected an ISO 8601 time") }
                return date
            }
            let limit = min(max(Int(request.uri.queryParameters.get("limit") ?? "") ?? 100, 1), 1_000)
            return try APIJSON.response(try services.routingRepository.records(tenant: tenant, queue: queue, since: since, limit: limit))
        }
    }

    static func selfOrSupervisor(_ principal: Principal, _ user: UserID, _ action: String) throws {
        guard principal.user == user || principal.role.administers || principal.role == .supervisor else {
            throw APIError.forbidden("only the agent or a supervisor may \(action)")
        }
    }

    /// Everyone's presence and phone state, and the calls in progress (ACD-11, PRES-6).
    struct OperatorView: Encodable {
        struct Person: Encodable {
            var presence: PresenceView
            var inCall: Bool
        }
        var people: [Person]
        var calls: [ActiveCall]
    }

    /// One page of a call log, newest first; `next` is the `before` value of the next page.
    struct CallLogPage: Encodable {
        var entries: [CallLogEntry]
        var next: String?
    }
}
