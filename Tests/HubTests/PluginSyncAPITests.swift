import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HubPluginSupport
import HummingbirdTesting
import Testing

@Suite("Plugin sync status API (INT-CAL)")
struct PluginSyncAPITests {
    @Test("GET /tenants/{tenant}/plugins/{instance}/sync shows each user's last calendar read, to admins only")
    func syncStatus() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let epoch = TestHub.epoch
        _ = hub.services.plugins.set(PluginInstanceStatus(
            id: "acme-exchange", kind: "calendar_ews", tenant: "acme", file: "acme-exchange.toml", state: .running, restarts: 0,
            since: epoch))
        _ = hub.services.plugins.set(PluginInstanceStatus(
            id: "globex-graph", kind: "calendar_graph", tenant: "globex", file: "globex-graph.toml", state: .running, restarts: 0,
            since: epoch))
        // What the calendar sync engine of the instance wrote into its state.
        let repository = try #require(hub.services.repository as? any PluginStateRepository)
        let store = CalendarSyncStore(state: StorePluginState(repository: repository, instanceID: "acme-exchange"))
        try await store.save([UserID("anna"), "bertil"], CalendarSyncKeys.users)
        try await store.save(CalendarSyncStatus(
            user: "anna", address: "anna@acme.example", state: .ok, lastAttempt: epoch, lastSuccess: epoch, entries: 4,
            nextAttempt: epoch.addingTimeInterval(300)), CalendarSyncKeys.status("anna"))
        try await store.save(CalendarSyncStatus(
            user: "bertil", address: "bertil@acme.example", state: .failed, reason: "access denied: HTTP 403", lastAttempt: epoch,
            consecutiveFailures: 2), CalendarSyncKeys.status("bertil"))

        try await hub.runtime.application().test(.router) { client in
            let reply = try await client.send(.get, "/api/v1/tenants/acme/plugins/acme-exchange/sync", token: tokens["acmeAdmin"])
            #expect(reply.status == .ok)
            #expect(reply.object["instance"] as? String == "acme-exchange")
            #expect(reply.object["kind"] as? String == "calendar_ews")
            #expect(reply.object["mailboxes"] as? Int == 2)
            #expect(reply.object["failed"] as? Int == 1)
            let users = reply.object["users"] as? [[String: Any]] ?? []
            #expect(users.map { $0["user"] as? String } == ["anna", "bertil"])
            #expect(users.first?["state"] as? String == "ok")
            #expect(users.first?["lastSuccess"] as? String == "2026-11-20T00:00:00.000Z")
            #expect(users.first?["nextAttempt"] as? String == "2026-11-20T00:05:00.000Z")
            #expect(users.last?["state"] as? String == "failed")
            #expect(users.last?["reason"] as? String == "access denied: HTTP 403")
            #expect(users.last?["consecutiveFailures"] as? Int == 2)
            #expect(users.last?["lastSuccess"] == nil)

            let failedOnly = try await client.send(.get, "/api/v1/tenants/acme/plugins/acme-exchange/sync?state=failed", token: tokens["acmeAdmin"])
            #expect((failedOnly.object["users"] as? [[String: Any]])?.map { $0["user"] as? String } == ["bertil"])
            #expect(failedOnly.object["mailboxes"] as? Int == 2)
            let badFilter = try await client.send(.get, "/api/v1/tenants/acme/plugins/acme-exchange/sync?state=broken", token: tokens["acmeAdmin"])
            #expect(badFilter.status == .badRequest)

            let hubAdmin = try await client.send(.get, "/api/v1/tenants/acme/plugins/acme-exchange/sync", token: tokens["hubAdmin"])
            #expect(hubAdmin.status == .ok)
            for role in ["acmeSupervisor", "acmeUser", "acmeReporting"] {
                let denied = try await client.send(.get, "/api/v1/tenants/acme/plugins/acme-exchange/sync", token: tokens[role])
                #expect(denied.status == .forbidden, "\(role)")
            }
            let anonymous = try await client.send(.get, "/api/v1/tenants/acme/plugins/acme-exchange/sync", token: nil)
            #expect(anonymous.status == .unauthorized)
            // Another tenant's instance, and an unknown one, do not exist for acme.
            let foreign = try await client.send(.get, "/api/v1/tenants/acme/plugins/globex-graph/sync", token: tokens["acmeAdmin"])
            #expect(foreign.status == .notFound)
            let unknown = try await client.send(.get, "/api/v1/tenants/acme/plugins/nope/sync", token: tokens["acmeAdmin"])
            #expect(unknown.status == .notFound)
            let crossTenant = try await client.send(.get, "/api/v1/tenants/acme/plugins/acme-exchange/sync", token: tokens["globexAdmin"])
            #expect(crossTenant.status == .notFound)
            // An instance without calendar state has no users.
            let empty = try await client.send(.get, "/api/v1/tenants/globex/plugins/globex-graph/sync", token: tokens["globexAdmin"])
            #expect(empty.status == .ok)
            #expect((empty.object["users"] as? [Any])?.isEmpty == true)
            #expect(empty.object["mailboxes"] as? Int == 0)
        }
    }
}
