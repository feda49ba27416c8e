import Foundation
import HubCore
import HubPluginSupport
import Logging

extension ExecProtocol {
    /// Decodes one stdout line of a child (without its line end). Unknown fields are ignored.
    public static func decodeChildLine(_ line: some Collection<UInt8>) throws(LineError) -> ChildMessage {
        let value: JSONValue
        do { value = try JSONLines.decode(JSONValue.self, from: line) } catch { throw .notJSON }
        guard case let .object(fields) = value else { throw .notAnObject }
        guard let type = fields["type"]?.stringValue else { throw .missingType }
        let reader = FieldReader(type: type, fields: fields)
        switch type {
        case "presence": return .presence(try reader.presence())
        case "log": return try reader.log()
        default: throw .unknownType(type)
        }
    }
}

/// Reads and checks the fields of one message, turning every problem into ``ExecProtocol/LineError/invalid(type:id:reason:)``.
private struct FieldReader {
    let type: String
    let fields: [String: JSONValue]
    var id: JSONValue? { fields["id"].flatMap { $0.isNull ? nil : $0 } }

    func fail(_ reason: String) -> ExecProtocol.LineError { .invalid(type: type, id: id, reason: reason) }

    func log() throws(ExecProtocol.LineError) -> ExecProtocol.ChildMessage {
        guard let name = try string("level") else { throw fail("\"level\" is missing") }
        guard let level = LogLevelPrefix.level(named: name) else { throw fail("\"level\" '\(name)' is not a log level") }
        guard let message = try string("message") else { throw fail("\"message\" is missing") }
        return .log(level: level, message: message)
    }

    func presence() throws(ExecProtocol.LineError) -> ExecProtocol.PresenceReport {
        guard let user = try identifier("user", as: UserID.self) else { throw fail("\"user\" is missing") }
        var update = PresenceUpdate(source: try source())
        update.activity = try identifier("activity", as: ActivityID.self)
        update.role = try identifier("role", as: RoleID.self)
        update.until = try change("until") { key throws(ExecProtocol.LineError) in try date(key) }
        update.note = try change("note") { key throws(ExecProtocol.LineError) in try note(key) }
        update.noteIfEmpty = try note("note_if_empty")
        update.online = try bool("online")
        update.idle = try bool("idle")
        update.occurredAt = try date("occurred_at")
        update.endsAt = try date("ends_at")
        if let note = update.note?.value, note.isEmpty { update.note = .clear }
        guard update.changesPresence || update.online != nil || update.idle != nil else {
            throw fail("nothing to change: give activity, role, until, note, note_if_empty, online or idle")
        }
        return ExecProtocol.PresenceReport(id: id, user: user, update: update)
    }

    private func source() throws(ExecProtocol.LineError) -> PresenceSource {
        guard let name = try string("source") else { return ExecProtocol.defaultSource }
        guard let source = PresenceSource(rawValue: name), ExecProtocol.allowedSources.contains(source) else {
            let allowed = ExecProtocol.allowedSources.map(\.rawValue).joined(separator: ", ")
            throw fail("\"source\" '\(name)' is not one of \(allowed)")
        }
        return source
    }

    /// A field that may be absent (no change), null (clear) or a value (set).
    private func change<T>(
        _ key: String, _ read: (String) throws(ExecProtocol.LineError) -> T?
    ) throws(ExecProtocol.LineError) -> Change<T>? {
        guard let value = fields[key] else { return nil }
        if value.isNull { return .clear }
        return try read(key).map(Change.set)
    }

    private func string(_ key: String) throws(ExecProtocol.LineError) -> String? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw fail("\"\(key)\" must be a string, not \(value.typeName)") }
        return text
    }

    private func bool(_ key: String) throws(ExecProtocol.LineError) -> Bool? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw fail("\"\(key)\" must be true or false, not \(value.typeName)") }
        return flag
    }

    private func identifier<T: StringIdentifier>(_ key: String, as type: T.Type) throws(ExecProtocol.LineError) -> T? {
        guard let text = try string(key) else { return nil }
        guard Slug.isValid(text) else { throw fail("\"\(key)\" '\(text.prefix(80))' \(Slug.rule)") }
        return T(text)
    }

    private func date(_ key: String) throws(ExecProtocol.LineError) -> Date? {
        guard let text = try string(key) else { return nil }
        guard let date = JSONLines.parseDate(text) else {
            throw fail("\"\(key)\" '\(text.prefix(80))' is not an ISO 8601 date-time such as 2026-05-04T09:30:00Z")
        }
        return date
    }

    private func note(_ key: String) throws(ExecProtocol.LineError) -> String? {
        guard let text = try string(key) else { return nil }
        guard text.count <= PresenceUpdate.maximumNoteLength else {
            throw fail("\"\(key)\" is longer than \(PresenceUpdate.maximumNoteLength) characters")
        }
        return text
    }
}
