import Foundation
import HubCore
import Hummingbird

/// The tenant's sender rules, read by senders and set by its admin (MSG-3).
enum MessageSenderRuleRoutes {
    static let path = "/api/v1/tenants/{tenant}/messages/sender-rules"

    static func register(_ routes: RouteTable, _ services: HubServices) {
        let outbox = services.outbox
        let engine = services.engine
        routes.add(.get, path) { _, context in
            let (tenant, _) = try Access.tenant(context)
            _ = try await engine.messagingContext(tenant: tenant)
            return try APIJSON.response(try outbox.settings.senderRules(tenant: tenant))
        }
        routes.add(.put, path) { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let (countryCode, numbers) = try await engine.messagingContext(tenant: tenant)
            let rules = try await APIJSON.body(SenderRules.self, request, context: context, allowed: SenderRules.fields)
            let valid: SenderRules
            do { valid = try rules.validated(countryCode: countryCode, ownedByTenant: { numbers.contains($0) }) } catch let error as ValidationError {
                throw APIError(HubError.invalid(error))
            }
            try outbox.settings.setSenderRules(valid, tenant: tenant)
            return try APIJSON.response(valid)
        }
    }
}
