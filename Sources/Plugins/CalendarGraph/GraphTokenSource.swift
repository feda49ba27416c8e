import Foundation
import HubCore
import HubPluginSupport

/// Fetches app-only access tokens (client credentials); a ``BearerTokenCache`` keeps each until shortly before
/// it expires and shares one request among concurrent callers. A refused request (bad secret, no consent) is
/// ``CalendarSourceError/accessDenied(_:)`` for every mailbox until the configuration changes.
enum GraphTokenSource {
    /// Renew this long before the announced expiry, so a token never expires in flight.
    static let margin: TimeInterval = 120

    /// A token cache whose requests go to the settings' token endpoint.
    static func cache(transport: any HTTPTransport, clock: HubClock, settings: CalendarGraphPlugin.Settings) -> BearerTokenCache {
        let url = GraphTokenRequest.url(base: settings.tokenURL, tenant: settings.tenantID)
        let body = GraphTokenRequest.body(clientID: settings.clientID, clientSecret: settings.clientSecret, scope: settings.scope)
        let timeout = settings.requestTimeout.duration
        return BearerTokenCache(clock: clock, margin: margin) { () async throws(CalendarSourceError) in
            try await Self.fetch(url: url, body: body, timeout: timeout, transport: transport)
        }
    }

    private static func fetch(url: String, body: Data, timeout: Duration, transport: any HTTPTransport)
        async throws(CalendarSourceError) -> (token: String, lifetime: TimeInterval) {
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
        return (granted.accessToken, TimeInterval(granted.expiresIn))
    }
}
