import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HummingbirdTesting
import Testing

@Suite("Audit log (ADM-3)")
struct AuditTests {
    @Test("every admin change is logged with who, what, when, before and after; readable by main admin and reporting only")
    func adminChanges() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let admin = tokens["acmeAdmin"]
            _ = try await client.send(.patch, "/api/v1/tenants/acme/users/eva", token: admin, json: #"{"title":"Controller"}"#)
            _ = try await client.send(.put, "/api/v1/tenants/acme/activities/training", token: admin,
                                      json: #"{"name":"Training","availableForGroupCalls":false}"#)
            _ = try await client.send(.put, "/api/v1/tenants/acme/groups/finance", token: admin, json: #"{"name":"Finance"}"#)
            _ = try await client.send(.put, "/api/v1/tenants/acme/users/anna/add-ons/agent", token: admin)
            _ = try await client.send(.patch, "/api/v1/tenants/acme", token: admin, json: #"{"name":"Acme Group Oy"}"#)
            let log = try await client.send(.get, "/api/v1/tenants/acme/audit?limit=5", token: tokens["acmeReporting"])
            #expect(log.status == .ok)
            #expect(log.array.compactMap { $0["action"] as? String }
                == ["tenant.update", "addon.take", "group.create", "activity.put", "user.update"])
            let userUpdate = log.array.last ?? [:]
            #expect(userUpdate["target"] as? String == "user:eva")
            #expect((userUpdate["before"] as? String)?.contains("Controller") == false)
            #expect((userUpdate["after"] as? String)?.contains("\"title\":\"Controller\"") == true)
            #expect(userUpdate["at"] as? String == "2026-11-20T00:00:00.000Z")
            #expect((userUpdate["actor"] as? String)?.contains("user:anna") == true)
            let older = try await client.send(.get, "/api/v1/tenants/acme/audit?limit=2&before=\(userUpdate["id"] as? Int ?? 0)", token: admin)
            #expect(older.array.count == 2)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/audit", token: tokens["acmeUser"]).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/audit?limit=0", token: admin).status == .badRequest)
        }
    }

    @Test("catalogue edits: an activity in use cannot be deleted; new activities are usable at once")
    func catalogue() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let admin = tokens["acmeAdmin"]
            let put = try await client.send(.put, "/api/v1/tenants/acme/activities/training", token: admin,
                                            json: #"{"name":"Training","availableForGroupCalls":false}"#)
            #expect(put.status == .ok)
            let set = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"], json: #"{"activity":"training"}"#)
            #expect(set.status == .ok)
            #expect(try await client.send(.delete, "/api/v1/tenants/acme/activities/training", token: admin).status == .conflict)
            #expect(try await client.send(.delete, "/api/v1/tenants/acme/activities/available", token: admin).status == .unprocessableContent)
            let catalogue = try await client.send(.get, "/api/v1/tenants/acme/activities", token: tokens["acmeUser"])
            #expect((catalogue.object["activities"] as? [[String: Any]])?.count == 10)
            let roles = try await client.send(.put, "/api/v1/tenants/acme/roles", token: admin, json: #"{"roles":["work"]}"#)
            #expect(roles.status == .unprocessableContent)
            #expect(roles.issuePaths == ["$.roles"])
        }
    }
}
