import Testing

@testable import HubCore

/// Reading received user data headers for reassembly (3GPP TS 23.040 9.2.3.24).
@Suite("SMS encoding: received user data headers (INT-SMS)")
struct SMSEncodingUserDataTests {
    @Test(arguments: [
        ("050003020201" + "6869", SMSConcatenation(reference: 2, total: 2, sequence: 1), "6869"),
        ("0608041234030361", SMSConcatenation(reference: 0x1234, total: 3, sequence: 3), "61"),
        // Another element (port addressing 0x05) before the concatenation element.
        ("0b0504158100000003aa0201" + "41", SMSConcatenation(reference: 0xAA, total: 2, sequence: 1), "41"),
    ])
    func readsConcatenationElements(_ bytes: String, _ concatenation: SMSConcatenation, _ body: String) throws {
        let data = try SMSUserData(octets(bytes), hasHeader: true)
        #expect(data.concatenation == concatenation)
        #expect(hex(data.body) == body)
    }

    @Test func withoutUDHIEverythingIsBody() throws {
        let data = try SMSUserData(octets("050003020201"), hasHeader: false)
        #expect(data.header.isEmpty)
        #expect(data.concatenation == nil)
        #expect(hex(data.body) == "050003020201")
    }

    @Test(arguments: [
        ("", "user data header: UDHI set but the message is empty"),
        ("0500030202", "user data header: length 5 exceeds the 4 octets that follow"),
        ("0400030202", "user data header: element 0x00 runs past the header"),
        ("050003020300", "user data header: concatenation part 0 of 3 is out of range"),
        ("050003020203", "user data header: concatenation part 3 of 2 is out of range"),
        ("0400020202", "user data header: concatenation element 0x00 has length 2"),
        ("0100", "user data header: element at octet 1 has no length"),
    ])
    func malformedHeadersAreNamed(_ bytes: String, _ message: String) {
        #expect {
            _ = try SMSUserData(octets(bytes), hasHeader: true)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func roundTripsTheHeadersWeSend() throws {
        let plan = SMSEncoding.plan(String(repeating: "ж", count: 100), reference: 9)
        let read = try plan.parts.map { try SMSUserData($0.bytes, hasHeader: true) }
        #expect(read.map(\.concatenation) == [
            SMSConcatenation(reference: 9, total: 2, sequence: 1), SMSConcatenation(reference: 9, total: 2, sequence: 2),
        ])
        #expect(read.map(\.body) == plan.parts.map(\.body))
    }
}
