/// Where a rendered placeholder lands, which decides how its value is escaped.
public enum TemplateEscaping: String, Sendable, Equatable, CaseIterable {
    /// A URL (path segment or query value): everything but RFC 3986 unreserved characters is %-encoded.
    case url
    /// An `application/x-www-form-urlencoded` value: as `url` (spaces as `%20`, which every decoder reads).
    case form
    /// Inside a JSON string literal: `"`, `\` and control characters escaped; the template writes the quotes.
    case json
    /// A header value: copied, but CR, LF and NUL are refused (they would split the header).
    case header
    /// A plain-text body: copied as is.
    case text

    /// `value` escaped for this context.
    public func escape(_ value: String, placeholder: String) throws(TemplateError) -> String {
        switch self {
        case .url, .form: return FormCoding.percentEncode(value)
        case .json: return Self.jsonEscape(value)
        case .text: return value
        case .header:
            if value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
                throw .unsafeValue(placeholder: placeholder, reason: "contains a line break or NUL, not allowed in a header")
            }
            return value
        }
    }

    /// The contents of a JSON string literal for `value` (RFC 8259 section 7).
    public static func jsonEscape(_ value: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            // U+2028/2029 are valid JSON but break JavaScript consumers of the same body; escaping is harmless.
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
