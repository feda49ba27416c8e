import Clocks
import Foundation
import HTTPTypes
@testable import Hub
import HubCore
import HubPluginTesting
import HummingbirdTesting
import Logging
import Testing

@Suite("Routing through the API: plan, agents, call control, logs, figures (ROUTE, ACD, HUNT, LOG)", .timeLimit(.minutes(1)))
struct RoutingAPITests {
    static let queueNumber = "+358101239000"
    static let plan = """
    {"plan": {
       "queues": [{"id": "support", "name": "Support", "number": "+358101239000", "ringSeconds": 20, "attempts": 2,
                   "terminals": ["softphone"], "overflow": {"noAnswer": "+358101239999", "noAgents": "+358101239998"}}],
       "huntGroups": [{"id": "desk", "name": "Desk", "number": "+358101239100", "members": ["anna", "bertil"]}],
       "rules": {"anna": [{"activities": ["in_meeting"], "action": {"forward": "+358401234501"}}]}},
     "schedules": {}}
    """

    /// Runs the routing feed and timer wheel while `body` runs.
    private func withRouting(_ hub: TestHub, _ body: () async throws -> Void) async throws {
        let runner = hub.runtime.routingRunner
        let task = Task { try await runner.run() }
        defer { task.cancel() }
        await Task.megaYieldForTests(count: 20)
        try await body()
    }

    private func advance(_ clock: TestClock<Duration>, by seconds: Int) async {
        await Task.megaYieldForTests(count: 50)
        await clock.advance(by: .seconds(seconds))
        await Task.megaYieldForTests(count: 100)
    }

    private func ringLeg(_ reply: Reply, user: String) -> Int? {
        let decisions = reply.object["decisions"] as? [[String: Any]] ?? []
        return decisions.first { ($0["action"] as? String) == "ring" && (($0["ring"] as? [String: Any])?["user"] as? String) == user }?["leg"] as? Int
    }

