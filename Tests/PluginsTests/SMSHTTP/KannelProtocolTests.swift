import Foundation
import HubCore
import SMSHTTPPlugin
import Testing

@Suite("Kannel answers and callbacks")
struct KannelProtocolTests {
    @Test("sendsms answers map to outcomes (user guide table 7-16)", arguments: [
        (202, "0: Accepted for delivery", "sent"),
        (202, "3: Queued for later delivery", "sent"),
        (200, "0: Accepted for delivery", "sent"),
        (503, "Temporal failure, try again later.", "retry"),
        (500, "Internal error", "retry"),
        (403, "Authorization failed for sendsms", "retry"),
        (429, "Too many requests", "retry"),
        (400, "Missing receiver number, rejected", "failed"),
        (400, "Sender missing and no global set, rejected", "failed"),
        (413, "Message too long", "failed"),
    ])
    func answers(status: Int, body: String, kind: String) {
        let outcome = KannelAnswer.outcome(status: status, body: body, reference: "m1", parts: 2)
        switch (outcome, kind) {
        case (.sent(reference: "m1", parts: 2), "sent"), (.retry, "retry"), (.failed, "failed"): break
        default: Issue.record("\(status) \(body): \(outcome), expected \(kind)")
        }
        if case let .failed(reason) = outcome { #expect(reason.contains(body)) }
    }

    @Test("403 waits a minute before the retry; queued answers are recognised")
    func details() {
        guard case let .retry(_, after) = KannelAnswer.outcome(status: 403, body: "Authorization failed", reference: "m", parts: 1) else {
            Issue.record("expected retry")
            return
        }
        #expect(after == .seconds(60))
        #expect(KannelAnswer.isQueued("3: Queued for later delivery\n"))
        #expect(!KannelAnswer.isQueued("0: Accepted for delivery"))
    }

    @Test("DLR callbacks map %d to reports; 4 and 8 are intermediate", arguments: [
        ("/kannel/dlr?id=m1&status=1&reply=&smsc=FAKE", DeliveryReport(reference: "m1", state: .delivered)),
        ("/kannel/dlr?id=m1&status=2&reply=NACK%2F0x0000000b", DeliveryReport(reference: "m1", state: .failed, detail: "NACK/0x0000000b")),
        ("/kannel/dlr?id=m1&status=2&reply=id%3A1+stat%3AEXPIRED+err%3A000", DeliveryReport(reference: "m1", state: .expired, detail: "id:1 stat:EXPIRED err:000")),
        ("/kannel/dlr?id=m1&status=16&reply=", DeliveryReport(reference: "m1", state: .failed, detail: "non-delivered to SMSC")),
        ("/kannel/dlr?id=m1&status=8&reply=ACK%2F", nil),
        ("/kannel/dlr?id=m1&status=4", nil),
    ] as [(String, DeliveryReport?)])
    func dlr(target: String, report: DeliveryReport?) throws {
        #expect(try KannelCallbacks.deliveryReport(CallbackRequest(method: "GET", target: target)) == report)
    }

    @Test("bad DLR callbacks are refused naming the field", arguments: [
        ("/kannel/dlr?status=1", "'id' is missing"),
        ("/kannel/dlr?id=m1", "'status' is missing"),
        ("/kannel/dlr?id=m1&status=%d", "not a Kannel DLR number"),
        ("/kannel/dlr?id=m1&status=3", "not one of 1, 2, 4, 8, 16"),
    ])
    func badDLR(target: String, message: String) {
        #expect {
            try KannelCallbacks.deliveryReport(CallbackRequest(method: "GET", target: target))
        } throws: { error in
            (error as? CallbackProblem)?.description.contains(message) == true
        }
    }

    @Test("MO callbacks decode %b by coding and charset", arguments: [
        ("from=00358401234567&to=12345&text=Hei+hubi&coding=0&charset=UTF-8", "+358401234567", "Hei hubi"),
        ("from=358401234567&to=12345&text=%04%1F%04%40&coding=2&charset=UTF-16BE", "358401234567", "Пр"),
        ("from=Hub&to=12345&text=Sis%E4ll%E4&coding=0&charset=WINDOWS-1252", "Hub", "Sisällä"),
        ("from=Hub&to=12345&text=Sis%C3%A4ll%C3%A4", "Hub", "Sisällä"),
    ])
    func mo(query: String, from: String, text: String) throws {
        let now = Date(timeIntervalSince1970: 1_777_885_200)
        let sms = try KannelCallbacks.incomingSMS(CallbackRequest(method: "GET", target: "/kannel/mo?" + query), receivedAt: now)
        #expect(sms == IncomingSMS(from: from, to: "12345", text: text, receivedAt: now))
    }

    @Test("bad MO callbacks are refused", arguments: ["to=1&text=x", "from=1&text=x", "from=1&to=2", "from=1&to=2&text=%04&coding=2"])
    func badMO(query: String) {
        #expect(throws: CallbackProblem.self) {
            try KannelCallbacks.incomingSMS(CallbackRequest(method: "GET", target: "/kannel/mo?" + query), receivedAt: Date())
        }
    }

    @Test("the dlr-url carries our id and Kannel's escape codes")
    func dlrURL() {
        #expect(KannelCallbacks.dlrURL(base: "http://127.0.0.1:13080", reference: "ab-1", token: "t&k")
            == "http://127.0.0.1:13080/kannel/dlr?id=ab-1&status=%d&reply=%A&smsc=%i&token=t%26k")
    }
}
