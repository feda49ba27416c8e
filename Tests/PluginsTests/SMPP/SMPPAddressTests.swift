import Testing

@testable import SMPPPlugin

@Suite("SMPP addresses: TON/NPI from numbers and sender ids (INT-SMS, MSG-3)")
struct SMPPAddressTests {
    @Test(arguments: [
        ("+358401234567", UInt8(1), UInt8(1), "358401234567"),
        ("12345", 0, 1, "12345"),
        ("Hub", 5, 0, "Hub"),
        ("Acme Oy", 5, 0, "Acme Oy"),
    ])
    func sendersMapToTONAndNPI(_ text: String, _ ton: UInt8, _ npi: UInt8, _ address: String) throws {
        let mapped = try SMPPAddress.sender(text).get()
        #expect(mapped == SMPPAddress(ton: ton, npi: npi, address: address))
    }

    @Test(arguments: [
        ("", "from: is empty"),
        ("Twelve chars", "from: 'Twelve chars' is neither a number nor an alphanumeric id of at most 11 ASCII characters"),
        ("Hüb", "from: 'Hüb' is neither a number nor an alphanumeric id of at most 11 ASCII characters"),
    ])
    func badSendersAreNamed(_ text: String, _ message: String) {
        #expect(throws: SMPPAddressError.self) { try SMPPAddress.sender(text).get() }
        if case let .failure(error) = SMPPAddress.sender(text) { #expect(error.description == message) }
    }

    @Test(arguments: [
        ("+", "to: '+' is not a phone number"),
        ("+358 40 123", "to: '+358 40 123' is not a phone number"),
        ("+123456789012345678901", "to: '+123456789012345678901' is longer than 20 digits"),
        ("Hub", "to: 'Hub' is not a phone number"),
    ])
    func badRecipientsAreNamed(_ text: String, _ message: String) {
        guard case let .failure(error) = SMPPAddress.recipient(text) else {
            Issue.record("\(text) accepted")
            return
        }
        #expect(error.description == message)
    }
}
