import Foundation
import HubCore
import HubPluginSupport

/// Logs the service account in to the Domino REST API (`POST /api/v1/auth`); the JWT is kept by a
/// ``BearerTokenCache`` until shortly before `expSeconds` runs out, and a 401 forces a new login.
///
/// A refused login is remembered for ``refusalHold``: every mailbox fails at once with the same reason, and a
/// wrong password is not tried once per mailbox (Domino locks accounts after repeated failed logins).
enum DRAPITokenSource {
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

    /// Renew this long before the announced expiry, so a token never expires in flight.
    static let margin: TimeInterval = 60
    /// Lifetime assumed when the answer names none (DRAPI's default `JwtDuration` is 2 hours).
    static let defaultLifetime: TimeInterval = 7200
    /// How long a refused login is answered from memory.
    static let refusalHold: TimeInterval = 300

    /// A token cache whose requests are DRAPI logins with the settings' account.
    static func cache(transport: any HTTPTransport, clock: HubClock, settings: CalendarDominoPlugin.Settings) -> BearerTokenCache {
        let url = settings.baseURL + "/api/v1/auth"
        let login = Login(username: settings.username, password: settings.password, scope: settings.scope)
        let body = (try? JSONEncoder().encode(login)) ?? Data()
        let timeout = settings.requestTimeout.duration
        return BearerTokenCache(clock: clock, margin: margin, refusalHold: refusalHold) { () async throws(CalendarSourceError) in
            try await Self.login(url: url, body: body, timeout: timeout, transport: transport, clock: clock)
        }
    }

    private static func login(url: String, body: Data, timeout: Duration, transport: any HTTPTransport, clock: HubClock)
        async throws(CalendarSourceError) -> (token: String, lifetime: TimeInterval) {
        let request = HTTPRequest(
            method: "POST", url: url, headers: [HTTPField("Content-Type", "application/json"), HTTPField("Accept", "application/json")],
            body: body, timeout: timeout)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch { throw .unavailable("DRAPI login: \(error)") }
        guard response.status == 200 else {
            let reason = DRAPICalendarSource.reason(response)
            switch response.status {
            case 400, 401, 403:
                throw .accessDenied("DRAPI login refused (HTTP \(response.status)): \(reason)")
            case 429, 503:
                throw .throttled(retryAfter: RetryHint.delay(for: response, now: clock.now()), "DRAPI login: HTTP \(response.status)")
            default:
                throw .unavailable("DRAPI login: HTTP \(response.status): \(reason) (is the Domino REST API running on this port?)")
            }
        }
        guard let granted = try? JSONDecoder().decode(Granted.self, from: response.body), !granted.bearer.isEmpty else {
            throw .invalidResponse("DRAPI login: answer has no bearer token")
        }
        return (granted.bearer, granted.expSeconds.map(TimeInterval.init) ?? Self.defaultLifetime)
    }
}
