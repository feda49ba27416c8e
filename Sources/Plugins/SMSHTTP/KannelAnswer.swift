import Foundation
import HubCore

/// Classifies smsbox's answer to `/cgi-bin/sendsms` (Kannel user guide, table 7-16).
public enum KannelAnswer {
    /// The outcome for `status` and `body`; `reference` and `parts` go into a `sent` outcome.
    ///
    /// * 2xx `0: Accepted for delivery` and `3: Queued for later delivery` (no SMSC connected yet;
    ///   bearerbox stores it) are both sent.
    /// * 503 `Temporal failure, try again later.` and any other 5xx: retry.
    /// * 403 `Authorization failed`: retry after a minute, not failed, so a password fixed by the operator
    ///   still delivers the queue (the guide files it under 4xx "request or configuration" errors).
    /// * 429 and 408: retry. Any other 4xx (missing receiver, sender rejected, too long): failed.
    public static func outcome(status: Int, body: String, reference: String, parts: Int) -> DeliveryOutcome {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)
        switch status {
        case 200..<300:
            return .sent(reference: reference, parts: parts)
        case 403:
            return .retry(reason: "Kannel refused the credentials (403 \(text)); check username and password", retryAfter: .seconds(60))
        case 408, 429:
            return .retry(reason: "Kannel answered \(status) \(text)", retryAfter: nil)
        case 400..<500:
            return .failed(reason: "Kannel rejected the message: \(status) \(text)")
        default:
            return .retry(reason: "Kannel answered \(status) \(text)", retryAfter: nil)
        }
    }

    /// Whether a 2xx body says the message waits in bearerbox's queue (no SMSC connected).
    public static func isQueued(_ body: String) -> Bool {
        body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("3:")
    }
}
