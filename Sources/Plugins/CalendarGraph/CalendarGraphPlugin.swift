import HubCore
import HubPluginSupport
import Logging

/// Kind `calendar_graph`: reads users' Microsoft 365 calendars through Microsoft Graph and sets presence from them.
///
/// An app registration with the `Calendars.Read` application permission gets tokens by client
/// credentials; each mailbox named in a user's `calendar` field is read with `calendarView/delta`, whose
/// delta link is kept in the instance state so later reads fetch only changes. An expired delta token
/// (410, SyncStateNotFound) starts a full read; 429 waits `Retry-After`. A mailbox that fails (404, 403)
/// marks only that user's sync as failed.
public struct CalendarGraphPlugin: HubPlugin {
    /// Kind `calendar_graph`: a presence source.
    public static let descriptor = PluginDescriptor(
        kind: "calendar_graph",
        summary: "Sets presence from Microsoft 365 calendars read through Microsoft Graph (calendarView delta, app-only token)",
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
        let http = CurlHTTPClient.Configuration.calendar(maxConcurrent: settings.maxConcurrent)
        try await CalendarSyncEngine.run(context: context, options: try settings.syncOptions(), http: http) { transport in
            GraphCalendarSource(settings: settings, transport: transport, context: context)
        }
    }
}
