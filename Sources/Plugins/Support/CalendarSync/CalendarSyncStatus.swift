import Foundation
import HubCore

/// How the last reads of one mailbox went, as the API shows it (`calsync.status.<user>`).
public struct CalendarSyncStatus: Sendable, Equatable, Codable {
    /// Outcome of the last read.
    public enum State: String, Sendable, Codable {
        /// Read and applied.
        case ok
        /// The last read failed; see ``CalendarSyncStatus/reason``.
        case failed
    }

    /// The user.
    public var user: UserID
    /// The calendar address read.
    public var address: String
    /// Outcome of the last read.
    public var state: State
    /// Why the last read failed (no credentials, no subjects); nil when ok.
    public var reason: String?
    /// When the last read was attempted.
    public var lastAttempt: Date
    /// When a read last succeeded; nil if never.
    public var lastSuccess: Date?
    /// Failed reads in a row.
    public var consecutiveFailures: Int
    /// Entries in the window after the last successful read.
    public var entries: Int
    /// When the next read is planned.
    public var nextAttempt: Date?

    /// Creates a status.
    public init(
        user: UserID, address: String, state: State, reason: String? = nil, lastAttempt: Date, lastSuccess: Date? = nil,
        consecutiveFailures: Int = 0, entries: Int = 0, nextAttempt: Date? = nil
    ) {
        self.user = user
        self.address = address
        self.state = state
        self.reason = reason
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.consecutiveFailures = consecutiveFailures
        self.entries = entries
        self.nextAttempt = nextAttempt
    }
}
