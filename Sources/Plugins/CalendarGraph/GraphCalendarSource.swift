import Foundation
import HubCore
import HubPluginSupport

/// The Graph adapter of the calendar sync engine: one token source for the app, one delta round per fetch.
public struct GraphCalendarSource: CalendarSource {
    private let tokens: BearerTokenCache
    private let delta: GraphDeltaSync
    private let settings: CalendarGraphPlugin.Settings
    private let counters: GraphCounters

    /// Creates a source sending through `transport`.
    public init(settings: CalendarGraphPlugin.Settings, transport: any HTTPTransport, context: PluginContext) {
        let counters = GraphCounters()
        let tokens = GraphTokenSource.cache(transport: transport, clock: context.clock, settings: settings)
        self.tokens = tokens
        self.settings = settings
        self.counters = counters
        self.delta = GraphDeltaSync(transport: transport, tokens: tokens, settings: settings, context: context, counters: counters)
    }

    /// Every mailbox of the tenant shares the app's limits.
    public func serverKey(for mailbox: CalendarMailbox) -> String {
        "graph:\(settings.tenantID.lowercased())"
    }

    /// A full delta round (no token) or the changes since `request.syncToken` (a delta link).
    public func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
        try await delta.fetch(request)
    }

    /// Token requests sent so far.
    public var tokenRequests: Int {
        get async { await tokens.requests }
    }

    /// Counters since the source was created.
    public var statistics: GraphStatistics { counters.snapshot }
}
