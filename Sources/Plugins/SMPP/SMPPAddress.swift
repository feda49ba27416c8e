/// An SMPP address with its type of number (TON) and numbering plan (NPI).
struct SMPPAddress: Equatable {
    var ton: UInt8
    var npi: UInt8
    var address: String

    /// `+358…` → TON 1 (international), NPI 1 (E.164), digits only; a recipient must be such a number
    /// or a short code of digits (TON 0, NPI 1).
    static func recipient(_ text: String) -> Result<SMPPAddress, SMPPAddressError> {
        let international = text.hasPrefix("+")
        let digits = international ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return .failure(.init(field: "to", reason: "'\(text)' is not a phone number"))
        }
        guard digits.utf8.count <= 20 else { return .failure(.init(field: "to", reason: "'\(text)' is longer than 20 digits")) }
        return .success(SMPPAddress(ton: international ? 1 : 0, npi: 1, address: digits))
    }

    /// A sender: an international number as for ``recipient(_:)``, or an alphanumeric id of at most
    /// 11 GSM characters (TON 5, NPI 0).
    static func sender(_ text: String) -> Result<SMPPAddress, SMPPAddressError> {
        if case let .success(number) = recipient(text) { return .success(number) }
        guard !text.isEmpty else { return .failure(.init(field: "from", reason: "is empty")) }
        guard text.count <= 11, text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) else {
            return .failure(.init(field: "from", reason: "'\(text)' is neither a number nor an alphanumeric id of at most 11 ASCII characters"))
        }
        return .success(SMPPAddress(ton: 5, npi: 0, address: text))
    }
}

/// An address an SMSC cannot take, naming the SMS field.
struct SMPPAddressError: Error, Equatable, CustomStringConvertible {
    var field: String
    var reason: String
    var description: String { "\(field): \(reason)" }
}
