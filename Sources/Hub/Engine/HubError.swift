import HubCore

/// A refusal from the hub's services, mapped to an HTTP status by the API.
enum HubError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object does not exist (or the caller may not know it exists).
    case notFound(String)
    /// The request conflicts with current state (duplicate id, number in use, minimums of DIR-1).
    case conflict(String)
    /// One or more fields are invalid.
    case invalid(ValidationError)
    /// The caller may not do this.
    case forbidden(String)
    /// The store could not commit; nothing was changed.
    case storage(String)

    var description: String {
        switch self {
        case let .notFound(message), let .conflict(message), let .forbidden(message), let .storage(message): message
        case let .invalid(error): error.description
        }
    }

    /// A validation error for one field.
    static func invalid(_ path: String, _ reason: String) -> HubError { .invalid(ValidationError(path: path, reason: reason)) }
}
