import Foundation
import HubCore
import HubPluginSupport

/// How a provider's answer to a send request becomes a ``DeliveryOutcome``.
public struct ResponseRule: Sendable, Equatable {
    /// Status codes meaning "accepted".
    public var successStatus: Set<Int>
    /// Status codes meaning "try again later"; any other non-success status fails the message for good.
    public var retryStatus: Set<Int>
    /// Where the provider's message id is in a JSON answer.
    public var idPath: JSONPath?
    /// A regular expression whose first capture group is the provider's message id.
    public var idPattern: String?

    /// Status codes retried by default: timeouts, rate limits and server errors.
    public static let defaultRetryStatus: Set<Int> = Set([408, 425, 429]).union(500...599)

    /// Creates a rule.
    public init(successStatus: Set<Int> = Set(200...299), retryStatus: Set<Int> = defaultRetryStatus, idPath: JSONPath? = nil, idPattern: String? = nil) {
        self.successStatus = successStatus
        self.retryStatus = retryStatus
        self.idPath = idPath
        self.idPattern = idPattern
    }

    /// Whether the rule extracts a provider id.
    public var extractsID: Bool { idPath != nil || idPattern != nil }

    /// The outcome of `response`. A success names the provider id as reference when the rule finds one,
    /// else `fallbackReference` (the outbox id); a retry carries `Retry-After` when the provider sent one.
    public func outcome(for response: HTTPResponse, fallbackReference: String, parts: Int, now: Date) -> DeliveryOutcome {
        let snippet = String(decoding: response.body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if successStatus.contains(response.status) {
            return .sent(reference: providerID(in: response.body) ?? fallbackReference, parts: parts)
        }
        if retryStatus.contains(response.status) {
            return .retry(reason: "provider answered \(response.status) \(snippet)", retryAfter: RetryHint.delay(for: response, now: now))
        }
        return .failed(reason: "provider rejected the message: \(response.status) \(snippet)")
    }

    /// The provider's id in `body`, by JSON path first, then by pattern.
    public func providerID(in body: Data) -> String? {
        if let idPath, let json = try? JSONLines.decode(JSONValue.self, from: body), let id = idPath.text(in: json), !id.isEmpty {
            return id
        }
        if let idPattern, let regex = try? Regex(idPattern), let text = String(data: body.prefix(65_536), encoding: .utf8),
            let match = try? regex.firstMatch(in: text), match.count > 1, let captured = match[1].substring, !captured.isEmpty
        {
            return String(captured)
        }
        return nil
    }
}
