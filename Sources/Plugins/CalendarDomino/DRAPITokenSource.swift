import Foundation
import HubCore
import HubPluginSupport

/// Logs the service account in to the Domino REST API (`POST /api/v1/auth`) and keeps the JWT until
/// shortly before `expSeconds` runs out; ``invalidate()`` after a 401 forces a new login.
///
/// Concurrent callers share one login. A refused login is remembered for ``refusalHold``: every mailbox
/// fails at once with the same reason, and a wrong password is not tried once per mailbox (Domino locks
/// accounts after repeated failed logins).
actor DRAPITokenSource {
    /// The `POST /api/v1/auth` body (`BasicAuthRequest` in the DRAPI basis OpenAPI document).
    struct Login: Encodable, Equatable {
        var username: String
        var password: String
        var scope: String
    }

    /// A successful login (`AuthResult`): `{"bearer":"…","expSeconds":21600,"leeway":5,…}`.
    struct Granted: Decodable, Equatable {
        var bearer: String
        var expSeconds: Int?
    }

    private let transport: any HTTPTransport
    private let clock: HubClock
    private let url: String
    private let body: Data
    private let timeout: Duration
    private var cached: (token: String, expires: Date)?
    private var refused: (error: CalendarSourceError, until: Date)?
    private var pending: Task<String, any Error>?

    /// Renew this long before the announced expiry, so a token never expires in flight.
    static let margin: TimeInterval = 60
    /// Lifetime assumed when the answer names none (DRAPI's default `JwtDuration` is 2 hours).
    static let defaultLifetime: TimeInterval = 7200
    /// How long a refused login is answered from memory.
    static let refusalHold: TimeInterval = 300

    init(transport: any HTTPTransport, clock: HubClock, settings: CalendarDominoPlugin.Settings) {
        self.transport = transport
        self.clock = clock
        self.url = settings.baseURL + "/api/v1/auth"
        let login = Login(username: settings.username, password: settings.password, scope: settings.scope)
        self.body = (try? JSONEncoder().encode(login)) ?? Data()
        self.timeout = settings.requestTimeout.duration
    }

    /// A valid token, from the cache or a new login.
    func token() async throws(CalendarSourceError) -> String {
        let now = clock.now()
        if let cached, now < cached.expires { return cached.token }
        if let refused, now < refused.until { throw refused.error }
        let task: Task<String, any Error>
        if let pending {
            task = pending
        } else {
            task = Task { try await self.login() }
            pending = task
        }
        do {
            return try await task.value
        } catch let error as CalendarSourceError {
            throw error
        } catch {
            throw .unavailable("DRAPI login: \(error)")
        }
    }

    /// Forgets `token` if it is still the cached one (after the API answered 401 to it).
    func invalidate(_ token: String) {
        if cached?.token == token { cached = nil }
    }

    private func login() async throws(CalendarSourceError) -> String {
        defer { pending = nil }
        let request = HTTPRequest(
            method: "POST", url: url, headers: [HTTPField("Content-Type", "application/json"), HTTPField("Accept", "application/json")],
            body: body, timeout: timeout)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch { throw .unavailable("DRAPI login: \(error)") }
        guard response.status == 200 else {
            let reason = DRAPICalendarSource.reason(response)
            switch response.status {
            case 400, 401, 403:
                let error = CalendarSourceError.accessDenied("DRAPI login refused (HTTP \(response.status)): \(reason)")
                refused = (error, clock.now().addingTimeInterval(Self.refusalHold))
                throw error
            case 429, 503:
                throw .throttled(retryAfter: RetryHint.delay(for: response, now: clock.now()), "DRAPI login: HTTP \(response.status)")
            default:
                throw .unavailable("DRAPI login: HTTP \(response.status): \(reason) (is the Domino REST API running on this port?)")
            }
        }
        guard let granted = try? JSONDecoder().decode(Granted.self, from: response.body), !granted.bearer.isEmpty else {
            throw .invalidResponse("DRAPI login: answer has no bearer token")
        }
        let lifetime = granted.expSeconds.map(TimeInterval.init) ?? Self.defaultLifetime
        cached = (granted.bearer, clock.now().addingTimeInterval(max(lifetime - Self.margin, lifetime / 2)))
        refused = nil
        return granted.bearer
    }
}
