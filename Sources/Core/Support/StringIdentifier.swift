/// A value that is identified by a non-empty string, encoded as a bare JSON string.
public protocol StringIdentifier: RawRepresentable, Hashable, Codable, Sendable, Comparable,
    CustomStringConvertible, ExpressibleByStringLiteral, CodingKeyRepresentable where RawValue == String
{
    /// Wraps a raw string without checking it.
    init(_ rawValue: String)
    /// `rawValue.hashValue`, worked out once when the id is made: routing and presence tables look the same
    /// ids up many times per step. It is this process's seeded hash, never stored or sent anywhere.
    var cachedHash: Int { get }
}

extension StringIdentifier {
    public init(rawValue: String) { self.init(rawValue) }
    /// Wraps a string literal without checking it (for constants and tests).
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    /// The id as a dictionary key, so `[UserID: X]` encodes as a JSON object.
    public var codingKey: any CodingKey { IdentifierKey(stringValue: rawValue) }
    /// Reads an id from a dictionary key; invalid ids fail the decoding.
    public init?<T: CodingKey>(codingKey: T) {
        guard Slug.isValid(codingKey.stringValue) else { return nil }
        self.init(codingKey.stringValue)
    }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.cachedHash == rhs.cachedHash && lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(cachedHash) }

    /// What `Dictionary` and `Set` use: the cached hash mixed with the table's seed (SplitMix64's finaliser),
    /// instead of hashing the text again on every lookup. Crafted collisions stay out of reach because the
    /// cached hash is the process's randomly keyed SipHash. Departure from public-API-only: see
    /// docs/design-departures.md.
    public func _rawHashValue(seed: Int) -> Int {
        var mixed = UInt64(bitPattern: Int64(cachedHash ^ seed))
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(bitPattern: UInt(truncatingIfNeeded: mixed ^ (mixed >> 31)))
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard Slug.isValid(raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: Slug.rule))
        }
        self.init(raw)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The shape every identifier (tenant, user, group, activity …) must have.
public enum Slug {
    /// Human-readable statement of the rule, used in validation errors.
    public static let rule = "must be 1-64 characters of a-z, 0-9, '-', '_' or '.', starting with a letter or digit"

    /// Whether `text` is a valid identifier.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), let first = bytes.first, isAlnum(first) else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// A coding key carrying an identifier's string.
struct IdentifierKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
