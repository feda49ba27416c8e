import Foundation
import HubCore
import HubPluginTesting
import Testing

@testable import SMPPPlugin

/// Against the Net::SMPP simulator: what goes over the wire for GSM, UCS-2 and long texts, and receipts.
@Suite("SMPP client against a Net::SMPP SMSC: submit and receipts (INT-SMS)", .serialized, .timeLimit(.minutes(1)))
struct SMPPLiveSubmitTests {
    @Test func bindsAndSubmitsGSMTextAndReportsTheReceipt() async throws {
        try await withSMPPHarness(messages: [.sms("m1", "Tila: Sisällä €")]) { h in
            try await h.outbox.waitForReports(1)
            #expect(h.outbox.outcome("m1") == .sent(reference: "1000", parts: 1))
            let bind = try #require(h.simulator.entries("bind").first)
            #expect(bind["cmd"] == "0x00000009")
            #expect(bind["system_id"] == "hub")
            #expect(bind["password"] == "hubpw")
            #expect(bind["version"] == "0x34")
            let submit = try #require(h.simulator.entries("submit").first)
            #expect(submit["sm"] == "54696c613a205369737b6c6c7b201b65")  // what Kannel sends for the same text
            #expect(submit["dcs"] == "0x00")
            #expect(submit["esm"] == "0x00")
            #expect(submit["regdel"] == "1")
            #expect(submit["src"] == "Hub")
            #expect(submit["dst"] == "358401234567")
            _ = try await h.sink.waitForOutputs(count: 1)
            #expect(h.deliveryReports == [DeliveryReport(reference: "1000", state: .delivered, detail: "stat:DELIVRD err:000")])
            try await waitUntil("deliver_sm_resp") { h.simulator.entries("deliver_sm_resp").first?["status"] == "0x00" }
        }
    }

    @Test func ucs2TextGoesAsDataCoding8() async throws {
        try await withSMPPHarness(messages: [.sms("m1", "Привет 😀", report: false)]) { h in
            try await h.outbox.waitForReports(1)
            let submit = try #require(h.simulator.entries("submit").first)
            #expect(submit["dcs"] == "0x08")
            #expect(submit["sm"] == "041f044004380432043504420020d83dde00")
            #expect(submit["regdel"] == "0")
        }
    }

    @Test func longUCS2TextIsSplitWithConcatenationHeaders() async throws {
        let text = String(repeating: "Ж", count: 100)
        try await withSMPPHarness(messages: [.sms("m1", text)]) { h in
            try await h.outbox.waitForReports(1)
            let submits = h.simulator.entries("submit")
            try #require(submits.count == 2)
            #expect(submits.allSatisfy { $0["esm"] == "0x40" && $0["dcs"] == "0x08" })
            let headers = submits.compactMap { $0["sm"].map { String($0.prefix(12)) } }
            let reference = String(headers[0].dropFirst(6).prefix(2))
            #expect(headers == ["050003\(reference)0201", "050003\(reference)0202"])
            // 67 UTF-16 units (4 hex digits each) after the header, then the remaining 33.
            #expect(submits.map { $0["sm"]?.count ?? 0 } == [12 + 67 * 4, 12 + 33 * 4])
            #expect(submits.map { $0["regdel"] } == ["0", "1"])
            #expect(h.outbox.outcome("m1") == .sent(reference: submits[1]["msgid"], parts: 2))
        }
    }

    @Test func longGSMTextIsSplitAt153SeptetsWithoutBreakingAnEscape() async throws {
        let text = String(repeating: "a", count: 152) + "€" + String(repeating: "b", count: 10)
        try await withSMPPHarness(messages: [.sms("m1", text)]) { h in
            try await h.outbox.waitForReports(1)
            let submits = h.simulator.entries("submit")
            try #require(submits.count == 2)
            let first = try #require(submits[0]["sm"])
            let second = try #require(submits[1]["sm"])
            #expect(first.hasSuffix(String(repeating: "61", count: 152)))
            #expect(first.count == (6 + 152) * 2)
            #expect(second.dropFirst(12) == "1b65" + String(repeating: "62", count: 10))
            #expect(h.outbox.outcome("m1") == .sent(reference: submits[1]["msgid"], parts: 2))
        }
    }

    @Test func refusalsAreClassifiedPermanentOrTemporary() async throws {
        let messages: [OutboundMessage] = [
            .sms("bad", to: "+358400000001", "x"), .sms("busy", to: "+358400000002", "x"),
            .sms("invalid", to: "not a number", "x"), .sms("undeliv", to: "+358400000003", "x"),
        ]
        try await withSMPPHarness(
            simulator: ["--reject", "358400000001=0x0B", "--reject", "358400000002=0x08", "--dlr-stat", "358400000003=UNDELIV"],
            messages: messages
        ) { h in
            try await h.outbox.waitForReports(4)
            #expect(h.outbox.outcome("bad") == .failed(reason: "SMSC refused message: ESME_RINVDSTADR (0x0000000B)"))
            #expect(h.outbox.outcome("busy") == .retry(reason: "SMSC refused message: ESME_RSYSERR (0x00000008)", retryAfter: nil))
            #expect(h.outbox.outcome("invalid") == .failed(reason: "invalid to: 'not a number' is not a phone number"))
            let sent = h.outbox.outcome("undeliv")
            guard case let .sent(reference?, 1) = sent else {
                Issue.record("undeliv: \(String(describing: sent))")
                return
            }
            _ = try await h.sink.waitForOutputs(count: 1)
            #expect(h.deliveryReports == [DeliveryReport(reference: reference, state: .failed, detail: "stat:UNDELIV err:001")])
        }
    }
}
