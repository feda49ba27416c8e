import Foundation
import HubCore
import HubPluginSupport

/// A ``PluginSettingsSource`` over JSON, standing in for a TOML `[settings]` table in tests.
///
/// ```swift
/// let settings = try DictionarySettingsSource(["command": ["python3", script], "max_line_bytes": 1024])
/// let plugin = try ExecPlugin.factory.make(settings: settings, context: .testing())
/// ```
public struct DictionarySettingsSource: PluginSettingsSource {
    /// The JSON object, as bytes.
    public let json: Data
    /// The table's keys.
    public let keys: Set<String>

    /// Creates a source from a dictionary of JSON-compatible values (strings, numbers, booleans, arrays, dictionaries).
    public init(_ dictionary: [String: Any]) throws {
        json = try JSONSerialization.data(withJSONObject: dictionary, options: [.sortedKeys])
        keys = Set(dictionary.keys)
    }

    /// Creates a source from a JSON object's text.
    public init(json text: String) throws {
        let value = try JSONLines.decode(JSONValue.self, from: Array(text.utf8))
        guard let members = value.objectValue else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "settings must be a JSON object"))
        }
        json = Data(text.utf8)
        keys = Set(members.keys)
    }

    /// Decodes the settings (dates as ISO 8601 text).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONLines.makeDecoder().decode(type, from: json)
    }
}

/// A settings source whose decoding always fails, as a corrupt file would.
public struct BrokenSettingsSource: PluginSettingsSource {
    /// Creates the source.
    public init() {}

    /// A key no plugin accepts.
    public var keys: Set<String> { ["broken"] }

    /// Always throws a `DecodingError`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "deliberately broken settings"))
    }
}
