import Crypto
import Foundation
import HubCore
import Logging

/// One plugin instance as configured by a file in `plugins.d/`.
struct PluginInstanceConfig: Sendable, Equatable {
    /// The file name without `.toml`.
    var id: String
    /// The file, as given to the loader (for messages).
    var file: String
    var kind: String
    var tenant: TenantID
    var enabled: Bool
    var logLevel: Logger.Level
    /// The `[settings]` table as JSON with secrets from the environment filled in.
    var settings: JSONSettingsSource
    /// Changes whenever anything in the instance's configuration changes; SIGHUP restarts only changed instances.
    var fingerprint: String

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.fingerprint == rhs.fingerprint && lhs.id == rhs.id }
}

/// Plugin settings held as a JSON object (converted from TOML).
struct JSONSettingsSource: PluginSettingsSource {
    let object: [String: JSONScalarTree]

    var keys: Set<String> { Set(object.keys) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let data = try JSONEncoder().encode(object)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: data)
    }

    /// Canonical JSON text (sorted keys), used in fingerprints.
    var canonical: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(object), as: UTF8.self)) ?? ""
    }
}

/// A JSON value, so settings stay `Sendable` and re-encodable.
enum JSONScalarTree: Codable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int64)
    case bool(Bool)
    case array([JSONScalarTree])
    case object([String: JSONScalarTree])
    case null

    /// Converts a `JSONSerialization` value.
    init(_ value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let number as NSNumber where JSONValues.isBool(number): self = .bool(number.boolValue)
        case let number as NSNumber:
            let double = number.doubleValue
            self = double == double.rounded() && abs(double) < 9e15 ? .integer(number.int64Value) : .number(double)
        case let array as [Any]: self = .array(array.map(JSONScalarTree.init))
        case let object as [String: Any]: self = .object(object.mapValues(JSONScalarTree.init))
        default: self = .null
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let integer = try? container.decode(Int64.self) { self = .integer(integer) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else if let text = try? container.decode(String.self) { self = .string(text) }
        else if let array = try? container.decode([JSONScalarTree].self) { self = .array(array) }
        else { self = .object(try container.decode([String: JSONScalarTree].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    var stringValue: String? { if case let .string(value) = self { value } else { nil } }
}

extension String {
    /// SHA-256 of the text in hex.
    var sha256: String { SHA256.hash(data: Data(utf8)).map { String(format: "%02x", $0) }.joined() }
}