    @Test("a queue call rings the logged-in agent, is answered and ends: log, records, figures, phone state")
    func queueCallEndToEnd() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await withRouting(hub) {
            try await hub.runtime.application().test(.router) { client in
                let put = try await client.send(.put, "/api/v1/tenants/acme/routing", token: tokens["acmeAdmin"], json: Self.plan)
                #expect(put.status == .ok, "\(put.text)")
                let noLicence = try await client.send(.put, "/api/v1/tenants/acme/queues/support/agents/bertil", token: tokens["acmeUser2"])
                #expect(noLicence.status == .forbidden)
                #expect(noLicence.text.contains("no agent or operator licence"))
                _ = try await client.send(.put, "/api/v1/tenants/acme/users/bertil/add-ons/agent", token: tokens["acmeAdmin"])
                let login = try await client.send(.put, "/api/v1/tenants/acme/queues/support/agents/bertil", token: tokens["acmeUser2"])
                #expect(login.status == .ok, "\(login.text)")
                let offer = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                                  json: #"{"id": "call-1", "from": "+358501112233", "to": "+358101239000"}"#)
                #expect(offer.status == .created, "\(offer.text)")
                let leg = try #require(ringLeg(offer, user: "bertil"))
                let answered = try await client.send(.post, "/api/v1/tenants/acme/calls/call-1/events", token: tokens["acmeService"],
                                                     json: #"{"type": "answered", "leg": \#(leg)}"#)
                #expect((answered.object["decisions"] as? [[String: Any]])?.first?["action"] as? String == "connect")
                let operatorView = try await client.send(.get, "/api/v1/tenants/acme/operator", token: tokens["acmeSupervisor"])
                let bertil = (operatorView.object["people"] as? [[String: Any]])?.first { ($0["presence"] as? [String: Any])?["user"] as? String == "bertil" }
                #expect(bertil?["inCall"] as? Bool == true)
                _ = try await client.send(.post, "/api/v1/tenants/acme/calls/call-1/events", token: tokens["acmeService"], json: #"{"type": "ended"}"#)
                let log = try await client.send(.get, "/api/v1/tenants/acme/users/bertil/call-log", token: tokens["acmeUser2"])
                let entries = log.object["entries"] as? [[String: Any]] ?? []
                #expect(entries.map { $0["kind"] as? String } == ["answered"])
                #expect((entries.first?["via"] as? [String: Any])?["queue"] as? String == "support")
                let queue = try await client.send(.get, "/api/v1/tenants/acme/queues/support", token: tokens["acmeSupervisor"])
                let figures = queue.object["figures"] as? [[String: Any]] ?? []
                #expect(figures.first?["answered"] as? Int == 1, "\(queue.text)")
                let fromQueue = try await client.send(.post, "/api/v1/tenants/acme/messages/sms", token: tokens["acmeService"],
                                                      json: #"{"to": "+358501112233", "from": "+358101239000", "text": "We called you back"}"#)
                #expect(fromQueue.status == .accepted, "MSG-3: the queue's number is the tenant's: \(fromQueue.text)")
                let userTakesQueueNumber = try await client.send(.patch, "/api/v1/tenants/acme/users/eva", token: tokens["acmeAdmin"],
                                                                 json: #"{"enterpriseNumber": "+358101239000"}"#)
                #expect(userTakesQueueNumber.status != .ok, "DIR-4: a queue's number is not free for a user")
                let records = try await client.send(.get, "/api/v1/tenants/acme/call-records?queue=support", token: tokens["acmeReporting"])
                #expect(records.array.first?["answeredBy"] as? String == "bertil")
                let otherLog = try await client.send(.get, "/api/v1/tenants/acme/users/bertil/call-log", token: tokens["acmeUser"])
                #expect(otherLog.status == .forbidden)
            }
        }
    }

    @Test("queue figures survive a restart: the windows are rebuilt from the stored call records (ACD-10)")
    func queueFiguresSurviveARestart() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await withRouting(hub) {
            try await hub.runtime.application().test(.router) { client in
                for (path, token) in [("routing", "acmeAdmin"), ("users/bertil/add-ons/agent", "acmeAdmin"), ("queues/support/agents/bertil", "acmeUser2")] {
                    _ = try await client.send(.put, "/api/v1/tenants/acme/" + path, token: tokens[token], json: path == "routing" ? Self.plan : nil)
                }
                // Two calls for bertil: one answered and ended, one given up at once (a short abandon).
                for (call, answered) in [("call-1", true), ("call-2", false)] {
                    let offer = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                                      json: #"{"id": "\#(call)", "from": "+358501112233", "to": "+358101239000"}"#)
                    let leg = try #require(ringLeg(offer, user: "bertil"))
                    let events = answered ? [#"{"type": "answered", "leg": \#(leg)}"#, #"{"type": "ended"}"#] : [#"{"type": "caller_hung_up"}"#]
                    for event in events {
                        _ = try await client.send(.post, "/api/v1/tenants/acme/calls/\(call)/events", token: tokens["acmeService"], json: event)
                    }
                }
            }
        }
        let reopened = try await HubRuntime.make(
            hub.runtime.configuration, registry: BuiltinPlugins.registry,
            clock: HubClock(hub.clock, epoch: TestHub.epoch), logger: .init(label: "test"))
        try await reopened.application().test(.router) { client in
            let queue = try await client.send(.get, "/api/v1/tenants/acme/queues/support", token: tokens["acmeSupervisor"])
            let figures = queue.object["figures"] as? [[String: Any]] ?? []
            #expect(figures.count == 3, "\(queue.text)")
            #expect(figures.first?["offered"] as? Int == 2, "\(queue.text)")
            #expect(figures.first?["answered"] as? Int == 1)
            #expect(figures.first?["shortAbandoned"] as? Int == 1, "hung up at once: a short abandon")
        }
    }

    @Test("no-answer overflow diverts at exactly 20 s × 2 on the injected clock, and the record says so")
    func noAnswerOverflowOnTheClock() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let clock = hub.clock
        try await withRouting(hub) {
            try await hub.runtime.application().test(.router) { client in
                _ = try await client.send(.put, "/api/v1/tenants/acme/routing", token: tokens["acmeAdmin"], json: Self.plan)
                _ = try await client.send(.put, "/api/v1/tenants/acme/users/bertil/add-ons/agent", token: tokens["acmeAdmin"])
                _ = try await client.send(.put, "/api/v1/tenants/acme/queues/support/agents/bertil", token: tokens["acmeAdmin"])
                _ = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                          json: #"{"id": "call-2", "from": "+358501112233", "to": "+358101239000"}"#)
                await advance(clock, by: 39)
                let waiting = try await client.send(.get, "/api/v1/tenants/acme/calls/call-2", token: tokens["acmeService"])
                #expect(waiting.object["active"] != nil && !(waiting.object["active"] is NSNull), "\(waiting.text)")
                await advance(clock, by: 1)
                let after = try await client.send(.get, "/api/v1/tenants/acme/calls/call-2", token: tokens["acmeService"])
                let decisions = after.object["decisions"] as? [[String: Any]] ?? []
                let divert = decisions.compactMap { $0["decision"] as? [String: Any] }.first { $0["action"] as? String == "divert" }
                #expect(divert?["to"] as? String == "+358101239999", "\(after.text)")
                #expect(divert?["reason"] as? String == "no_answer")
                let at = decisions.first { ($0["decision"] as? [String: Any])?["action"] as? String == "divert" }?["at"] as? String
                #expect(at == "2026-11-20T00:00:40.000Z")
            }
        }
    }

    @Test("plan changes are validated with paths, audited, admin-only; users edit their own rules only")
    func planValidationAndRights() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await withRouting(hub) {
            try await hub.runtime.application().test(.router) { client in
                let basic = Self.plan.replacingOccurrences(of: #""members": ["anna", "bertil"]"#, with: #""members": ["anna", "cecilia"]"#)
                let refused = try await client.send(.put, "/api/v1/tenants/acme/routing", token: tokens["acmeAdmin"], json: basic)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.issuePaths == ["$.plan.huntGroups[0].members[1]"], "\(refused.text)")
                let userNumber = Self.plan.replacingOccurrences(of: "+358101239000", with: "+358101234501")
                let taken = try await client.send(.put, "/api/v1/tenants/acme/routing", token: tokens["acmeAdmin"], json: userNumber)
                #expect(taken.status == .unprocessableContent)
                #expect(taken.text.contains("anna"))
                let byUser = try await client.send(.put, "/api/v1/tenants/acme/routing", token: tokens["acmeUser"], json: Self.plan)
                #expect(byUser.status == .forbidden)
                let own = try await client.send(.put, "/api/v1/tenants/acme/users/anna/routing-rules", token: tokens["acmeUser"],
                                                json: #"[{"activities": ["on_vacation"], "action": "voicemail"}]"#)
                #expect(own.status == .ok, "\(own.text)")
                let others = try await client.send(.put, "/api/v1/tenants/acme/users/anna/routing-rules", token: tokens["acmeUser2"],
                                                   json: #"[{"action": "voicemail"}]"#)
                #expect(others.status == .forbidden)
                let badRule = try await client.send(.put, "/api/v1/tenants/acme/users/anna/routing-rules", token: tokens["acmeUser"],
                                                    json: #"[{"busy": "hold"}]"#)
                #expect(badRule.status == .badRequest)
                #expect(badRule.text.contains("personal_queue"))
                let audit = try await client.send(.get, "/api/v1/tenants/acme/audit?limit=1", token: tokens["acmeReporting"])
                #expect(audit.array.first?["action"] as? String == "routing.replace")
            }
        }
        let stored = try RoutingRepository(database: try HubDatabase(dataDirectory: hub.directory)).loadAll()
        #expect(stored.plans["acme"]?.plan.rules["anna"]?.first?.action == .voicemail, "acknowledged = on disk")
    }

    @Test("a presence change reaches routing before the next call: a meeting forwards anna's calls")
    func presenceDrivesPersonalRules() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await withRouting(hub) {
            try await hub.runtime.application().test(.router) { client in
                _ = try await client.send(.put, "/api/v1/tenants/acme/routing", token: tokens["acmeAdmin"], json: Self.plan)
                _ = try await client.send(.patch, "/api/v1/tenants/acme/users/anna/presence", token: tokens["acmeUser"],
                                          json: #"{"activity": "in_meeting"}"#)
                let offer = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                                  json: #"{"id": "call-3", "from": "+358501112233", "to": "+358101234501"}"#)
                let decisions = offer.object["decisions"] as? [[String: Any]] ?? []
                #expect(decisions.first?["action"] as? String == "divert", "\(offer.text)")
                #expect(decisions.first?["to"] as? String == "+358401234501")
                let missed = try await client.send(.get, "/api/v1/tenants/acme/users/anna/call-log", token: tokens["acmeUser"])
                #expect((missed.object["entries"] as? [[String: Any]])?.first?["kind"] as? String == "missed")
                let bad = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                                json: #"{"from": "+358501112233", "to": "not a number"}"#)
                #expect(bad.status == .badRequest)
                #expect(bad.issuePaths == ["$.to"])
                let unknownEvent = try await client.send(.post, "/api/v1/tenants/acme/calls/call-3/events", token: tokens["acmeService"],
                                                         json: #"{"type": "exploded"}"#)
                #expect(unknownEvent.status == .badRequest)
                let byUser = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeUser"],
                                                   json: #"{"from": "+358501112233", "to": "+358101234501"}"#)
                #expect(byUser.status == .forbidden)
            }
        }
    }

    @Test("routing follows the tenant's own activities: a custom activity for group calls takes queue calls until the admin says otherwise (PRES-1, ACD-6)")
    func customActivitiesReachRouting() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        try await withRouting(hub) {
            try await hub.runtime.application().test(.router) { client in
                let admin = tokens["acmeAdmin"]
                _ = try await client.send(.put, "/api/v1/tenants/acme/routing", token: admin, json: Self.plan)
                let onSite = try await client.send(.put, "/api/v1/tenants/acme/activities/on_site", token: admin,
                                                   json: #"{"name":"On site","availableForGroupCalls":true}"#)
                #expect(onSite.status == .ok, "\(onSite.text)")
                _ = try await client.send(.put, "/api/v1/tenants/acme/users/bertil/add-ons/agent", token: admin)
                _ = try await client.send(.put, "/api/v1/tenants/acme/queues/support/agents/bertil", token: tokens["acmeUser2"])
                let presence = try await client.send(.patch, "/api/v1/tenants/acme/users/bertil/presence", token: tokens["acmeUser2"],
                                                     json: #"{"activity": "on_site"}"#)
                #expect(presence.status == .ok, "\(presence.text)")
                let first = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                                  json: #"{"id": "call-1", "from": "+358501112233", "to": "+358101239000"}"#)
                #expect(ringLeg(first, user: "bertil") != nil, "on site counts as available for queue calls: \(first.text)")
                _ = try await client.send(.post, "/api/v1/tenants/acme/calls/call-1/events", token: tokens["acmeService"],
                                          json: #"{"type": "caller_hung_up"}"#)
                _ = try await client.send(.put, "/api/v1/tenants/acme/activities/on_site", token: admin,
                                          json: #"{"name":"On site","availableForGroupCalls":false}"#)
                let second = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                                   json: #"{"id": "call-2", "from": "+358501112233", "to": "+358101239000"}"#)
                let decisions = second.object["decisions"] as? [[String: Any]] ?? []
                #expect(decisions.contains { $0["action"] as? String == "divert" && $0["to"] as? String == "+358101239998" },
                        "the edited activity no longer takes queue calls: no agents, overflow: \(second.text)")
            }
        }
    }

    @Test("a missed call sends the notification the user chose (MSG-4) through the outbox, once")
    func missedCallNotification() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let tokens = hub.tokens
        let clock = hub.clock
        let outbox = hub.services.outbox
        var rules = SenderRules()
        rules.emailSenders = ["@acme.example"]
        rules.defaultEmailSender = "hub@acme.example"
        try outbox.settings.setSenderRules(rules, tenant: "acme")
        try outbox.settings.setPreferences(NotificationPreferences(choices: [.missedCall: .email]), tenant: "acme", user: "anna")
        try await withRouting(hub) {
            try await hub.runtime.application().test(.router) { client in
                _ = try await client.send(.post, "/api/v1/tenants/acme/calls", token: tokens["acmeService"],
                                          json: #"{"id": "call-4", "from": "+358501112233", "to": "+358101234501"}"#)
                await advance(clock, by: 20)
                try await waitUntil(timeout: .seconds(10), "a missed-call e-mail in the outbox") {
                    ((try? outbox.repository.list(tenant: "acme", status: nil, senderUser: nil, before: nil, limit: 10)) ?? []).count == 1
                }
                let messages = try outbox.repository.list(tenant: "acme", status: nil, senderUser: nil, before: nil, limit: 10)
                #expect(messages.first?.record.content == .email(EmailContent(
                    from: "hub@acme.example", to: ["anna@acme.example"], subject: "Missed call", text: "Missed call from +358501112233")))
            }
        }
    }
}
