import Logging

/// What the runtime hands a plugin instance: identity, logging, time, and its links to the hub.
public struct PluginContext: Sendable {
    /// The instance id (the file name in `plugins.d/` without `.toml`).
    public let instanceID: String
    /// The tenant the instance serves.
    public let tenant: TenantID
    /// A logger tagged with `plugin.kind` and `plugin.instance`.
    public let logger: Logger
    /// Wall time and sleeping.
    public let clock: HubClock
    /// Where the plugin sends what it produces.
    public let sink: any PluginEventSink
    /// Read access to the tenant's directory.
    public let directory: any DirectoryLookup
    /// Small persistent key-value state of this instance (sync tokens, cursors).
    public let state: any PluginStateStore
    /// Subscribes to the tenant's hub events (presence changes); the stream ends when the plugin stops.
    public let subscribe: @Sendable () -> AsyncStream<HubEvent>
    /// The outbox's messages for this instance (message gateways only; empty for other roles).
    public let outbox: any OutboundMessageQueue
    /// Where the instance reports what it is doing (port open, reconnecting …) for its status in the API.
    public let status: any PluginStatusReporter

    /// Assembles the context the runtime hands one plugin instance.
    public init(
        instanceID: String, tenant: TenantID, logger: Logger, clock: HubClock, sink: any PluginEventSink,
        directory: any DirectoryLookup, state: any PluginStateStore,
        subscribe: @escaping @Sendable () -> AsyncStream<HubEvent>,
        outbox: any OutboundMessageQueue = NoOutboundMessages(), status: any PluginStatusReporter = NoStatusReporter()
    ) {
        self.instanceID = instanceID
        self.tenant = tenant
        self.logger = logger
        self.clock = clock
        self.sink = sink
        self.directory = directory
        self.state = state
        self.subscribe = subscribe
        self.outbox = outbox
        self.status = status
    }
}

/// Takes a plugin instance's own account of its state, shown as `detail` in the instance's status.
public protocol PluginStatusReporter: Sendable {
    /// Replaces the detail (`open: /dev/ttyUSB0 9600 8N1`, `waiting: … retry at …`); nil clears it.
    func report(detail: String?)
}

/// A ``PluginStatusReporter`` that drops every report.
public struct NoStatusReporter: PluginStatusReporter {
    /// Creates the reporter.
    public init() {}
    /// Drops the report.
    public func report(detail: String?) {}
}

/// Receives what plugins produce; the hub applies it through the engine.
public protocol PluginEventSink: Sendable {
    /// Submits one output; returns when the hub has accepted (and persisted) it.
    func submit(_ output: PluginOutput) async throws -> PluginOutputResult
}

/// Something a plugin produced.
public enum PluginOutput: Sendable, Equatable {
    /// A presence change for a user of the plugin's tenant.
    case presence(UserID, PresenceUpdate)
    /// Ends now the change `source` made to the user's presence, if it is still in effect (a cancelled or
    /// moved calendar entry); ignored as `changedSince` once anything else changed the presence (PRES-8).
    case liftPresence(UserID, source: PresenceSource)
    /// A delivery receipt for a message a gateway sent earlier.
    case deliveryReport(DeliveryReport)
    /// An SMS that arrived for the tenant.
    case incomingSMS(IncomingSMS)
}

/// What the hub did with a plugin's output.
public enum PluginOutputResult: Sendable, Equatable {
    /// Applied.
    case applied
    /// Not applied, with the engine's reason (e.g. an older stamp than the user's manual change).
    case ignored(PresenceIgnoreReason)
    /// Refused as invalid (unknown user, unknown activity …).
    case rejected(String)
}

/// The directory lookups plugins need.
public protocol DirectoryLookup: Sendable {
    /// The user with `id`, if any.
    func user(_ id: UserID) async -> User?
    /// The user carrying `badge`, if any.
    func user(badge: String) async -> User?
    /// The user whose record names calendar address `address` (case-insensitive), if any.
    func user(calendar address: String) async -> User?
    /// Every user whose record names a calendar.
    func usersWithCalendars() async -> [User]
}

/// A plugin instance's persistent key-value state.
public protocol PluginStateStore: Sendable {
    /// The stored value for `key`.
    func value(for key: String) async throws -> String?
    /// Stores (or with nil removes) a value; durable when it returns.
    func set(_ value: String?, for key: String) async throws
}
