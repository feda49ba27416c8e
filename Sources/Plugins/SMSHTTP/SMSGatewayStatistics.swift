/// What an SMS gateway instance did since it was created.
public struct SMSGatewayStatistics: Sendable, Equatable {
    /// Messages the gateway accepted (outcome `sent`).
    public var sent = 0
    /// Of those, messages Kannel queued because no SMSC was connected (`3: Queued for later delivery`).
    public var queued = 0
    /// Attempts that ended in `retry` (gateway down, throttled, 5xx).
    public var retried = 0
    /// Messages refused for good (outcome `failed`).
    public var failed = 0
    /// Final delivery reports submitted to the hub.
    public var deliveryReports = 0
    /// Intermediate reports (queued on or delivered to the SMSC) that need no action.
    public var intermediateReports = 0
    /// Incoming SMS submitted to the hub.
    public var incoming = 0
    /// Callbacks refused as malformed, unauthorised or unknown.
    public var badCallbacks = 0

    /// Creates zeroed counters.
    public init() {}
}
