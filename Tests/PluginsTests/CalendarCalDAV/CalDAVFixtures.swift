import CalendarCalDAVPlugin
import HubCore
import Foundation

/// Fixture files and instants shared by the CalDAV tests.
enum CalDAVFixtures {
    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()  // CalendarCalDAV
        .deletingLastPathComponent()  // PluginsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("samples/calendar/caldav")

    /// The text of `samples/calendar/caldav/<name>`.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// `2026-12-01T12:00:00Z` style instants.
    static func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { fatalError("bad test instant \(text)") }
        return date
    }

    static func zone(_ id: String) -> TimeZone {
        guard let zone = TimeZone(identifier: id) else { fatalError("unknown test zone \(id)") }
        return zone
    }

    /// Blocks of fixture `name` over `[from, to)` for owner anna@example.com.
    static func blocks(_ name: String, from: String, to: String, zone: String = "Europe/Helsinki") throws -> (blocks: [CalendarBlock], problems: [String]) {
        let expansion = try ICalExpansion(text: text(name), from: utc(from), to: utc(to), floatingZone: Self.zone(zone))
        let mapper = CalendarBlockMapper(ownerAddresses: ["mailto:anna@example.com"])
        return (expansion.occurrences.map(mapper.block), expansion.problems)
    }
}
