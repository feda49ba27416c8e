import Foundation

/// ISO 8601 times as the API and store write them (`2026-11-25T09:30:00.250Z`) and accept them
/// (with or without fractional seconds, any UTC offset).
enum ISO8601 {
    private static let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let whole = Date.ISO8601FormatStyle()

    static func format(_ date: Date) -> String { fractional.format(date) }

    static func parse(_ text: String) -> Date? {
        if let date = try? fractional.parse(text) { return date }
        return try? whole.parse(text)
    }
}
