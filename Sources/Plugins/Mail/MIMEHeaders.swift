import Foundation

/// Header encoding for MIME messages: RFC 2047 encoded words for non-ASCII text, folding to 78 characters,
/// and RFC 5322 dates.
public enum MIMEHeaders {
    /// The longest header line we write before folding (RFC 5322 2.1.1 recommends 78).
    public static let lineLimit = 78

    /// `Name: value` folded with CRLF + space; `value` is already encoded (ASCII).
    public static func field(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var current = name + ":"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if current.utf8.count + 1 + word.utf8.count > lineLimit, current.utf8.count > name.utf8.count + 1 {
                lines.append(current)
                current = " " + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `text` as is when it is printable ASCII, else as RFC 2047 `=?UTF-8?B?…?=` words of at most 75
    /// characters each, split only between characters, separated by spaces (folding points).
    public static func encodedText(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), !text.contains("=?") { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 39 bytes encode to 52 base64 characters: a word of 64, so even "Subject: " plus a word fits in 78.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: " ")
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// One address for a header: `Display Name <addr>` with the name quoted or encoded as needed.
    public static func address(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return text.trimmingCharacters(in: .whitespaces) }
        let name = text[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let address = String(text[open...])
        guard !name.isEmpty else { return address }
        if !name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) { return encodedText(name) + " " + address }
        let specials = CharacterSet(charactersIn: "()<>[]:;@\\,.\"")
        if name.unicodeScalars.contains(where: { specials.contains($0) }) {
            return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\" " + address
        }
        return name + " " + address
    }

    /// The bare address of `Name <addr>` or a bare address (for the SMTP envelope).
    public static func bareAddress(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return text.trimmingCharacters(in: .whitespaces) }
        return String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    }

    /// An RFC 5322 date in UTC: `Wed, 25 Nov 2026 11:36:36 +0000`.
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[((c.weekday ?? 1) - 1) % 7]), \(c.day ?? 1) \(months[((c.month ?? 1) - 1) % 12]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    /// A `filename` parameter: quoted ASCII, or RFC 2231 `filename*=utf-8''…` for anything else.
    public static func fileParameter(_ key: String, _ name: String) -> String {
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }) { return "\(key)=\"\(name)\"" }
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "attachment"
        return "\(key)*=utf-8''\(encoded)"
    }
}
