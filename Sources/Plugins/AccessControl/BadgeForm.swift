/// One way a badge number may be written in the directory: as read, or re-spelled as hex or decimal.
///
/// Converters print the same card as hex (`A1B2C3`) or decimal (`10597059`), with or without leading
/// zeros, so the plugin tries every configured form and accepts the stamp only if they all lead to the
/// same user.
public enum BadgeForm: Sendable, Hashable, CustomStringConvertible {
    /// The badge exactly as read (trimmed).
    case asRead
    /// Upper-case hex, zero-padded to `width` digits (0: no padding).
    case hex(width: Int)
    /// Decimal, zero-padded to `width` digits (0: no padding).
    case decimal(width: Int)

    /// Parses `as_read`, `hex`, `hex:8`, `decimal`, `decimal:10`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let width = parts.count == 2 ? Int(parts[1]) : 0
        guard let width, (0...20).contains(width) else { return nil }
        switch parts[0] {
        case "as_read" where parts.count == 1: self = .asRead
        case "hex": self = .hex(width: width)
        case "decimal": self = .decimal(width: width)
        default: return nil
        }
    }

    /// The form as written in settings (`hex:8`).
    public var description: String {
        switch self {
        case .asRead: "as_read"
        case let .hex(width): width == 0 ? "hex" : "hex:\(width)"
        case let .decimal(width): width == 0 ? "decimal" : "decimal:\(width)"
        }
    }

    /// How the badge field is written on the line, to turn it into a number for the hex/decimal forms.
    public enum Number: String, Sendable, CaseIterable {
        /// Free text: only `as_read` applies.
        case text
        /// Hex digits.
        case hex
        /// Decimal digits.
        case decimal
    }

    /// The directory keys to try for `badge`, in order and without repeats.
    public static func candidates(for badge: String, number: Number, forms: [BadgeForm]) -> [String] {
        let value: UInt64? = switch number {
        case .text: nil
        case .hex: UInt64(badge, radix: 16)
        case .decimal: UInt64(badge, radix: 10)
        }
        var keys: [String] = []
        for form in forms {
            let key: String?
            switch form {
            case .asRead: key = badge
            case let .hex(width): key = value.map { pad(String($0, radix: 16, uppercase: true), width) }
            case let .decimal(width): key = value.map { pad(String($0), width) }
            }
            if let key, !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    private static func pad(_ digits: String, _ width: Int) -> String {
        digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
