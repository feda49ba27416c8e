import HubCore

/// How a provider's delivery-report callback becomes a ``DeliveryReport``: which field holds the
/// reference and the status, and which status values are final.
///
/// Fields are looked up in a JSON body by ``JSONPath``, else among query and form fields. Without a
/// `referenceField` the reference is our own `ref` from the callback URL the plugin handed the provider.
public struct DeliveryReportMapping: Sendable, Equatable {
    /// Field with the provider's id (nil: the `ref` query parameter of our callback URL).
    public var referenceField: String?
    /// Field with the status.
    public var statusField: String
    /// Field with a detail text (error code), if any.
    public var detailField: String?
    /// Status values (lower case) meaning delivered.
    public var delivered: Set<String>
    /// Status values meaning failed for good.
    public var failed: Set<String>
    /// Status values meaning expired.
    public var expired: Set<String>

    /// Creates a mapping; status values are compared case-insensitively.
    public init(referenceField: String? = nil, statusField: String, detailField: String? = nil, delivered: Set<String>, failed: Set<String>, expired: Set<String> = ["expired"]) {
        self.referenceField = referenceField
        self.statusField = statusField
        self.detailField = detailField
        self.delivered = Set(delivered.map { $0.lowercased() })
        self.failed = Set(failed.map { $0.lowercased() })
        self.expired = Set(expired.map { $0.lowercased() })
    }

    /// The final report in `request`, or nil for an intermediate status (queued, sent, dispatched …).
    public func report(from request: CallbackRequest) throws(CallbackProblem) -> DeliveryReport? {
        let referenceName = referenceField ?? "ref"
        guard let reference = request.value(referenceName), !reference.isEmpty else {
            throw CallbackProblem("dlr: field '\(referenceName)' (the message reference) is missing")
        }
        guard let status = request.value(statusField), !status.isEmpty else {
            throw CallbackProblem("dlr: field '\(statusField)' (the status) is missing")
        }
        let detail = detailField.flatMap { request.value($0) }.flatMap { $0.isEmpty ? nil : String($0.prefix(500)) } ?? status
        let key = status.lowercased()
        if delivered.contains(key) { return DeliveryReport(reference: reference, state: .delivered, detail: detail) }
        if failed.contains(key) { return DeliveryReport(reference: reference, state: .failed, detail: detail) }
        if expired.contains(key) { return DeliveryReport(reference: reference, state: .expired, detail: detail) }
        return nil
    }
}
