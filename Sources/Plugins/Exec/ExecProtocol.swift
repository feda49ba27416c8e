import HubCore
import HubPluginSupport
import Logging

/// The JSON Lines protocol an `exec` child speaks: pure encoding and decoding, no I/O.
///
/// Hub → child (stdin): one `hello`, then the tenant's hub events (`presence.changed` …) and an `ack`
/// for every `presence` line. Child → hub (stdout): `presence` and `log` lines. The full description
/// with examples is `docs/plugin-protocol.md`.
public enum ExecProtocol {
    /// The protocol version sent in `hello`.
    public static let version = 1

    /// Sources a child may claim for its presence lines: only automatic ones, never `user` or `admin`.
    public static let allowedSources: [PresenceSource] = PresenceSource.allCases.filter { !$0.isManual }

    /// The source of presence lines that name none.
    public static let defaultSource = PresenceSource.apiClient

    /// A message a child wrote on its stdout.
    public enum ChildMessage: Sendable, Equatable {
        /// A presence update for one user (`"type":"presence"`).
        case presence(PresenceReport)
        /// A log line (`"type":"log"`).
        case log(level: Logger.Level, message: String)
    }

    /// A `presence` line: the update, the user and the id to echo in the `ack`.
    public struct PresenceReport: Sendable, Equatable {
        /// The child's id for the line, echoed in the `ack` (any JSON value; nil if absent or null).
        public var id: JSONValue?
        /// Whose presence changes.
        public var user: UserID
        /// The change.
        public var update: PresenceUpdate

        /// Creates a report.
        public init(id: JSONValue?, user: UserID, update: PresenceUpdate) {
            self.id = id
            self.user = user
            self.update = update
        }

        /// The output handed to the hub.
        public var output: PluginOutput { .presence(user, update) }
    }

    /// Why a child's line was refused.
    public enum LineError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not valid JSON (or not UTF-8).
        case notJSON
        /// Valid JSON but not an object.
        case notAnObject
        /// An object without a string `type`.
        case missingType
        /// A `type` this protocol version does not know.
        case unknownType(String)
        /// A known type with missing or invalid fields; `id` is the line's id, for the `ack`.
        case invalid(type: String, id: JSONValue?, reason: String)

        /// The problem counter the error falls under.
        public var problem: ExecProblem {
            switch self {
            case .notJSON, .notAnObject, .missingType: .notJSON
            case .unknownType: .unknownType
            case .invalid: .invalidMessage
            }
        }

        /// The reason in words, for logs and acks.
        public var description: String {
            switch self {
            case .notJSON: "not JSON"
            case .notAnObject: "not a JSON object"
            case .missingType: "no \"type\" string"
            case let .unknownType(type): "unknown type '\(type)'"
            case let .invalid(type, _, reason): "invalid \(type): \(reason)"
            }
        }
    }
}
