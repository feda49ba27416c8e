import Foundation
import HubCore
import HubPluginSupport

/// Fetches app-only access tokens and keeps each until shortly before it expires.
///
/// Concurrent callers share one token request. A refused request (bad secret, no consent) is
/// ``CalendarSourceError/accessDenied(_:)`` for every mailbox until the configuration changes.
actor GraphTokenSource {
    private let transport: any HTTPTransport
    private let clock: HubClock
    private let url: String
    private let body: Data
    private let timeout: Duration
    private var cached: (token: String, expires: Date)?
    private var pending: Task<String, any Error>?
    /// Token requests sent (for tests and statistics).
    private(set) var requests = 0

    /// Renew this long before the announced expiry, so a token never expires in flight.
    static let margin: TimeInterval = 120

    init(transport: any HTTPTransport, clock: HubClock, settings: CalendarGraphPlugin.Settings) {
        self.transport = transport
        self.clock = clock
        self.url = GraphTokenRequest.url(base: settings.tokenURL, tenant: settings.tenantID)
        self.body = GraphTokenRequest.body(clientID: settings.clientID, clientSecret: settings.clientSecret, scope: settings.scope)
        self.timeout = settings.requestTimeout.duration
    }

    /// A valid token, from the cache or a new request.
    func token() async throws(CalendarSourceError) -> String {
        if let cached, clock.now() < cached.expires { return cached.token }
        let task: Task<String, any Error>
        if let pending {
            task = pending
        } else {
            task = Task { try await self.fetch() }
            pending = task
        }
        do {
            let token = try await task.value
            return token
        } catch let error as CalendarSourceError {
            throw error
        } catch {
            throw .unavailable("token request: \(error)")
        }
    }

    /// Forgets the cached token (after a 401 from Graph).
    func invalidate() {
        cached = nil
    }

    private func fetch() async throws(CalendarSourceError) -> String {
        defer { pending = nil }
        requests += 1
        let request = HTTPRequest(
            method: "POST", url: url, headers: [HTTPField("Content-Type", "application/x-www-form-urlencoded")], body: body,
            timeout: timeout)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch { throw .unavailable("token endpoint: \(error)") }
        let decoder = JSONDecoder()
        guard response.status == 200 else {
            let reason = (try? decoder.decode(GraphTokenRequest.Refused.self, from: response.body))?.summary ?? "HTTP \(response.status)"
            if (400..<500).contains(response.status) { throw .accessDenied("token endpoint refused: \(reason)") }
            throw .unavailable("token endpoint: \(reason)")
        }
        guard let granted = try? decoder.decode(GraphTokenRequest.Granted.self, from: response.body), !granted.accessToken.isEmpty else {
            throw .invalidResponse("token endpoint: answer has no access_token/expires_in")
        }
        let lifetime = max(TimeInterval(granted.expiresIn) - Self.margin, TimeInterval(granted.expiresIn) / 2)
        cached = (granted.accessToken, clock.now().addingTimeInterval(lifetime))
        return granted.accessToken
    }
}
