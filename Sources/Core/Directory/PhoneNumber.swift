/// A telephone number in E.164 form (`+358401234567`), unique across the hub (DIR-4).
public struct PhoneNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The canonical form: `+` and 7 to 15 digits.
    public let e164: String

    /// Normalises `input` written in international or national form.
    ///
    /// Accepts `+358 40 123 4567`, `00358401234567`, and national forms such as `040-1234567` or
    /// `010 123 4567`, which get `countryCode` (default Finland, 358) in place of the leading 0.
    /// Spaces, dashes, dots, slashes and parentheses are ignored.
    public init(_ input: String, countryCode: String = "358") throws(PhoneNumberError) {
        var digits: [Character] = []
        var international = false
        for (offset, character) in input.enumerated() {
            // `asciiValue` keeps look-alikes out: "1\u{FE0F}\u{20E3}" (keycap one) sorts between "0" and "9".
            if let ascii = character.asciiValue, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii) {
                digits.append(character)
                continue
            }
            switch character {
            case "+" where digits.isEmpty && !international: international = true
            case " ", "-", ".", "/", "(", ")", "\u{00A0}": continue
            case "+": throw .misplacedPlus(position: offset + 1)
            default: throw .invalidCharacter(character, position: offset + 1)
            }
        }
        guard !digits.isEmpty else { throw .empty }
        var national = String(digits)
        if !international {
            if national.hasPrefix("00") {
                national.removeFirst(2)
            } else if national.hasPrefix("0") {
                national = countryCode + national.dropFirst()
            } else {
                throw .missingPrefix
            }
        }
        guard national.first != "0" else { throw .invalidCountryCode }
        guard national.count >= 7 else { throw .tooShort(digits: national.count) }
        guard national.count <= 15 else { throw .tooLong(digits: national.count) }
        self.e164 = "+" + national
    }

    private init(unchecked e164: String) { self.e164 = e164 }

    public var description: String { e164 }

    /// The national form with a leading 0 when the number is in `countryCode` (used for search).
    public func nationalForm(countryCode: String = "358") -> String? {
        let prefix = "+" + countryCode
        guard e164.hasPrefix(prefix) else { return nil }
        return "0" + e164.dropFirst(prefix.count)
    }

    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 < rhs.e164 }
}

extension PhoneNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}

/// Why a string is not a usable phone number.
public enum PhoneNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case invalidCharacter(Character, position: Int)
    case misplacedPlus(position: Int)
    case missingPrefix
    case invalidCountryCode
    case tooShort(digits: Int)
    case tooLong(digits: Int)

    public var description: String {
        switch self {
        case .empty: "no digits"
        case let .invalidCharacter(character, position): "character '\(character)' at position \(position) is not allowed"
        case let .misplacedPlus(position): "'+' at position \(position) may only start the number"
        case .missingPrefix: "must start with '+', '00' (international) or '0' (national)"
        case .invalidCountryCode: "country code cannot start with 0"
        case let .tooShort(digits): "too short: \(digits) digits with country code, at least 7 needed"
        case let .tooLong(digits): "too long: \(digits) digits with country code, E.164 allows at most 15"
        }
    }
}
