import Foundation
import HubCore

/// What a calendar adapter (EWS, Graph, Domino, CalDAV) implements; ``CalendarSyncEngine`` does the rest
/// (scheduling, rate limits, rules, presence, status).
///
/// ```swift
/// struct CalDAVSource: CalendarSource {
///     func serverKey(for mailbox: CalendarMailbox) -> String { baseURL.host ?? "caldav" }
///     func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
///         // REPORT sync-collection with request.syncToken, or calendar-query over request.window when nil
///     }
/// }
/// ```
public protocol CalendarSource: Sendable {
    /// Mailboxes with the same key share one concurrency limit (one server, one service account).
    func serverKey(for mailbox: CalendarMailbox) -> String
    /// Reads `request.mailbox`'s entries in `request.window`: everything when `request.syncToken` is nil,
    /// else the changes since that token. Entries only partly inside the window are included.
    func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult
}

/// One user's calendar as the directory names it.
public struct CalendarMailbox: Sendable, Hashable, Codable {
    /// The user whose presence the calendar drives.
    public var user: UserID
    /// The calendar address from the user record (SMTP address, Notes mail file, CalDAV URL or path).
    public var address: String

    /// Creates a mailbox.
    public init(user: UserID, address: String) {
        self.user = user
        self.address = address
    }
}

/// One fetch the engine asks an adapter for.
public struct CalendarFetchRequest: Sendable, Equatable {
    /// Whose calendar.
    public var mailbox: CalendarMailbox
    /// The time range of interest (UTC); fixed for a whole day so delta tokens that encode it stay valid.
    public var window: DateInterval
    /// The token the adapter returned last time for this mailbox and window; nil asks for a full read.
    public var syncToken: String?

    /// Creates a request.
    public init(mailbox: CalendarMailbox, window: DateInterval, syncToken: String?) {
        self.mailbox = mailbox
        self.window = window
        self.syncToken = syncToken
    }
}

/// What an adapter returns.
public enum CalendarFetchResult: Sendable, Equatable {
    /// Every entry in the window (after a full read), with the token for the next incremental read.
    case full([CalendarBlock], syncToken: String?)
    /// Changes since the request's token: added or changed entries (by ``CalendarBlock/id``) and removed ids.
    case changes(upserted: [CalendarBlock], removed: [String], syncToken: String?)
}

/// Why a fetch failed; the engine records it as the mailbox's sync status and decides when to retry.
///
/// Reasons are shown to admins in the API: never put credentials, tokens or entry subjects in them.
public enum CalendarSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The mailbox does not exist (HTTP 404, ErrorNonExistentMailbox); retried slowly.
    case mailboxNotFound(String)
    /// The service account may not read it, or its credentials were refused (401/403); retried slowly.
    case accessDenied(String)
    /// The sync token is no longer valid (Graph 410 / SyncStateNotFound, CalDAV valid-sync-token); the
    /// engine retries at once with a full read.
    case syncTokenExpired
    /// The server asked us to slow down (429, ErrorServerBusy); every mailbox of the server waits
    /// `retryAfter` (or the engine's backoff if nil).
    case throttled(retryAfter: Duration?, String)
    /// The server could not be reached or failed (network, 5xx); retried with backoff.
    case unavailable(String)
    /// The server answered something the adapter cannot use; retried with backoff.
    case invalidResponse(String)

    /// The reason as shown in the sync status (`access denied: HTTP 403`).
    public var description: String {
        switch self {
        case let .mailboxNotFound(reason): "mailbox not found: \(reason)"
        case let .accessDenied(reason): "access denied: \(reason)"
        case .syncTokenExpired: "sync token expired"
        case let .throttled(retryAfter, reason): "throttled\(retryAfter.map { " for \($0)" } ?? ""): \(reason)"
        case let .unavailable(reason): "unavailable: \(reason)"
        case let .invalidResponse(reason): "invalid response: \(reason)"
        }
    }
}
