import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HummingbirdTesting
import Testing

@Suite("Tenant isolation (DIR-1, SEC-1)")
struct TenantIsolationTests {
    static let parameters = [
        "{tenant}": "acme", "{user}": "anna", "{group}": "sales", "{contact}": "bank", "{activity}": "busy",
        "{addOn}": "agent", "{token}": "tok_000000000000",
    ]

    @Test("a token of tenant B gets 404 for every route of tenant A, and never A's data")
    func everyRouteIsIsolated() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let routes = hub.runtime.routes.filter { $0.path.contains("{tenant}") }
        #expect(routes.count >= 25)
        try await hub.runtime.application().test(.router) { client in
            for route in routes {
                var path = route.path
                for (name, value) in Self.parameters { path = path.replacingOccurrences(of: name, with: value) }
                let method = HTTPRequest.Method(route.method) ?? .get
                let body: String? = [.post, .put, .patch].contains(method) ? #"{"name":"x","activity":"busy"}"# : nil
                let reply = try await client.send(method, path, token: tokens["globexAdmin"], json: body)
                #expect(reply.status == .notFound, "\(route.method) \(path) answered \(reply.status)")
                #expect(!reply.text.contains("Virtanen") && !reply.text.contains("anna@"), "\(route.method) \(path) leaked data")
            }
            let own = try await client.send(.get, "/api/v1/tenants/globex/users", token: tokens["globexAdmin"])
            #expect(own.status == .ok)
            #expect(own.array.count == 5)
            let list = try await client.send(.get, "/api/v1/tenants", token: tokens["globexAdmin"])
            #expect(list.array.compactMap { $0["id"] as? String } == ["globex"])
            let all = try await client.send(.get, "/api/v1/tenants", token: tokens["hubAdmin"])
            #expect(all.array.compactMap { $0["id"] as? String } == ["acme", "globex"])
        }
    }

    @Test("unauthenticated and revoked tokens get 401")
    func authentication() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            #expect(try await client.send(.get, "/api/v1/tenants/acme/users", token: nil).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/users", token: "hub_forged").status == .unauthorized)
            #expect(try await client.send(.get, "/metrics", token: nil).status == .unauthorized)
            let created = try await client.send(.post, "/api/v1/tenants/acme/tokens", token: tokens["acmeAdmin"],
                                                json: #"{"name":"kiosk","role":"user","user":"eva"}"#)
            #expect(created.status == .created)
            let secret = created.object["secret"] as? String
            let id = (created.object["token"] as? [String: Any])?["id"] as? String ?? ""
            #expect(try await client.send(.get, "/api/v1/tenants/acme/users/eva/presence", token: secret).status == .ok)
            let listed = try await client.send(.get, "/api/v1/tenants/acme/tokens", token: tokens["acmeAdmin"])
            #expect(!listed.text.contains(secret ?? "-"))
            #expect(try await client.send(.delete, "/api/v1/tenants/acme/tokens/\(id)", token: tokens["acmeAdmin"]).status == .noContent)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/users/eva/presence", token: secret).status == .unauthorized)
        }
    }

    @Test("tokens are stored hashed: the database never holds a secret")
    func tokensHashed() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let database = try Data(contentsOf: URL(fileURLWithPath: hub.directory + "/hub.sqlite"))
            + ((try? Data(contentsOf: URL(fileURLWithPath: hub.directory + "/hub.sqlite-wal"))) ?? Data())
        for secret in hub.tokens.values {
            #expect(database.range(of: Data(secret.utf8)) == nil)
            #expect(database.range(of: Data(TokenService.hash(secret).utf8)) != nil)
        }
    }

    @Test("events reach subscribers of the same tenant only")
    func eventScope() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let acme = hub.services.bus.subscribe(tenant: "acme")
        let globex = hub.services.bus.subscribe(tenant: "globex")
        _ = try await hub.engine.setPresence(tenant: "acme", user: "anna", update: PresenceUpdate(activity: "busy", source: .user),
                                             actor: "t", audited: false)
        _ = try await hub.engine.setPresence(tenant: "globex", user: "g1", update: PresenceUpdate(activity: "sick", source: .user),
                                             actor: "t", audited: false)
        var acmeEvents = acme.makeAsyncIterator()
        var globexEvents = globex.makeAsyncIterator()
        #expect(await acmeEvents.next()?.tenant == "acme")
        let globexEvent = await globexEvents.next()
        #expect(globexEvent?.tenant == "globex")
        guard case let .presenceChanged(change)? = globexEvent?.payload else {
            Issue.record("expected presence")
            return
        }
        #expect(change.user == "g1")
    }
}
