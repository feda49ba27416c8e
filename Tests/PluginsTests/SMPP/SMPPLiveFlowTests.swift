import Foundation
import HubCore
import HubPluginSupport
import HubPluginTesting
import Testing

@testable import SMPPPlugin

/// Against the Net::SMPP simulator: window, throttling, keep-alive, reconnects, incoming SMS.
@Suite("SMPP client against a Net::SMPP SMSC: flow control and links (INT-SMS)", .serialized, .timeLimit(.minutes(1)))
struct SMPPLiveFlowTests {
    static func messages(_ count: Int) -> [OutboundMessage] {
        (0..<count).map { .sms("m\($0)", "Message \($0)", report: false) }
    }

    @Test(arguments: [1, 10])
    func keepsAtMostTheWindowOutstanding(_ window: Int) async throws {
        try await withSMPPHarness(simulator: ["--resp-delay-ms", "50"], messages: Self.messages(30)) { settings in
            settings.window = window
        } _: { h in
            try await h.outbox.waitForReports(30)
            let outstanding = h.simulator.entries("submit").compactMap { $0["outstanding"].flatMap(Int.init) }
            #expect(outstanding.count == 30)
            #expect(outstanding.max() == window)
            #expect(h.outbox.reports.allSatisfy { if case .sent = $0.1 { true } else { false } })
            #expect(Set(h.outbox.reports.compactMap { if case let .sent(reference, _) = $0.1 { reference } else { nil } }).count == 30)
        }
    }

    @Test func throttlingPausesAndResendsThePart() async throws {
        try await withSMPPHarness(simulator: ["--throttle", "2"], messages: [.sms("m1", "one", report: false)]) { settings in
            settings.throttleDelay = .init(.milliseconds(300))
        } _: { h in
            try await h.outbox.waitForReports(1)
            #expect(h.outbox.outcome("m1") == .sent(reference: "1000", parts: 1))
            let submits = h.simulator.entries("submit")
            #expect(submits.map { $0["status"] } == ["0x58", "0x58", "0x00"])
            // Each resend waited for the pause (the simulator answers at once).
            #expect(submits[1].time - submits[0].time >= 0.29)
            #expect(submits[2].time - submits[1].time >= 0.29)
            #expect(h.plugin.statistics.throttled == 2)
        }
    }

    @Test func queueFullBeyondTheRetriesGoesBackToTheOutbox() async throws {
        try await withSMPPHarness(simulator: ["--queue-full", "5"], messages: [.sms("m1", "one", report: false)]) { settings in
            settings.throttleDelay = .init(.milliseconds(50))
            settings.throttleRetries = 1
        } _: { h in
            try await h.outbox.waitForReports(1)
            #expect(h.outbox.outcome("m1") == .retry(reason: "SMSC refused message: ESME_RMSGQFUL (0x00000014)", retryAfter: .milliseconds(50)))
            #expect(h.simulator.entries("submit").count == 2)
        }
    }

    @Test func incomingSMSAreReassembledAndAcknowledged() async throws {
        let part1 = "050003aa0201" + "041f0440043804320435"
        let part2 = "050003aa0202" + "0442"
        try await withSMPPHarness(simulator: [
            "--mo", "358401111111,12345,08,40,\(part2)", "--mo", "358402222222,12345,00,00,5469736b7b201b65",
            "--mo", "358401111111,12345,08,40,\(part1)", "--mo", "358403333333,12345,00,00,48656c6c6f,payload",
        ]) { h in
            _ = try await h.sink.waitForOutputs(count: 3)
            #expect(h.incoming.map(\.from) == ["+358402222222", "+358401111111", "+358403333333"])
            #expect(h.incoming.map(\.text) == ["Tiskä €", "Привет", "Hello"])
            #expect(h.incoming.allSatisfy { $0.to == "+12345" })
            try await waitUntil("4 deliver_sm_resp") { h.simulator.entries("deliver_sm_resp").count == 4 }
            #expect(h.simulator.entries("deliver_sm_resp").allSatisfy { $0["status"] == "0x00" })
        }
    }

    @Test func answersTheSMSCsEnquireLinkAndSendsItsOwn() async throws {
        try await withSMPPHarness(simulator: ["--enquire-ms", "100"]) { settings in
            settings.enquireLinkInterval = .init(.milliseconds(100))
        } _: { h in
            try await waitUntil("keep-alives both ways") {
                h.simulator.entries("enquire_link_resp").count >= 2 && h.simulator.entries("enquire_link").count >= 2
            }
            #expect(h.simulator.entries("connect").count == 1)
        }
    }

    @Test func anUnansweredEnquireLinkDropsTheLinkAndItReconnects() async throws {
        try await withSMPPHarness(simulator: ["--ignore-enquire"]) { settings in
            settings.enquireLinkInterval = .init(.milliseconds(100))
            settings.responseTimeout = .init(.milliseconds(200))
        } _: { h in
            try await waitUntil("a second bind") { h.simulator.entries("bind").count >= 2 }
            #expect(h.simulator.entries("disconnect").count >= 1)
            #expect(h.plugin.statistics.connectionFailures >= 1)
        }
    }

    @Test func aDroppedConnectionRetriesTheUnconfirmedMessageAndCarriesOn() async throws {
        try await withSMPPHarness(simulator: ["--drop-after", "1"], messages: [.sms("m1", "first", report: false)]) { h in
            try await h.outbox.waitForReports(1)
            guard case let .retry(reason, _) = h.outbox.outcome("m1") else {
                Issue.record("m1: \(String(describing: h.outbox.outcome("m1")))")
                return
            }
            #expect(reason.hasPrefix("message not confirmed:"))
            try await waitUntil("a second bind") { h.simulator.entries("bind").count >= 2 }
            h.outbox.enqueue([.sms("m2", "second", report: false)])
            try await h.outbox.waitForReports(2)
            #expect(h.outbox.outcome("m2") == .sent(reference: "1000", parts: 1))
        }
    }

    @Test func wrongPasswordEndsRunWithAuthenticationFailed() async throws {
        try await withSMPPHarness(simulator: ["--password", "other"]) { h in
            let result = await h.task.result
            #expect(throws: PluginError.authenticationFailed("SMSC refused bind as 'hub': ESME_RINVPASWD (0x0000000E)")) {
                try result.get()
            }
        }
    }
}
