import Foundation

/// JSON Lines: one JSON value per line, dates as ISO 8601 text (`2026-05-04T09:30:00Z`).
///
/// Encoded lines have sorted keys, no whitespace and no line break inside, and end with `\n`; decoding
/// takes one line without its line end. Dates decode with or without fractional seconds and with `Z`
/// or a `±hh:mm` offset.
public enum JSONLines {
    /// Encodes `value` as one line, line end included.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        var bytes = Array(try makeEncoder().encode(value))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Decodes one line (without its line end).
    public static func decode<T: Decodable>(_ type: T.Type, from line: some Collection<UInt8>) throws -> T {
        try makeDecoder().decode(type, from: Data(line))
    }

    /// An encoder with the JSON Lines conventions.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatDate(date))
        }
        return encoder
    }

    /// A decoder with the JSON Lines conventions.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time")
            }
            return date
        }
        return decoder
    }

    /// Formats a date as ISO 8601 in UTC, with fractional seconds only when it has them.
    public static func formatDate(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        return whole ? date.formatted(plainStyle) : date.formatted(fractionalStyle)
    }

    /// Parses an ISO 8601 date-time with `Z` or an offset, with or without fractional seconds.
    public static func parseDate(_ text: String) -> Date? {
        (try? fractionalStyle.parse(text)) ?? (try? plainStyle.parse(text))
    }

    private static let plainStyle = Date.ISO8601FormatStyle()
    private static let fractionalStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}
