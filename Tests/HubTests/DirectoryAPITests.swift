import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HummingbirdTesting
import Testing

@Suite("Directory API (DIR-5..7)")
struct DirectoryAPITests {
    @Test("several prefixes must all match, in any field, diacritics-insensitive, with the matched fields reported")
    func search() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let token = tokens["acmeUser"]
            let ake = try await client.send(.get, "/api/v1/tenants/acme/directory?q=ake", token: token)
            #expect(ake.status == .ok)
            #expect(ake.array.map { $0["id"] as? String } == ["ake"])
            let matches = ake.array.first?["matches"] as? [[String: Any]] ?? []
            #expect(matches.first?["field"] as? String == "firstName")
            #expect(matches.first?["value"] as? String == "Åke")

            let twoFields = try await client.send(.get, "/api/v1/tenants/acme/directory?q=dav%20cust", token: token)
            #expect(twoFields.array.map { $0["id"] as? String } == ["david"])
            let fields = Set((twoFields.array.first?["matches"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["firstName", "department"])

            let none = try await client.send(.get, "/api/v1/tenants/acme/directory?q=dav%20sales", token: token)
            #expect(none.array.isEmpty)

            let umlaut = try await client.send(.get, "/api/v1/tenants/acme/directory?q=MAKI", token: token)
            #expect(umlaut.array.map { $0["id"] as? String } == ["cecilia"])

            let byNumber = try await client.send(.get, "/api/v1/tenants/acme/directory?q=040-12345", token: token)
            #expect(Set(byNumber.array.compactMap { $0["id"] as? String }) == ["anna", "cecilia"])
            let annaAsSeenByBertil = try await client.send(.get, "/api/v1/tenants/acme/users/anna", token: tokens["acmeUser2"])
            #expect(annaAsSeenByBertil.object["badgeIDs"] as? [String] == [], "badge ids are integration data")
            #expect(annaAsSeenByBertil.object["calendar"] == nil)
            let annaAsAdmin = try await client.send(.get, "/api/v1/tenants/acme/users/anna", token: tokens["acmeAdmin"])
            #expect(annaAsAdmin.object["badgeIDs"] as? [String] == ["B-ANNA"])
        }
    }

    @Test("contacts are filtered by visibility: personal to the owner, group contacts to members")
    func contactVisibility() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let anna = try await client.send(.get, "/api/v1/tenants/acme/contacts", token: tokens["acmeUser"])
            #expect(Set(anna.array.compactMap { $0["id"] as? String }) == ["bank", "annas-plumber", "sales-lead"])
            let bertil = try await client.send(.get, "/api/v1/tenants/acme/contacts", token: tokens["acmeUser2"])
            #expect(Set(bertil.array.compactMap { $0["id"] as? String }) == ["bank"])
            let hidden = try await client.send(.get, "/api/v1/tenants/acme/contacts/annas-plumber", token: tokens["acmeUser2"])
            #expect(hidden.status == .notFound)
            let search = try await client.send(.get, "/api/v1/tenants/acme/directory?q=putki", token: tokens["acmeUser2"])
            #expect(search.array.isEmpty)
            let own = try await client.send(.get, "/api/v1/tenants/acme/directory?q=putki", token: tokens["acmeUser"])
            #expect(own.array.map { $0["kind"] as? String } == ["contact"])

            let created = try await client.send(.post, "/api/v1/tenants/acme/contacts", token: tokens["acmeUser2"],
                                                json: #"{"id":"bertils-taxi","name":"Taxi Helsinki","numbers":[{"label":"work","number":"+358100100"}]}"#)
            #expect(created.status == .created)
            #expect((created.object["scope"] as? [String: Any])?["owner"] as? String == "bertil")
            let supervisor = try await client.send(.get, "/api/v1/tenants/acme/contacts", token: tokens["acmeSupervisor"])
            #expect(Set(supervisor.array.compactMap { $0["id"] as? String }) == ["bank", "sales-lead"], "personal lists are never shared")
            let othersPersonal = try await client.send(.delete, "/api/v1/tenants/acme/contacts/annas-plumber", token: tokens["acmeUser2"])
            #expect(othersPersonal.status == .notFound, "no hint that another user's contact exists")
            let companyWide = try await client.send(.post, "/api/v1/tenants/acme/contacts", token: tokens["acmeUser2"],
                                                    json: #"{"id":"x","name":"X","scope":{"kind":"tenant"}}"#)
            #expect(companyWide.status == .forbidden)
        }
    }

    @Test("DIR-2: a basic-profile user may change their own presence but not browse the directory; the refusal names who may")
    func entitlements() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let secret = try hub.services.tokens.create(tenant: "acme", role: .user, user: "cecilia", name: "t").secret
        try await hub.runtime.application().test(.router) { client in
            let search = try await client.send(.get, "/api/v1/tenants/acme/directory?q=anna", token: secret)
            #expect(search.status == .forbidden)
            #expect(search.text.contains("desktop") && search.text.contains("basic"))
            #expect(try await client.send(.get, "/api/v1/tenants/acme/users", token: secret).status == .forbidden)
            let own = try await client.send(.patch, "/api/v1/tenants/acme/users/cecilia/presence", token: secret, json: #"{"activity":"at_lunch"}"#)
            #expect(own.status == .ok)
        }
    }

    @Test("users: create with national numbers stored in E.164, merge patch, unique numbers, precise errors")
    func userLifecycle() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let admin = tokens["acmeAdmin"]
            let created = try await client.send(.post, "/api/v1/tenants/acme/users", token: admin, json: """
                {"id":"frida","firstName":"Frida","lastName":"Laine","profile":"mobile","mobileNumber":"050 765 4321","enterpriseNumber":"010 123 4599"}
                """)
            #expect(created.status == .created)
            #expect(created.object["mobileNumber"] as? String == "+358507654321")

