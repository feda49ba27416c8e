import Foundation

/// Where the instance's port stands, for logs, statistics and the plugin status.
public struct LinkStatus: Sendable, Equatable, CustomStringConvertible {
    /// The port's state.
    public enum State: String, Sendable {
        /// Opening (or connecting).
        case opening
        /// Open and being read.
        case open
        /// Lost or never opened; the next attempt is due at ``retryAt``.
        case waiting
    }

    /// The state.
    public var state: State
    /// How the port is open, or why it is not.
    public var detail: String
    /// When the next open attempt is due while waiting.
    public var retryAt: Date?
    /// Failed attempts since the port was last open.
    public var failedAttempts: Int
    /// When the port entered this state.
    public var since: Date?

    /// Creates a status.
    public init(state: State, detail: String, retryAt: Date? = nil, failedAttempts: Int = 0, since: Date? = nil) {
        self.state = state
        self.detail = detail
        self.retryAt = retryAt
        self.failedAttempts = failedAttempts
        self.since = since
    }

    /// `open: termios /dev/ttyUSB0 9600 8N1`, `waiting: /dev/ttyUSB0: No such file … (attempt 3, retry at …)`.
    public var description: String {
        var text = "\(state.rawValue): \(detail)"
        if state == .waiting {
            text += " (attempt \(failedAttempts)"
            if let retryAt { text += ", retry at \(retryAt.formatted(.iso8601))" }
            text += ")"
        }
        return text
    }
}
