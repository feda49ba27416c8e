import Foundation
import HubCore
import HubPluginSupport

/// The EWS adapter of the calendar sync engine: a full CalendarView read of one mailbox per fetch
/// (EWS has no cheap change token for expanded occurrences, so every fetch is full).
public struct EWSCalendarSource: CalendarSource {
    private let reader: EWSMailboxReader
    private let settings: CalendarEWSPlugin.Settings
    private let counters: EWSCounters

    /// Creates a source sending through `transport`.
    public init(settings: CalendarEWSPlugin.Settings, transport: any HTTPTransport, context: PluginContext) {
        let counters = EWSCounters()
        let exchange = EWSExchange(transport: transport, settings: settings, counters: counters)
        self.reader = EWSMailboxReader(exchange: exchange, settings: settings, context: context, counters: counters)
        self.settings = settings
        self.counters = counters
    }

    /// Every mailbox shares the service account's budget on one endpoint.
    public func serverKey(for mailbox: CalendarMailbox) -> String {
        "ews:\(settings.url.lowercased())"
    }

    /// Every entry of `request.mailbox` in `request.window` (the token is ignored: reads are always full).
    public func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
        .full(try await reader.read(mailbox: request.mailbox.address, window: request.window), syncToken: nil)
    }

    /// Counters since the source was created.
    public var statistics: EWSStatistics { counters.snapshot }
}