            let duplicateNumber = try await client.send(.post, "/api/v1/tenants/acme/users", token: admin, json: """
                {"id":"gustav","firstName":"Gustav","lastName":"Ek","profile":"mobile","mobileNumber":"+358507654321"}
                """)
            #expect(duplicateNumber.status == .unprocessableContent)
            #expect(duplicateNumber.issuePaths == ["$.mobileNumber"])

            let otherTenantsNumber = try await client.send(.post, "/api/v1/tenants/acme/users", token: admin, json: """
                {"id":"gustav","firstName":"Gustav","lastName":"Ek","profile":"mobile","enterpriseNumber":"+46855500001"}
                """)
            #expect(otherTenantsNumber.status == .unprocessableContent)
            #expect(otherTenantsNumber.text.contains("another tenant"))
            #expect(!otherTenantsNumber.text.contains("g1"))

            let badNumber = try await client.send(.post, "/api/v1/tenants/acme/users", token: admin, json: """
                {"id":"gustav","firstName":"Gustav","lastName":"Ek","profile":"mobile","mobileNumber":"040 12x4567"}
                """)
            #expect(badNumber.status == .unprocessableContent)
            #expect(badNumber.issuePaths == ["$.mobileNumber"])

            let badProfile = try await client.send(.post, "/api/v1/tenants/acme/users", token: admin,
                                                   json: #"{"id":"gustav","firstName":"G","lastName":"E","profile":"premium"}"#)
            #expect(badProfile.status == .badRequest)
            #expect(badProfile.issuePaths == ["$.profile"])
            #expect(badProfile.text.contains("desktop_smartphone"))

            let missing = try await client.send(.post, "/api/v1/tenants/acme/users", token: admin, json: #"{"id":"gustav","firstName":"G"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.issuePaths.first?.hasPrefix("$.") == true)

            let patched = try await client.send(.patch, "/api/v1/tenants/acme/users/frida", token: admin,
                                                json: #"{"title":"Buyer","enterpriseNumber":null}"#)
            #expect(patched.status == .ok)
            #expect(patched.object["title"] as? String == "Buyer")
            #expect(patched.object["enterpriseNumber"] == nil)
            #expect(patched.object["mobileNumber"] as? String == "+358507654321")

            let found = try await client.send(.get, "/api/v1/tenants/acme/directory?q=buyer", token: admin)
            #expect(found.array.map { $0["id"] as? String } == ["frida"])

            let deleted = try await client.send(.delete, "/api/v1/tenants/acme/users/frida", token: admin)
            #expect(deleted.status == .noContent)
            let gone = try await client.send(.get, "/api/v1/tenants/acme/users/frida", token: admin)
            #expect(gone.status == .notFound)
        }
    }

    @Test("DIR-1: an active tenant keeps at least 5 users and 2 main admins")
    func tenantMinimums() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let admin = tokens["acmeAdmin"]
            let tenant = try await client.send(.get, "/api/v1/tenants/acme", token: admin)
            #expect(tenant.object["status"] as? String == "active")
            let demote = try await client.send(.patch, "/api/v1/tenants/acme/users/bertil", token: admin, json: #"{"permissions":[]}"#)
            #expect(demote.status == .conflict)
            #expect(try await client.send(.delete, "/api/v1/tenants/acme/users/eva", token: admin).status == .noContent)
            let tooFew = try await client.send(.delete, "/api/v1/tenants/acme/users/david", token: admin)
            #expect(tooFew.status == .conflict)
            #expect(tooFew.text.contains("at least 5 users"))
        }
    }

    @Test("DIR-3: two agent licences serve a third user only after one is released; basic cannot take one")
    func floatingLicences() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let admin = tokens["acmeAdmin"]
            #expect(try await client.send(.put, "/api/v1/tenants/acme/users/anna/add-ons/agent", token: admin).status == .ok)
            #expect(try await client.send(.put, "/api/v1/tenants/acme/users/david/add-ons/agent", token: admin).status == .ok)
            let third = try await client.send(.put, "/api/v1/tenants/acme/users/eva/add-ons/agent", token: admin)
            #expect(third.status == .conflict)
            #expect(third.text.contains("all 2 'agent' licences are taken"))
            let basic = try await client.send(.put, "/api/v1/tenants/acme/users/cecilia/add-ons/agent", token: admin)
            #expect(basic.status == .conflict)
            #expect(basic.text.contains("basic"))
            let notDesktop = try await client.send(.put, "/api/v1/tenants/acme/users/eva/add-ons/operator", token: admin)
            #expect(notDesktop.status == .conflict)
            #expect(try await client.send(.delete, "/api/v1/tenants/acme/users/anna/add-ons/agent", token: admin).status == .ok)
            let now = try await client.send(.put, "/api/v1/tenants/acme/users/eva/add-ons/agent", token: admin)
            #expect(now.status == .ok)
            #expect(now.json as? [String] == ["agent"])
            let view = try await client.send(.get, "/api/v1/tenants/acme", token: admin)
            let agent = (view.object["licences"] as? [String: Any])?["agent"] as? [String: Any]
            #expect(agent?["inUse"] as? Int == 2)
            #expect(agent?["holders"] as? [String] == ["david", "eva"])
            let asUser = try await client.send(.put, "/api/v1/tenants/acme/users/anna/add-ons/agent", token: tokens["acmeUser"])
            #expect(asUser.status == .forbidden)
        }
    }
}
