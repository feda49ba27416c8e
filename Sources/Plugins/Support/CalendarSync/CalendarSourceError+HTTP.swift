import Foundation

extension CalendarSourceError {
    /// What an adapter reports for an HTTP status it gives no meaning of its own: 429 and 503 are
    /// ``throttled(retryAfter:_:)`` with the server's `Retry-After` (or EWS back-off), anything else
    /// ``unavailable(_:)`` with `reason` (the server's error text).
    public static func httpFailure(_ response: HTTPResponse, reason: String, now: Date) -> CalendarSourceError {
        switch response.status {
        case 429, 503: .throttled(retryAfter: RetryHint.delay(for: response, now: now), "HTTP \(response.status)")
        default: .unavailable("HTTP \(response.status): \(reason)")
        }
    }
}
