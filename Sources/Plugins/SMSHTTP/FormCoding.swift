import Foundation

/// Percent-encoding and `application/x-www-form-urlencoded` parsing for requests and callbacks.
public enum FormCoding {
    /// `value` with every byte outside RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) as `%XX`.
    public static func percentEncode(_ value: String) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E:
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0x0F)]
            }
        }
        return output
    }

    /// `name=value&…` with both sides percent-encoded, in the order given.
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { percentEncode($0.0) + "=" + percentEncode($0.1) }.joined(separator: "&")
    }

    /// The fields of a query string or form body, in order; `+` is a space, malformed `%` escapes stay literal.
    public static func decode(_ text: Substring) -> [(name: String, value: String)] {
        decodeBytes(text).map { ($0.name, FormCoding.text(of: $0.value)) }
    }

    /// The fields with raw value bytes (Kannel's `%b` carries UTF-16BE or Latin-1 bytes, not UTF-8).
    public static func decodeBytes(_ text: Substring) -> [(name: String, value: [UInt8])] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (FormCoding.text(of: unescape(parts[0])), parts.count > 1 ? unescape(parts[1]) : [])
        }
    }

    /// Bytes as text: UTF-8 when valid, else ISO 8859-1 (each byte one character), so nothing is dropped.
    public static func text(of bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// One percent-encoded component, decoded to bytes.
    public static func unescape(_ text: Substring) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == 0x2B {
                bytes.append(0x20)
            } else if byte == 0x25, iterator.count >= 2, let high = hexValue(iterator[iterator.startIndex]),
                let low = hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    private static let hexDigits = Array("0123456789ABCDEF").map { String($0) }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
