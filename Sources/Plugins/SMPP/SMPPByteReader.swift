/// Reads SMPP fields from a PDU body, naming the field in every error.
struct SMPPByteReader {
    private let bytes: [UInt8]
    private(set) var index: Int

    init(_ bytes: [UInt8], from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var remaining: Int { bytes.count - index }

    mutating func u8(_ field: String) throws(SMPPCodecError) -> UInt8 {
        guard index < bytes.count else { throw .truncated(field: field) }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func u16(_ field: String) throws(SMPPCodecError) -> UInt16 {
        guard remaining >= 2 else { throw .truncated(field: field) }
        defer { index += 2 }
        return UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
    }

    mutating func u32(_ field: String) throws(SMPPCodecError) -> UInt32 {
        guard remaining >= 4 else { throw .truncated(field: field) }
        defer { index += 4 }
        return bytes[index..<index + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func octets(_ count: Int, _ field: String) throws(SMPPCodecError) -> [UInt8] {
        guard remaining >= count else { throw .truncated(field: field) }
        defer { index += count }
        return Array(bytes[index..<index + count])
    }

    /// A C-octet string of at most `maxOctets` octets including its NUL.
    mutating func cString(_ field: String, max maxOctets: Int) throws(SMPPCodecError) -> String {
        let limit = min(bytes.count, index + maxOctets)
        guard let end = bytes[index..<limit].firstIndex(of: 0) else {
            if limit == bytes.count && bytes.count - index < maxOctets { throw .truncated(field: field) }
            throw .unterminated(field: field, maxOctets: maxOctets)
        }
        defer { index = end + 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    /// Optional parameters up to the end of the body.
    mutating func parameters() throws(SMPPCodecError) -> [SMPPTLV] {
        var parameters: [SMPPTLV] = []
        while remaining > 0 {
            guard remaining >= 4 else { throw .badParameter(tag: 0, reason: "\(remaining) octets left, a parameter needs 4") }
            let tag = try u16("parameter tag")
            let length = Int(try u16("parameter length"))
            guard remaining >= length else {
                throw .badParameter(tag: tag, reason: "length \(length) but \(remaining) octets left")
            }
            parameters.append(SMPPTLV(tag: tag, value: try octets(length, "parameter value")))
        }
        return parameters
    }
}
