import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HummingbirdTesting
import Testing

@Suite("Presence API (PRES-1..5, PRES-8)")
struct PresenceAPITests {
    @Test("a user sets their own presence; source, time and until are recorded and published")
    func ownPresence() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let events = hub.services.bus.subscribe(tenant: "acme")
        try await hub.runtime.application().test(.router) { client in
            let reply = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"],
                                              json: #"{"activity":"in_meeting","note":"Budget review","until":"2026-11-20T14:00:00Z","online":true}"#)
            #expect(reply.status == .ok)
            #expect(reply.object["result"] as? String == "applied")
            let presence = reply.object["presence"] as? [String: Any] ?? [:]
            #expect(presence["activity"] as? String == "in_meeting")
            #expect(presence["availableForGroupCalls"] as? Bool == false)
            #expect(presence["source"] as? String == "user")
            #expect(presence["changedAt"] as? String == "2026-11-20T00:00:00.000Z")
            #expect(presence["until"] as? String == "2026-11-20T14:00:00.000Z")

            let cleared = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"],
                                                json: #"{"note":null,"until":null}"#)
            let after = cleared.object["presence"] as? [String: Any] ?? [:]
            #expect(after["note"] as? String == "")
            #expect(after["until"] == nil)
            #expect(after["activity"] as? String == "in_meeting")
        }
        var iterator = events.makeAsyncIterator()
        let first = await iterator.next()
        guard case let .presenceChanged(change)? = first?.payload else {
            Issue.record("expected a presence event, got \(String(describing: first))")
            return
        }
        #expect(change.user == "anna")
        #expect(change.after.activity == "in_meeting")
        #expect(change.source == .user)
    }

    @Test("a user token may not change someone else's presence; supervisors and admins may, recorded as admin and audited")
    func othersPresence() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let refused = try await client.send(.patch, "/api/v1/tenants/acme/users/bertil/presence", token: tokens["acmeUser"],
                                                json: #"{"activity":"sick"}"#)
            #expect(refused.status == .forbidden)
            let bySupervisor = try await client.send(.patch, "/api/v1/tenants/acme/users/bertil/presence", token: tokens["acmeSupervisor"],
                                                     json: #"{"activity":"sick"}"#)
            #expect(bySupervisor.status == .ok)
            #expect((bySupervisor.object["presence"] as? [String: Any])?["source"] as? String == "admin")
            let audit = try await client.send(.get, "/api/v1/tenants/acme/audit", token: tokens["acmeAdmin"])
            let entry = audit.array.first { $0["action"] as? String == "presence.set" }
            #expect(entry?["target"] as? String == "user:bertil")
            #expect((entry?["after"] as? String)?.contains("\"sick\"") == true)
            #expect((entry?["actor"] as? String)?.hasPrefix("token:") == true)
        }
    }

    @Test("validation errors name the field: unknown activity, role, long note, past until, manual endsAt, unknown field")
    func validation() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let long = String(repeating: "x", count: 501)
        let cases: [(String, String?, [String])] = [
            (#"{"activity":"skiing"}"#, "acmeUser", ["$.activity"]),
            (#"{"role":"night"}"#, "acmeUser", ["$.role"]),
            ("{\"note\":\"\(long)\"}", "acmeUser", ["$.note"]),
            (#"{"until":"2026-11-19T10:00:00Z"}"#, "acmeUser", ["$.until"]),
            (#"{"until":"tomorrow"}"#, "acmeUser", ["$.until"]),
            (#"{"activity":"busy","endsAt":"2026-11-21T10:00:00Z"}"#, "acmeUser", ["$.endsAt"]),
            (#"{"activity":"busy","colour":"red"}"#, "acmeUser", ["$.colour"]),
            (#"{"online":"yes"}"#, "acmeUser", ["$.online"]),
            (#"{"online":1}"#, "acmeUser", ["$.online"]),
            (#"{}"#, "acmeUser", ["$"]),
        ]
        try await hub.runtime.application().test(.router) { client in
            for (body, token, paths) in cases {
                let reply = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens[token ?? ""], json: body)
                #expect(reply.status == .unprocessableContent, "\(body)")
                #expect(reply.issuePaths == paths, "\(body): \(reply.text)")
            }
            let notJSON = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"], json: "{activity")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.issuePaths == ["$"])
            let array = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"], json: "[1]")
            #expect(array.status == .badRequest)
            let huge = "{\"note\":\"" + String(repeating: "a", count: APILimits.maxBodyBytes + 10) + "\"}"
            let tooLarge = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"], json: huge)
            #expect(tooLarge.status == .contentTooLarge)
            let unknownUser = try await client.send(.patch, "/api/v1/tenants/acme/users/nobody/presence", token: tokens["acmeAdmin"],
                                                    json: #"{"activity":"busy"}"#)
            #expect(unknownUser.status == .notFound)
            let still = try await client.send(.get, "/api/v1/healthz".replacingOccurrences(of: "/api/v1", with: ""), token: nil)
            #expect(still.status == .ok)
        }
    }

    @Test("PRES-8 through the API: a service's stamp older than the user's manual change is ignored with the reason")
    func precedence() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            _ = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"], json: #"{"activity":"remote_work"}"#)
            let stale = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeService"],
                                              json: #"{"activity":"at_office","occurredAt":"2026-11-19T23:59:00Z"}"#)
            #expect(stale.status == .ok)
            #expect(stale.object["result"] as? String == "ignored")
            #expect(stale.object["reason"] as? String == "older_than_manual_change")
            #expect((stale.object["presence"] as? [String: Any])?["activity"] as? String == "remote_work")
            let userSendsEndsAt = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"],
                                                        json: #"{"activity":"busy","occurredAt":"2026-11-20T00:00:00Z"}"#)
            #expect(userSendsEndsAt.status == .unprocessableContent)
        }
    }

    @Test("the active role is hidden from other users unless the user shows it (DIR-5)")
    func roleVisibility() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let other = try await client.send(.get, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser2"])
            #expect(other.object["role"] == nil)
            let own = try await client.send(.get, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"])
            #expect(own.object["role"] as? String == "work")
            let admin = try await client.send(.get, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeAdmin"])
            #expect(admin.object["role"] as? String == "work")
        }
    }
}
