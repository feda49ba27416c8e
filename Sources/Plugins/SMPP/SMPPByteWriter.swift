/// Writes SMPP fields, checking each against its maximum size.
struct SMPPByteWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(64) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func octets(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// A C-octet string; `maxOctets` includes the NUL.
    mutating func cString(_ value: String, _ field: String, max maxOctets: Int) throws(SMPPCodecError) {
        let utf8 = Array(value.utf8)
        guard utf8.count < maxOctets else { throw .tooLong(field: field, length: utf8.count + 1, max: maxOctets) }
        guard !utf8.contains(0) else { throw .unterminated(field: field, maxOctets: maxOctets) }
        bytes.append(contentsOf: utf8)
        bytes.append(0)
    }

    mutating func parameters(_ parameters: [SMPPTLV]) throws(SMPPCodecError) {
        for parameter in parameters {
            guard parameter.value.count <= Int(UInt16.max) else {
                throw .badParameter(tag: parameter.tag, reason: "value of \(parameter.value.count) octets is too long")
            }
            u16(parameter.tag)
            u16(UInt16(parameter.value.count))
            octets(parameter.value)
        }
    }

    /// Sets the first four octets to the total length (`command_length`).
    mutating func patchLength() {
        let length = UInt32(bytes.count)
        for (offset, shift) in [24, 16, 8, 0].enumerated() { bytes[offset] = UInt8(truncatingIfNeeded: length >> UInt32(shift)) }
    }
}
