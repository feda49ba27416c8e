/// The concatenation information of a received SMS part (IEI 0x00 8-bit or 0x08 16-bit reference).
public struct SMSConcatenation: Sendable, Equatable, Hashable {
    /// The reference shared by all parts of one message.
    public var reference: UInt16
    /// How many parts the message has.
    public var total: Int
    /// This part's number, 1-based.
    public var sequence: Int

    /// Creates concatenation information.
    public init(reference: UInt16, total: Int, sequence: Int) {
        self.reference = reference
        self.total = total
        self.sequence = sequence
    }
}

/// A received short message split into its user data header and text octets.
public struct SMSUserData: Sendable, Equatable {
    /// The header octets including the length octet (empty when there is none).
    public var header: [UInt8]
    /// The octets after the header (unpacked septets or UCS-2, as SMPP carries them).
    public var body: [UInt8]
    /// The concatenation element, when the header has a valid one.
    public var concatenation: SMSConcatenation?

    /// Splits `bytes` (SMPP short_message or message_payload); `hasHeader` is esm_class bit 0x40 (UDHI).
    public init(_ bytes: [UInt8], hasHeader: Bool) throws(SMSEncodingError) {
        guard hasHeader else {
            self.init(header: [], body: bytes, concatenation: nil)
            return
        }
        guard let length = bytes.first.map(Int.init) else { throw .malformedHeader("UDHI set but the message is empty") }
        guard length + 1 <= bytes.count else {
            throw .malformedHeader("length \(length) exceeds the \(bytes.count - 1) octets that follow")
        }
        let header = Array(bytes[0...length])
        self.init(header: header, body: Array(bytes[(length + 1)...]), concatenation: try Self.concatenation(in: header))
    }

    /// Creates user data from its pieces.
    public init(header: [UInt8], body: [UInt8], concatenation: SMSConcatenation?) {
        self.header = header
        self.body = body
        self.concatenation = concatenation
    }

    /// Walks the information elements; the last concatenation element wins, others are skipped.
    private static func concatenation(in header: [UInt8]) throws(SMSEncodingError) -> SMSConcatenation? {
        var found: SMSConcatenation?
        var index = 1
        while index < header.count {
            guard index + 1 < header.count else { throw .malformedHeader("element at octet \(index) has no length") }
            let identifier = header[index]
            let length = Int(header[index + 1])
            let start = index + 2
            guard start + length <= header.count else {
                throw .malformedHeader("element \(hexByte(identifier)) runs past the header")
            }
            let value = header[start..<(start + length)].map { $0 }
            switch (identifier, length) {
            case (0x00, 3):
                found = try validated(reference: UInt16(value[0]), total: value[1], sequence: value[2])
            case (0x08, 4):
                found = try validated(reference: UInt16(value[0]) << 8 | UInt16(value[1]), total: value[2], sequence: value[3])
            case (0x00, _), (0x08, _):
                throw .malformedHeader("concatenation element \(hexByte(identifier)) has length \(length)")
            default:
                break
            }
            index = start + length
        }
        return found
    }

    private static func hexByte(_ value: UInt8) -> String {
        "0x" + (value < 16 ? "0" : "") + String(value, radix: 16)
    }

    private static func validated(reference: UInt16, total: UInt8, sequence: UInt8) throws(SMSEncodingError) -> SMSConcatenation {
        guard total > 0, sequence > 0, sequence <= total else {
            throw .malformedHeader("concatenation part \(sequence) of \(total) is out of range")
        }
        return SMSConcatenation(reference: reference, total: Int(total), sequence: Int(sequence))
    }
}
