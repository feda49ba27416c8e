import Foundation
import HubCore

/// A bearer token shared by every mailbox of one server: concurrent callers share one request, the token is
/// kept until `margin` before it expires, and a refused request (``CalendarSourceError/accessDenied(_:)``) may
/// be answered from memory for `refusalHold`, so a wrong password is not tried once per mailbox.
public actor BearerTokenCache {
    /// Asks the server for a token; returns it with its lifetime in seconds.
    public typealias Fetch = @Sendable () async throws(CalendarSourceError) -> (token: String, lifetime: TimeInterval)

    private let clock: HubClock
    private let margin: TimeInterval
    private let refusalHold: TimeInterval
    private let fetch: Fetch
    private var cached: (token: String, expires: Date)?
    private var refused: (error: CalendarSourceError, until: Date)?
    private var pending: Task<String, any Error>?
    /// Token requests sent (for tests and statistics).
    public private(set) var requests = 0

    /// Creates a cache renewing `margin` seconds before expiry (or at half the lifetime, if that is sooner).
    public init(clock: HubClock, margin: TimeInterval, refusalHold: TimeInterval = 0, fetch: @escaping Fetch) {
        self.clock = clock
        self.margin = margin
        self.refusalHold = refusalHold
        self.fetch = fetch
    }

    /// A valid token, from the cache or a new request.
    public func token() async throws(CalendarSourceError) -> String {
        let now = clock.now()
        if let cached, now < cached.expires { return cached.token }
        if let refused, now < refused.until { throw refused.error }
        let task: Task<String, any Error>
        if let pending {
            task = pending
        } else {
            task = Task { try await self.request() }
            pending = task
        }
        do {
            return try await task.value
        } catch let error as CalendarSourceError {
            throw error
        } catch {
            throw .unavailable("token request: \(error)")
        }
    }

    /// Forgets the cached token — only if it is still `token`, when one is given (after a 401 to it).
    public func invalidate(_ token: String? = nil) {
        if token == nil || cached?.token == token { cached = nil }
    }

    private func request() async throws(CalendarSourceError) -> String {
        defer { pending = nil }
        requests += 1
        do {
            let (token, lifetime) = try await fetch()
            cached = (token, clock.now().addingTimeInterval(max(lifetime - margin, lifetime / 2)))
            refused = nil
            return token
        } catch {
            if case .accessDenied = error, refusalHold > 0 { refused = (error, clock.now().addingTimeInterval(refusalHold)) }
            throw error
        }
    }
}
