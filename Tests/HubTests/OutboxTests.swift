import Clocks
import Foundation
@testable import Hub
import HTTPTypes
import HubCore
import HubPluginSupport
import HubPluginTesting
import HummingbirdTesting
import Logging
import Testing

@Suite("Outbox: durable accept, retries, gateways, receipts (MSG-2)", .timeLimit(.minutes(1)))
struct OutboxTests {
    @Test("an accepted SMS is on disk before the 202, then sent, then delivered by receipt; each step is a message.status event")
    func acceptSendDeliver() async throws {
        let script = FakeGatewayScript()
        let (hub, plugins) = try await TestHub.withGateway(script)
        defer { hub.cleanUp(); plugins.remove() }
        let tokens = hub.tokens
        let events = hub.services.bus.subscribe(tenant: "acme")
        let id = try await hub.runtime.application().test(.router) { client in
            let reply = try await client.send(.post, "/api/v1/tenants/acme/messages/sms", token: tokens["acmeUser"],
                                              json: #"{"to":"040 123 4999","from":"+358 10 123 4501","text":"Soita takaisin"}"#)
            #expect(reply.status == .accepted, "\(reply.text)")
            let id = MessageID(reply.object["id"] as? String ?? "")
            #expect(reply.headers[.location] == "/api/v1/tenants/acme/messages/\(id)")
            return id
        }
        // A second connection to the file sees it: committed, not just in memory. (The test application
        // runs the supervisor, so the gateway may already have taken it.)
        let onDisk = try OutboxRepository(database: HubDatabase(dataDirectory: hub.directory)).record(tenant: "acme", id: id)
        #expect(onDisk?.createdAt == TestHub.epoch)
        guard case let .sms(sms)? = onDisk?.content else {
            Issue.record("stored content is not the SMS")
            return
        }
        #expect(sms.to == "+358401234999")
        #expect(sms.from == "+358101234501")

        #expect(await hub.runtime.supervisor.reload().isEmpty)
        try await hub.waitFor(id, "sent") { $0.status == .sent }
        let sent = try await hub.message(id)
        #expect(sent.reference == "ref-\(id)")
        #expect(sent.attempts == 1)
        #expect(sent.gateway == "gw")
        #expect(sent.parts == 1)

        let sink = EnginePluginSink(engine: hub.engine, tenant: "acme", instanceID: "gw", outbox: hub.services.outbox)
        #expect(try await sink.submit(.deliveryReport(DeliveryReport(reference: "ref-\(id)", state: .delivered))) == .applied)
        #expect(try await hub.message(id).status == .delivered)

        var statuses: [MessageStatus] = []
        for await event in events {
            guard case let .messageStatus(change) = event.payload, change.id == id else { continue }
            statuses.append(change.status)
            if change.status == .delivered { break }
        }
        #expect(statuses == [.queued, .sending, .sent, .delivered])
        await hub.runtime.supervisor.stopAll()
    }

    @Test("a retried message waits out capped exponential backoff with jitter on the injected clock")
    func retryBackoff() async throws {
        let script = FakeGatewayScript()
        script.mode = .retryFirst(2)
        let (hub, plugins) = try await TestHub.withGateway(script)
        defer { hub.cleanUp(); plugins.remove() }
        let id = try await hub.queueSMS("retry me")
        await hub.runtime.supervisor.reload()
        try await hub.waitFor(id, "first attempt failed") { $0.attempts == 1 && $0.status == .queued }
        let first = try await hub.message(id)
        #expect(first.reason == "throttled")
        let delay1 = try #require(first.nextAttemptAt).timeIntervalSince(TestHub.epoch)
        #expect(delay1 > 8 && delay1 <= 10, "first retry after 10 s minus up to 20 % jitter, got \(delay1)")

        try await hub.waitForSleeper()
        await hub.clock.advance(by: .seconds(7))
        await TestHub.settle()
        #expect(try await hub.message(id).attempts == 1, "not retried before the backoff ran out")
        await hub.clock.advance(by: .seconds(3))
        try await hub.waitFor(id, "second attempt failed") { $0.attempts == 2 && $0.status == .queued }
        let second = try await hub.message(id)
        // The second attempt ran at the first retry's due time (between 8 and 10 s), not necessarily at 10 s:
        // its next attempt is 16–20 s after that moment, so it lies more than 16 s after the first due time
        // and at most 20 s after 10 s.
        let firstDue = try #require(first.nextAttemptAt)
        let secondDue = try #require(second.nextAttemptAt)
        let sinceFirstDue = secondDue.timeIntervalSince(firstDue)
        let sinceTen = secondDue.timeIntervalSince(TestHub.epoch.addingTimeInterval(10))
        #expect(sinceFirstDue > 16 && sinceTen <= 20, "second retry after 20 s minus jitter, got \(sinceFirstDue) after the first due time")

        try await hub.waitForSleeper()
        await hub.clock.advance(by: .seconds(20))
        try await hub.waitFor(id, "sent on the third attempt") { $0.status == .sent }
        #expect(try await hub.message(id).attempts == 3)
        #expect(script.takes(id) == 3)
        #expect(OutboxPolicy().backoff.delay(attempt: 30) == .seconds(600), "the delay is capped at 10 minutes")
        await hub.runtime.supervisor.stopAll()
    }

    @Test("with the gateway down nothing is lost; when it comes back every message is sent exactly once")
    func gatewayDownThenUp() async throws {
        let script = FakeGatewayScript()
        script.down = true
        let (hub, plugins) = try await TestHub.withGateway(script)
        defer { hub.cleanUp(); plugins.remove() }
        await hub.runtime.supervisor.reload()
        var ids: [MessageID] = []
        for index in 0..<40 { ids.append(try await hub.queueSMS("message \(index)")) }
        try await waitUntil("the gateway instance to be retrying") { hub.services.plugins.status("gw")?.state == .retrying }
        for id in ids { #expect(try await hub.message(id).status == .queued) }
        #expect(script.taken.isEmpty)

        script.down = false
        try await hub.waitForSleeper()
        await hub.clock.advance(by: .seconds(2))
        for id in ids { try await hub.waitFor(id, "sent after the gateway came back") { $0.status == .sent } }
        #expect(script.taken.count == 40)
        #expect(Set(script.taken.map(\.id)) == Set(ids))
        await hub.runtime.supervisor.stopAll()
    }

    @Test("a permanent failure is not retried and is counted; usage counts accepted, sent, failed and parts per month")
    func permanentFailureAndUsage() async throws {
        let script = FakeGatewayScript()
        let (hub, plugins) = try await TestHub.withGateway(script)
        defer { hub.cleanUp(); plugins.remove() }
        await hub.runtime.supervisor.reload()
        let long = try await hub.queueSMS(String(repeating: "a", count: 200)) // 2 parts planned
        try await hub.waitFor(long, "sent") { $0.status == .sent }
        script.mode = .fail("invalid destination")
        let bad = try await hub.queueSMS("to nowhere")
        try await hub.waitFor(bad, "failed") { $0.status == .failed }
        #expect(try await hub.message(bad).reason == "invalid destination")
        await hub.clock.advance(by: .seconds(3_600))
        await TestHub.settle()
        #expect(script.takes(bad) == 1)
        let usage = try hub.services.outbox.repository.usage(tenant: "acme", month: nil)
        // 200 GSM characters are two concatenated parts; the failed message is not billed.
        #expect(usage == [MessageUsage(month: "2026-11", channel: .sms, accepted: 2, sent: 1, failed: 1, parts: 2)])
        await hub.runtime.supervisor.stopAll()
    }

    @Test("receipts match by gateway reference within the tenant; unknown references are refused; failed receipts fail")
    func receiptMatching() async throws {
        let script = FakeGatewayScript()
        let (hub, plugins) = try await TestHub.withGateway(script)
        defer { hub.cleanUp(); plugins.remove() }
        await hub.runtime.supervisor.reload()
        let a = try await hub.queueSMS("a")
        let b = try await hub.queueSMS("b")
        try await hub.waitFor(b, "sent") { $0.status == .sent }
        try await hub.waitFor(a, "sent") { $0.status == .sent }
        let acme = EnginePluginSink(engine: hub.engine, tenant: "acme", instanceID: "gw", outbox: hub.services.outbox)
        let globex = EnginePluginSink(engine: hub.engine, tenant: "globex", instanceID: "gw2", outbox: hub.services.outbox)
        guard case .rejected = try await globex.submit(.deliveryReport(DeliveryReport(reference: "ref-\(b)", state: .delivered))) else {
            Issue.record("another tenant's gateway must not match acme's reference")
            return
        }
        #expect(try await acme.submit(.deliveryReport(DeliveryReport(reference: "ref-\(b)", state: .expired, detail: "stat:EXPIRED"))) == .applied)
        guard case let .rejected(reason) = try await acme.submit(.deliveryReport(DeliveryReport(reference: "nope", state: .delivered))) else {
            Issue.record("an unknown reference must be refused")
            return
        }
        #expect(reason.contains("nope"))
        #expect(try await hub.message(a).status == .sent)
        let failed = try await hub.message(b)
        #expect(failed.status == .failed)
        #expect(failed.reason == "delivery receipt: expired (stat:EXPIRED)")
        await hub.runtime.supervisor.stopAll()
    }

    @Test("an incoming SMS becomes an sms.received event on the tenant's stream")
    func incomingSMS() async throws {
        let hub = try await TestHub.make()
        defer { hub.cleanUp() }
        let events = hub.services.bus.subscribe(tenant: "acme")
        let sink = EnginePluginSink(engine: hub.engine, tenant: "acme", instanceID: "gw", outbox: hub.services.outbox)
        let sms = IncomingSMS(from: "+358401111111", to: "+358101234501", text: "Hei", receivedAt: TestHub.epoch)
        #expect(try await sink.submit(.incomingSMS(sms)) == .applied)
        var iterator = events.makeAsyncIterator()
        let event = await iterator.next()
        #expect(event?.payload == .smsReceived(sms))
        let text = try #require(event.map { EventRoutes.json($0, for: Principal(tokenID: "t", tenant: "acme", role: .mainAdmin, user: nil), hub.services.streamEncodings) })
        #expect(text.contains(#""type":"sms.received""#))
        #expect(text.contains(#""sms":{"from":"+358401111111""#))
    }

    @Test("a message a gateway took but never reported is offered again: after its lease, when the instance stops, after a restart")
    func unreportedMessagesComeBack() async throws {
        let script = FakeGatewayScript()
        script.mode = .hold
        let (hub, plugins) = try await TestHub.withGateway(script)
        defer { hub.cleanUp(); plugins.remove() }
        await hub.runtime.supervisor.reload()
        let id = try await hub.queueSMS("held")
        try await hub.waitFor(id, "sending") { $0.status == .sending }

        // Lease: after 10 minutes without a report it is offered again (here to the same gateway).
        try await hub.waitForSleeper()
        await hub.clock.advance(by: .seconds(600))
        try await waitUntil("offered a second time") { script.takes(id) == 2 }

        // Instance stop: released at once.
        await hub.runtime.supervisor.stopAll()
        try await hub.waitFor(id, "queued again") { $0.status == .queued }
        #expect(try await hub.message(id).reason?.contains("stopped before reporting") == true)

        // Restart: a message left "sending" in the store (the hub died mid-send) is queued again on load.
        let repository = hub.services.outbox.repository
        _ = try repository.claim(id, gateway: "gw", at: TestHub.epoch)
        #expect(try await hub.message(id).status == .sending)
        var logger = Logger(label: "restart")
        logger.logLevel = .critical
        let restarted = try await HubRuntime.make(
            HubConfiguration(dataDirectory: hub.directory, pluginsDirectory: plugins.path), registry: script.registry,
            clock: hub.services.clock, logger: logger)
        let after = try await restarted.services.outbox.message(tenant: "acme", id: id)
        #expect(after.status == .queued)
        #expect(after.reason?.contains("the hub stopped") == true)
        script.mode = .deliver
        await restarted.supervisor.reload()
        try await waitUntil("sent after the restart") {
            (try? await restarted.services.outbox.message(tenant: "acme", id: id).status) == .sent
        }
        await restarted.supervisor.stopAll()
    }
}
