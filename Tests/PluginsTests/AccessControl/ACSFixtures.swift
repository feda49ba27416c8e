import AccessControlPlugin
import Foundation
import HubCore
import HubPluginTesting
import Testing

/// Files and settings the access-control tests share.
enum ACSFixtures {
    /// The repository root, found from this file's real location (the test folder may be reached through a symlink).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of `samples/access-control/<name>`.
    static func sample(_ name: String) throws -> [UInt8] {
        let url = repositoryRoot.appendingPathComponent("samples/access-control/\(name)")
        return Array(try Data(contentsOf: url))
    }

    /// A fixed "now" for decoding: 2026-11-25 12:00:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_608_000)

    /// UTC, so times in the fixtures read the same everywhere.
    static let utc = TimeZone(identifier: "UTC") ?? .current

    /// The configuration of `preset` for a test port, in UTC.
    static func configuration(_ preset: String, port: String = "/dev/ttyACS-test", extra: (inout AccessControlPlugin.Settings) -> Void = { _ in }) throws -> AccessControlConfiguration {
        var settings = AccessControlPlugin.Settings(port: port, preset: preset)
        settings.timeZone = "UTC"
        extra(&settings)
        return try settings.resolve()
    }

    /// Everything `bytes` decode to with `preset`, fed in one piece or one byte at a time.
    static func decode(_ bytes: [UInt8], preset: String, byteByByte: Bool = false) throws -> [DecodeEvent] {
        var decoder = StampDecoder(format: try configuration(preset).format)
        var events: [DecodeEvent] = []
        if byteByByte {
            for byte in bytes { events += decoder.append([byte], at: now) }
        } else {
            events += decoder.append(bytes, at: now)
        }
        return events + decoder.finish(at: now)
    }

    /// The instant of `text` (`yyyy-MM-dd HH:mm:ss`, UTC).
    static func date(_ text: String) -> Date? {
        TimePattern("yyyy-MM-dd HH:mm:ss", timeZone: utc)?.date(from: text, now: now)
    }
}

extension DecodeEvent {
    /// The stamp, if this is one.
    var stamp: Stamp? {
        if case let .stamp(stamp) = self { stamp } else { nil }
    }

    /// The problem, if this is one.
    var problem: AccessControlProblem? {
        if case let .problem(problem, _) = self { problem } else { nil }
    }
}
