extension SMSEncoding {
    /// UTF-16 code units as big-endian octets (UCS-2 on the wire; characters outside the BMP as surrogate pairs).
    public static func ucs2Bytes(_ units: some Collection<UInt16>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 2)
        for unit in units {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(truncatingIfNeeded: unit))
        }
        return bytes
    }

    /// Decodes UTF-16BE octets; an odd octet count is an error, a lone surrogate becomes U+FFFD.
    public static func decodeUCS2(_ bytes: [UInt8]) throws(SMSEncodingError) -> String {
        guard bytes.count.isMultiple(of: 2) else { throw .oddUCS2Length(bytes.count) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index < bytes.count {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

/// Why SMS octets could not be decoded.
public enum SMSEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// UCS-2 text with an odd number of octets.
    case oddUCS2Length(Int)
    /// A user data header longer than the data, or a malformed information element.
    case malformedHeader(String)

    public var description: String {
        switch self {
        case let .oddUCS2Length(count): "UCS-2 text has an odd length (\(count) octets)"
        case let .malformedHeader(reason): "user data header: \(reason)"
        }
    }
}
