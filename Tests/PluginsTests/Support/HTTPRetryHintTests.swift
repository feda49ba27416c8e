import Foundation
import HubPluginSupport
import Testing

/// `RetryHint` parsing with fixed dates.
struct HTTPRetryHintTests {
    /// 2026-11-25 12:00:00 UTC.
    private let now = Date(timeIntervalSince1970: 1_795_608_000)

    @Test(arguments: [
        ("120", Duration.seconds(120)),
        (" 0 ", .zero),
        ("Wed, 25 Nov 2026 12:00:30 GMT", .seconds(30)),
        ("Wednesday, 25-Nov-26 12:01:00 GMT", .seconds(60)),
        ("Wed Nov 25 12:00:05 2026", .seconds(5)),
        ("Wed, 25 Nov 2026 11:00:00 GMT", .zero),  // in the past
        ("99999999", .seconds(3600)),  // capped
        ("99999999999999999999999", .seconds(3600)),
    ])
    func parsesRetryAfter(value: String, expected: Duration) {
        #expect(RetryHint.retryAfter(value, now: now) == expected)
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "Wed, 32 Nov 2026 12:00:00 GMT", "١٢"])
    func rejectsNonsense(value: String) {
        #expect(RetryHint.retryAfter(value, now: now) == nil)
    }

    @Test(arguments: [
        ("<t:Value Name=\"BackOffMilliseconds\">5000</t:Value>", Duration?.some(.milliseconds(5000))),
        ("<Value Name=\"BackOffMilliseconds\"> 250 </Value>", .milliseconds(250)),
        ("<t:Value Name=\"BackOffMilliseconds\">lots</t:Value>", nil),
        ("<t:Value Name=\"Other\">5000</t:Value>", nil),
    ])
    func parsesEWSBackOff(xml: String, expected: Duration?) {
        #expect(RetryHint.ewsBackOff(in: Data(xml.utf8)) == expected)
    }

    @Test func headerWinsOverBody() {
        let response = HTTPResponse(
            status: 503, headers: [HTTPField("retry-after", "3")],
            body: Data("<t:Value Name=\"BackOffMilliseconds\">5000</t:Value>".utf8))
        #expect(RetryHint.delay(for: response, now: now) == .seconds(3))
        #expect(RetryHint.delay(for: HTTPResponse(status: 200), now: now) == nil)
    }
}
