import HubCore
import HubPluginSupport
import Logging

/// Kind `calendar_domino`: reads users' HCL Domino (Notes) calendars through Domino Access Services or
/// the Domino REST API and sets presence from them.
///
/// One service account with Reader access to every user's mail file reads, for the mailbox named in
/// each user's `calendar` field, either `/{mailfile}/api/calendar/events?since&before` (DAS: JSON, Basic
/// auth, paged) or `/api/pim-v1/calendar/default?startdate&enddate&mailboxid` (DRAPI: JSCalendar, JWT
/// from `/api/v1/auth`). Mailboxes are polled every `poll_interval`; one that fails (404, no ACL access)
/// marks only that user's sync as failed.
public struct CalendarDominoPlugin: HubPlugin {
    /// Kind `calendar_domino`: a presence source.
    public static let descriptor = PluginDescriptor(
        kind: "calendar_domino",
        summary: "Sets presence from HCL Domino (Notes) calendars read through Domino Access Services or the Domino REST API",
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
            settings.source(transport: transport, context: context)
        }
    }
}

extension CalendarDominoPlugin.Settings {
    /// The adapter for `api`: ``DRAPICalendarSource`` or ``DominoCalendarSource``.
    public func source(transport: any HTTPTransport, context: PluginContext) -> any CalendarSource {
        usesDRAPI
            ? DRAPICalendarSource(settings: self, transport: transport, context: context)
            : DominoCalendarSource(settings: self, transport: transport, context: context)
    }
}
