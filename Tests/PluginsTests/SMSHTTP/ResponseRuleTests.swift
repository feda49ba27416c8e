import Foundation
import HubCore
import HubPluginSupport
import SMSHTTPPlugin
import Testing

@Suite("sms_http response rules and report mapping")
struct ResponseRuleTests {
    static let now = Date(timeIntervalSince1970: 1_777_885_200)

    @Test("status classes: success, retry (with Retry-After), failed", arguments: [
        (200, [HTTPField](), #"{"id":"s1"}"#, DeliveryOutcome.sent(reference: "s1", parts: 1)),
        (201, [], #"{"messages":[{"id":42}]}"#, .sent(reference: "ours", parts: 1)),
        (503, [HTTPField("Retry-After", "30")], "busy", .retry(reason: "provider answered 503 busy", retryAfter: .seconds(30))),
        (429, [], "slow down", .retry(reason: "provider answered 429 slow down", retryAfter: nil)),
        (502, [], "", .retry(reason: "provider answered 502 ", retryAfter: nil)),
        (400, [], "bad number", .failed(reason: "provider rejected the message: 400 bad number")),
        (401, [], "", .failed(reason: "provider rejected the message: 401 ")),
    ])
    func classes(status: Int, headers: [HTTPField], body: String, expected: DeliveryOutcome) {
        let rule = ResponseRule(idPath: JSONPath("id"))
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        #expect(rule.outcome(for: response, fallbackReference: "ours", parts: 1, now: Self.now) == expected)
    }

    @Test("provider ids by JSON path (with array index) or regex", arguments: [
        ("messages.0.id", nil, #"{"messages":[{"id":42}]}"#, "42"),
        ("sid", nil, #"{"sid":"SM1","status":"queued"}"#, "SM1"),
        (nil, "OK: ([A-Z0-9]+)", "OK: ABC123\n", "ABC123"),
        ("missing", "id=(\\d+)", "not json id=77", "77"),
        ("id", nil, "not json", nil),
    ] as [(String?, String?, String, String?)])
    func ids(path: String?, pattern: String?, body: String, id: String?) {
        let rule = ResponseRule(idPath: path.flatMap(JSONPath.init), idPattern: pattern)
        #expect(rule.providerID(in: Data(body.utf8)) == id)
    }

    @Test("custom success and retry sets")
    func custom() {
        let rule = ResponseRule(successStatus: [202], retryStatus: [409])
        #expect(rule.outcome(for: HTTPResponse(status: 200), fallbackReference: "r", parts: 1, now: Self.now) == .failed(reason: "provider rejected the message: 200 "))
        #expect(rule.outcome(for: HTTPResponse(status: 409), fallbackReference: "r", parts: 1, now: Self.now) == .retry(reason: "provider answered 409 ", retryAfter: nil))
        #expect(rule.outcome(for: HTTPResponse(status: 202), fallbackReference: "r", parts: 3, now: Self.now) == .sent(reference: "r", parts: 3))
    }

    static let twilio = DeliveryReportMapping(statusField: "MessageStatus", detailField: "ErrorCode", delivered: ["delivered"], failed: ["failed", "undelivered"])

    @Test("report mapping: form, JSON and query fields; intermediate states give nil", arguments: [
        (CallbackRequest(method: "POST", target: "/dlr?ref=m1", contentType: "application/x-www-form-urlencoded", body: Array("MessageSid=SM1&MessageStatus=delivered".utf8)),
         DeliveryReport(reference: "m1", state: .delivered, detail: "delivered") as DeliveryReport?),
        (CallbackRequest(method: "POST", target: "/dlr?ref=m1", contentType: "application/x-www-form-urlencoded", body: Array("MessageStatus=Undelivered&ErrorCode=30003".utf8)),
         DeliveryReport(reference: "m1", state: .failed, detail: "30003")),
        (CallbackRequest(method: "POST", target: "/dlr?ref=m1", contentType: "application/x-www-form-urlencoded", body: Array("MessageStatus=sent".utf8)), nil),
        (CallbackRequest(method: "POST", target: "/dlr?ref=m2", contentType: "application/json", body: Array(#"{"MessageStatus":"expired"}"#.utf8)),
         DeliveryReport(reference: "m2", state: .expired, detail: "expired")),
    ])
    func mapping(request: CallbackRequest, report: DeliveryReport?) throws {
        #expect(try Self.twilio.report(from: request) == report)
    }

    @Test("provider-reference mapping reads a JSON path; missing fields are refused by name")
    func providerReference() throws {
        let mapping = DeliveryReportMapping(referenceField: "batch_id", statusField: "status", delivered: ["Delivered"], failed: ["Failed"])
        let json = CallbackRequest(method: "POST", target: "/dlr", contentType: "application/json", body: Array(#"{"batch_id":"B1","status":"DELIVERED"}"#.utf8))
        #expect(try mapping.report(from: json) == DeliveryReport(reference: "B1", state: .delivered, detail: "DELIVERED"))
        #expect(throws: CallbackProblem("dlr: field 'batch_id' (the message reference) is missing")) {
            try mapping.report(from: CallbackRequest(method: "POST", target: "/dlr?status=Delivered"))
        }
        #expect(throws: CallbackProblem("dlr: field 'MessageStatus' (the status) is missing")) {
            try Self.twilio.report(from: CallbackRequest(method: "POST", target: "/dlr?ref=m1"))
        }
    }
}
