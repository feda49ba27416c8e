import HubCore
import HubPluginSupport
import Logging

/// Kind `calendar_ews`: reads users' Exchange (on-premises) calendars through EWS and sets presence from them.
///
/// One service account with the ApplicationImpersonation role reads every mailbox named in a user's
/// `calendar` field: FindItem with a CalendarView per mailbox under an ExchangeImpersonation header
/// (plus `X-AnchorMailbox`), GetItem for fields FindItem left out. Mailboxes are polled every
/// `poll_interval`; ErrorServerBusy makes every read wait BackOffMilliseconds. A mailbox that fails
/// (unknown, impersonation denied) marks only that user's sync as failed.
public struct CalendarEWSPlugin: HubPlugin {
    /// Kind `calendar_ews`: a presence source.
    public static let descriptor = PluginDescriptor(
        kind: "calendar_ews",
        summary: "Sets presence from Exchange Server calendars read through EWS with an impersonating service account",
        roles: [.presenceSource],
        sampleConfig: sampleConfig
    )

    /// The validated settings.
    public let settings: Settings

    /// Validates `settings`; no I/O.
    public init(settings: Settings, context: PluginContext) throws {
        try settings.validate()
        _ = try settings.syncOptions()
        self.settings = settings
    }

    /// Reads every user's mailbox on the calendar sync engine's schedule until cancelled.
    public func run(context: PluginContext) async throws {
        let http = CurlHTTPClient.Configuration.calendar(maxConcurrent: settings.maxConcurrent, caFile: settings.caFile)
        try await CalendarSyncEngine.run(context: context, options: try settings.syncOptions(), http: http) { transport in
            EWSCalendarSource(settings: settings, transport: transport, context: context)
        }
    }
}
