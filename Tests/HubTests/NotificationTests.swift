import Foundation
@testable import Hub
import HTTPTypes
import HubCore
import HummingbirdTesting
import Testing

@Suite("Notifications: preferences and the notifier (MSG-4)")
struct NotificationTests {
    static let path = "/api/v1/tenants/acme/users/anna/notifications"

    @Test("a user sets their own preferences per event kind; others need an admin; bad values are refused")
    func preferencesAPI() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await hub.runtime.application().test(.router) { client in
            let empty = try await client.send(.get, Self.path, token: tokens["acmeUser"])
            #expect(empty.object as NSDictionary == ["missed_call": "none", "voicemail": "none", "conference_reminder": "none"] as NSDictionary)
            let set = try await client.send(.put, Self.path, token: tokens["acmeUser"], json: #"{"missed_call":"both","voicemail":"email"}"#)
            #expect(set.status == .ok, "\(set.text)")
            #expect(set.object["conference_reminder"] as? String == "none")
            #expect(try await client.send(.get, Self.path, token: tokens["acmeAdmin"]).object["missed_call"] as? String == "both")
            #expect(try await client.send(.put, Self.path, token: tokens["acmeUser2"], json: #"{"missed_call":"sms"}"#).status == .forbidden)
            #expect(try await client.send(.get, Self.path, token: tokens["acmeUser2"]).status == .forbidden)
            let bad = try await client.send(.put, Self.path, token: tokens["acmeUser"], json: #"{"missed_call":"pigeon"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("none, sms, email, both"))
            let unknown = try await client.send(.put, Self.path, token: tokens["acmeUser"], json: #"{"new_fax":"sms"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(try await client.send(.get, "/api/v1/tenants/acme/users/nobody/notifications", token: tokens["acmeAdmin"]).status == .notFound)
        }
    }

    @Test("notify sends on the channels the user chose, to their mobile and e-mail, once per idempotency key")
    func notifierFollowsPreferences() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let settings = hub.services.outbox.settings
        var rules = SenderRules()
        rules.alphanumeric = ["Acme"]
        rules.defaultSMSSender = "Acme"
        rules.emailSenders = ["@acme.example"]
        rules.defaultEmailSender = "hub@acme.example"
        try settings.setSenderRules(rules, tenant: "acme")
        try settings.setPreferences(NotificationPreferences(choices: [.missedCall: .both]), tenant: "acme", user: "anna")
        try settings.setPreferences(NotificationPreferences(choices: [.missedCall: .sms]), tenant: "acme", user: "bertil")

        let notifier = hub.services.notifier
        let anna = await notifier.notify(tenant: "acme", user: "anna", kind: .missedCall, text: "Missed call from +358401111111",
                                         idempotencyKey: "call-1")
        #expect(anna.messages.count == 2)
        #expect(anna.skipped.isEmpty)
        let records = try await anna.messages.asyncMap { try await hub.message($0) }
        #expect(records.map(\.content) == [
            .sms(SMSContent(to: "+358401234501", from: "Acme", text: "Missed call from +358401111111")),
            .email(EmailContent(from: "hub@acme.example", to: ["anna@acme.example"], subject: "Missed call", text: "Missed call from +358401111111")),
        ])
        let again = await notifier.notify(tenant: "acme", user: "anna", kind: .missedCall, text: "Missed call from +358401111111",
                                          idempotencyKey: "call-1")
        #expect(again.messages == anna.messages)
        #expect(await notifier.notify(tenant: "acme", user: "anna", kind: .voicemail, text: "x").messages.isEmpty)
        let bertil = await notifier.notify(tenant: "acme", user: "bertil", kind: .missedCall, text: "x")
        #expect(bertil.messages.isEmpty)
        #expect(bertil.skipped == ["sms: user bertil has no mobile number"])
        #expect(try hub.services.outbox.repository.usage(tenant: "acme", month: nil).map(\.accepted) == [1, 1])
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
