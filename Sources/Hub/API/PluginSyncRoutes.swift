import Foundation
import HubCore
import HTTPTypes
import HubPluginSupport
import Hummingbird

/// Per-user sync status of a calendar plugin instance (INT-CAL): which mailboxes read fine, which fail and why.
enum PluginSyncRoutes {
    static func register(_ routes: RouteTable, _ services: HubServices) {
        let plugins = services.plugins
        // The SQLite repository keeps plugin state; a repository without it (none in production) answers 503.
        let stateRepository = services.repository as? any PluginStateRepository
        routes.add(.get, "/api/v1/tenants/{tenant}/plugins/{instance}/sync") { request, context in
            let (tenant, principal) = try Access.tenant(context)
            try Access.requireAdmin(principal)
            let id = try context.parameters.require("instance")
            guard let instance = plugins.snapshot().first(where: { $0.id == id && $0.tenant == tenant }) else {
                throw APIError.notFound("no plugin instance '\(id)' in tenant '\(tenant)'")
            }
            guard let stateRepository else {
                throw APIError(status: .serviceUnavailable, code: "storage_unavailable", message: "plugin state is not readable")
            }
            var filter: CalendarSyncStatus.State?
            if let text = request.uri.queryParameters.get("state") {
                guard let state = CalendarSyncStatus.State(rawValue: String(text)) else {
                    throw APIError.badRequest("$.state", "must be ok or failed")
                }
                filter = state
            }
            let store = CalendarSyncStore(state: StorePluginState(repository: stateRepository, instanceID: instance.id))
            let statuses = try await store.statuses()
            return try APIJSON.response(SyncView(
                instance: instance.id, kind: instance.kind,
                mailboxes: statuses.count, failed: statuses.count { $0.state == .failed },
                users: statuses.filter { filter == nil || $0.state == filter }))
        }
    }

    /// The answer: counts over all mailboxes, and the (filtered) per-user statuses.
    struct SyncView: Encodable {
        var instance: String
        var kind: String
        var mailboxes: Int
        var failed: Int
        var users: [CalendarSyncStatus]
    }
}
