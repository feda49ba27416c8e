import Foundation
@testable import Hub
import HTTPTypes
import HubCore
import HummingbirdTesting
import Testing

@Suite("Message API: validation, idempotency, sender rules, listing, usage (MSG-2, MSG-3)")
struct MessageAPITests {
    static let sms = "/api/v1/tenants/acme/messages/sms"
    static let email = "/api/v1/tenants/acme/messages/email"
    static let rules = "/api/v1/tenants/acme/messages/sender-rules"

    @Test("invalid numbers, senders and texts are refused with the reason per field", arguments: [
        (#"{"to":"12345","from":"+358101234501","text":"x"}"#, "$.to", "not a valid phone number"),
        (#"{"to":"+358 40 12x","from":"+358101234501","text":"x"}"#, "$.to", "not a valid phone number"),
        (#"{"to":"0401234999","from":"+46855500001","text":"x"}"#, "$.from", "not a number of this tenant"),
        (#"{"to":"0401234999","from":"Acme","text":"x"}"#, "$.from", "not one of the tenant's alphanumeric senders"),
        (#"{"to":"0401234999","text":"x"}"#, "$.from", "no default SMS sender"),
        (#"{"to":"0401234999","from":"+358101234501","text":""}"#, "$.text", "must not be empty"),
    ])
    func refusesBadSMS(_ body: String, _ path: String, _ reason: String) async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let reply = try await client.send(.post, Self.sms, token: tokens["acmeService"], json: body)
            #expect(reply.status == .unprocessableContent, "\(reply.text)")
            #expect(reply.issuePaths.contains(path), "\(reply.text)")
            #expect(reply.text.contains(reason), "\(reply.text)")
        }
        #expect(try hub.services.outbox.repository.list(tenant: "acme", status: nil, senderUser: nil, before: nil, limit: 10).isEmpty)
    }

    @Test("Idempotency-Key: same key and body give the same id; a different body is refused; keys are per tenant")
    func idempotency() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let body = #"{"to":"0401234999","from":"+358101234501","text":"once"}"#
            let first = try await client.send(.post, Self.sms, token: tokens["acmeService"], json: body, headers: ["Idempotency-Key": "k-1"])
            let again = try await client.send(.post, Self.sms, token: tokens["acmeService"], json: body, headers: ["Idempotency-Key": "k-1"])
            #expect(first.status == .accepted)
            #expect(again.status == .accepted)
            #expect(first.object["id"] as? String == again.object["id"] as? String)
            #expect(first.object["replayed"] as? Bool == false)
            #expect(again.object["replayed"] as? Bool == true)
            let changed = try await client.send(.post, Self.sms, token: tokens["acmeService"],
                                                json: #"{"to":"0401234999","from":"+358101234501","text":"twice"}"#, headers: ["Idempotency-Key": "k-1"])
            #expect(changed.status == .unprocessableContent)
            #expect(changed.text.contains("idempotency_key_reused"))
            #expect(changed.text.contains(first.object["id"] as? String ?? "?"))
            let bad = try await client.send(.post, Self.sms, token: tokens["acmeService"], json: body, headers: ["Idempotency-Key": "has space"])
            #expect(bad.status == .badRequest)
            let globex = try await client.send(.post, "/api/v1/tenants/globex/messages/sms", token: tokens["globexAdmin"],
                                               json: #"{"to":"+46855500009","from":"+46855500001","text":"once"}"#, headers: ["Idempotency-Key": "k-1"])
            #expect(globex.status == .accepted, "\(globex.text)")
            #expect(globex.object["id"] as? String != first.object["id"] as? String)
        }
        let rows = try hub.services.outbox.repository.list(tenant: "acme", status: nil, senderUser: nil, before: nil, limit: 10)
        #expect(rows.count == 1)
        #expect(try hub.services.outbox.repository.usage(tenant: "acme", month: "2026-11").first?.accepted == 1)
    }

    @Test("sender rules: only an admin sets them; alphanumeric ids and extra numbers become allowed; defaults apply")
    func senderRules() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let put = #"{"alphanumeric":["Acme"],"numbers":["+358 9 876 5432"],"defaultSMSSender":"Acme","emailSenders":["@acme.example"],"defaultEmailSender":"Acme Hub <hub@acme.example>"}"#
            #expect(try await client.send(.put, Self.rules, token: tokens["acmeUser"], json: put).status == .forbidden)
            let set = try await client.send(.put, Self.rules, token: tokens["acmeAdmin"], json: put)
            #expect(set.status == .ok, "\(set.text)")
            #expect(set.object["numbers"] as? [String] == ["+35898765432"])
            let bad = try await client.send(.put, Self.rules, token: tokens["acmeAdmin"],
                                            json: #"{"alphanumeric":["TooLongSender1","12345"],"defaultSMSSender":"Other"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.issuePaths) == ["$.alphanumeric[0]", "$.alphanumeric[1]", "$.defaultSMSSender"])
            #expect(try await client.send(.get, Self.rules, token: tokens["acmeUser"]).object["defaultSMSSender"] as? String == "Acme")

            let byDefault = try await client.send(.post, Self.sms, token: tokens["acmeUser"], json: #"{"to":"0401234999","text":"hi"}"#)
            #expect(byDefault.status == .accepted, "\(byDefault.text)")
            let extra = try await client.send(.post, Self.sms, token: tokens["acmeUser"], json: #"{"to":"0401234999","from":"09 876 5432","text":"hi"}"#)
            #expect(extra.status == .accepted, "\(extra.text)")
            let mail = try await client.send(.post, Self.email, token: tokens["acmeUser"],
                                             json: #"{"to":["x@example.com"],"subject":"S","text":"T","attachments":[{"filename":"a.ics","contentType":"text/calendar; method=REQUEST","data":"QkVHSU46VkNBTEVOREFS"}]}"#)
            #expect(mail.status == .accepted, "\(mail.text)")
            let foreign = try await client.send(.post, Self.email, token: tokens["acmeUser"],
                                                json: #"{"to":["x@example.com"],"from":"boss@evil.example","subject":"S","text":"T"}"#)
            #expect(foreign.status == .unprocessableContent)
            #expect(foreign.issuePaths == ["$.from"])
            let badTo = try await client.send(.post, Self.email, token: tokens["acmeUser"],
                                              json: #"{"to":["not an address"],"subject":"S\nBcc: x","text":"T"}"#)
            #expect(Set(badTo.issuePaths) == ["$.to[0]", "$.subject"])

            let id = try #require(mail.object["id"] as? String)
            let shown = try await client.send(.get, "/api/v1/tenants/acme/messages/\(id)", token: tokens["acmeUser"])
            let email = shown.object["email"] as? [String: Any] ?? [:]
            #expect(email["from"] as? String == "Acme Hub <hub@acme.example>")
            #expect((email["attachments"] as? [[String: Any]])?.first?["bytes"] as? Int == 15)
            #expect(shown.object["status"] as? String == "queued")
        }
    }

    @Test("a queue's or user's number of the tenant may be the sender; a user token sees only its own messages; paging works")
    func listingAndVisibility() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            for index in 0..<5 {
                let reply = try await client.send(.post, Self.sms, token: tokens["acmeUser"],
                                                  json: #"{"to":"0401234999","from":"010 123 4502","text":"anna \#(index)"}"#)
                #expect(reply.status == .accepted, "\(reply.text)")
            }
            let other = try await client.send(.post, Self.sms, token: tokens["acmeUser2"], json: #"{"to":"0401234999","from":"+358101234502","text":"bertil"}"#)
            #expect(other.status == .accepted)
            let page1 = try await client.send(.get, "/api/v1/tenants/acme/messages?limit=4", token: tokens["acmeAdmin"])
            #expect((page1.object["messages"] as? [Any])?.count == 4)
            let next = try #require(page1.object["next"] as? String)
            let page2 = try await client.send(.get, "/api/v1/tenants/acme/messages?limit=4&before=\(next)", token: tokens["acmeAdmin"])
            #expect((page2.object["messages"] as? [Any])?.count == 2)
            #expect(page2.object["next"] == nil)
            let own = try await client.send(.get, "/api/v1/tenants/acme/messages?status=queued", token: tokens["acmeUser2"])
            #expect((own.object["messages"] as? [[String: Any]])?.map { ($0["sms"] as? [String: Any])?["text"] as? String } == ["bertil"])
            let id = try #require(other.object["id"] as? String)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/messages/\(id)", token: tokens["acmeUser"]).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/tenants/globex/messages/\(id)", token: tokens["globexAdmin"]).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/messages?status=lost", token: tokens["acmeAdmin"]).status == .badRequest)
            let usage = try await client.send(.get, "/api/v1/tenants/acme/messages/usage?month=2026-11", token: tokens["acmeReporting"])
            #expect(usage.status == .ok)
            #expect((usage.object["months"] as? [[String: Any]])?.first?["accepted"] as? Int == 6)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/messages/usage", token: tokens["acmeUser"]).status == .forbidden)
            #expect(try await client.send(.post, Self.sms, token: tokens["acmeReporting"], json: #"{"to":"0401234999","text":"x"}"#).status == .forbidden)
        }
    }
}
