import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import SMSHTTPPlugin
import Testing

/// `sms_kannel` against real Kannel (bearerbox + smsbox + fakesmsc), using the plugin's own libcurl client.
@Suite("sms_kannel against Kannel", .serialized, .timeLimit(.minutes(1)))
struct KannelLiveTests {
    /// Starts Kannel and the plugin, runs `body`, and stops both (also when `body` throws).
    func withKannel(
        method: String = "GET",
        _ body: (KannelHarness, ScriptedOutbox, RecordingSink) async throws -> Void
    ) async throws {
        let kannel = try KannelHarness()
        let outbox = ScriptedOutbox()
        let sink = RecordingSink()
        let task: Task<Void, any Error>
        do {
            try await kannel.start()
            let settings = KannelSMSPlugin.Settings(
                sendsmsURL: kannel.sendsmsURL, username: "hub", password: "hubpw", method: method,
                listen: "127.0.0.1:\(kannel.hubPort)", requestTimeout: .init(.seconds(5)))
            let context = PluginContext.testing(sink: sink, outbox: outbox)
            let plugin = try KannelSMSPlugin(settings: settings, context: context)
            task = Task { try await plugin.run(context: context) }
            try await waitUntil(timeout: .seconds(5), "the plugin's listener") { KannelHarness.accepts(kannel.hubPort) }
        } catch {
            await kannel.stop()
            throw error
        }
        do {
            try await body(kannel, outbox, sink)
        } catch {
            task.cancel()
            outbox.close()
            _ = await task.result
            await kannel.stop()
            throw error
        }
        task.cancel()
        outbox.close()
        _ = await task.result
        await kannel.stop()
    }

    func reports(_ sink: RecordingSink) -> [DeliveryReport] {
        sink.outputs.compactMap { if case let .deliveryReport(report) = $0 { report } else { nil } }
    }

    @Test("GSM, UCS-2 and long texts reach fakesmsc, and Kannel's DLRs come back as delivered", arguments: ["GET", "POST"])
    func sendAndDeliveryReports(method: String) async throws {
        try await withKannel(method: method) { kannel, outbox, sink in
            let gsm = OutboundMessage.sms("Tila: Sisällä € [kokous] \(method)")
            let unicode = OutboundMessage.sms("Привет 你好 \(method)")
            let long = OutboundMessage.sms(String(repeating: "Pitkä viesti \(method). ", count: 12))
            for message in [gsm, unicode, long] { outbox.enqueue(message) }
            #expect(try await outbox.outcome(gsm.id) == .sent(reference: gsm.id.rawValue, parts: 1))
            #expect(try await outbox.outcome(unicode.id) == .sent(reference: unicode.id.rawValue, parts: 1))
            #expect(try await outbox.outcome(long.id) == .sent(reference: long.id.rawValue, parts: 2))
            try await waitUntil(timeout: .seconds(15), "fakesmsc to see 4 parts") { kannel.receivedMessages.count >= 4 }
            let lines = kannel.receivedMessages
            #expect(lines.contains("Hub +358401234567 text Tila: Sisällä € [kokous] \(method)"), "\(lines)")
            // UCS-2 arrives url-encoded UTF-16BE: П = %04%1F.
            #expect(lines.contains { $0.hasPrefix("Hub +358401234567 ucs-2 %04%1F%04%40") }, "\(lines)")
            #expect(lines.filter { $0.contains("Pitk") }.count == 2, "\(lines)")
            try await waitUntil(timeout: .seconds(15), "3 delivered reports") { reports(sink).count >= 3 }
            let delivered = Set(reports(sink).filter { $0.state == .delivered }.map(\.reference))
            #expect(delivered.isSuperset(of: [gsm.id.rawValue, unicode.id.rawValue, long.id.rawValue]))
        }
    }

    @Test("an SMS injected at fakesmsc arrives as an incoming SMS, GSM and UCS-2")
    func incomingSMS() async throws {
        try await withKannel { kannel, _, sink in
            // fakesmsc reads stdin in blocks and may drop a second line that arrives with the first, so
            // each line goes in once the previous one has arrived.
            for (count, line) in ["00358401234567 12345 text Hei hubi", "00358401234568 12345 ucs2 %04%1F%04%40%04%38"].enumerated() {
                try kannel.injectMO(line)
                do {
                    try await waitUntil(timeout: .seconds(15), "incoming SMS \(count + 1)") {
                        sink.outputs.filter { if case .incomingSMS = $0 { true } else { false } }.count > count
                    }
                } catch {
                    Issue.record("\(error); outputs \(sink.outputs); fakesmsc: \(kannel.fakesmscOutput.suffix(600)); smsbox: \(kannel.log("smsbox.log").suffix(1500))")
                    return
                }
            }
            let incoming = sink.outputs.compactMap { if case let .incomingSMS(sms) = $0 { sms } else { nil } }
            #expect(incoming.contains { $0.from == "+358401234567" && $0.to == "12345" && $0.text == "Hei hubi" }, "\(incoming)")
            #expect(incoming.contains { $0.from == "+358401234568" && $0.text == "При" }, "\(incoming)")
        }
    }

    @Test("with Kannel stopped a message gets retry; after a restart it goes through")
    func bearerboxDown() async throws {
        try await withKannel { kannel, outbox, _ in
            await kannel.stopKannel()
            let message = OutboundMessage.sms("Kannel down test")
            outbox.enqueue(message)
            let first = try await outbox.outcome(message.id)
            guard case .retry = first else {
                Issue.record("expected retry with bearerbox down, got \(first)")
                return
            }
            try await kannel.start()
            let again = OutboundMessage(id: message.id, tenant: message.tenant, content: message.content, attempt: 1)
            var outcome: DeliveryOutcome = first
            // The outbox retries with backoff; here the test re-offers the message until it is sent.
            for _ in 0..<20 {
                let before = outbox.outcomes.count
                outbox.enqueue(again)
                try await waitUntil(timeout: .seconds(10), "an outcome") { outbox.outcomes.count > before || outbox.outcomes[message.id] != outcome }
                outcome = try #require(outbox.outcomes[message.id])
                if case .sent = outcome { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            #expect(outcome == .sent(reference: message.id.rawValue, parts: 1))
            try await waitUntil(timeout: .seconds(15), "fakesmsc to see it") { kannel.receivedMessages.contains { $0.hasSuffix("Kannel down test") } }
        }
    }
}
