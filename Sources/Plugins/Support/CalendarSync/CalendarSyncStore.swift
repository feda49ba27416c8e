import Foundation
import HubCore

/// Reads and writes the engine's JSON values in a plugin's state (see ``CalendarSyncKeys``).
public struct CalendarSyncStore: Sendable {
    /// The plugin instance's state.
    public let state: any PluginStateStore

    /// Wraps a plugin's state.
    public init(state: any PluginStateStore) {
        self.state = state
    }

    /// The value under `key`, or nil if absent or unreadable (a value from an older version is dropped, not fatal).
    public func load<Value: Decodable>(_ type: Value.Type, _ key: String) async throws -> Value? {
        guard let text = try await state.value(for: key) else { return nil }
        return try? JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }

    /// Stores `value` under `key` (nil removes it).
    public func save<Value: Encodable>(_ value: Value?, _ key: String) async throws {
        guard let value else { return try await state.set(nil, for: key) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await state.set(String(decoding: try encoder.encode(value), as: UTF8.self), for: key)
    }

    /// The sync status of every user in the index, by user id (for the API).
    public func statuses() async throws -> [CalendarSyncStatus] {
        let users = try await load([UserID].self, CalendarSyncKeys.users) ?? []
        var result: [CalendarSyncStatus] = []
        for user in users {
            if let status = try await load(CalendarSyncStatus.self, CalendarSyncKeys.status(user)) { result.append(status) }
        }
        return result
    }
}
