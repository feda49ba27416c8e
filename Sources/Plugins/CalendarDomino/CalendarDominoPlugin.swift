import HubCore
import HubPluginSupport
import Logging

/// Kind `calendar_domino`: reads users' HCL Domino (Notes) calendars through Domino Access Services and
/// sets presence from them.
///
/// One service account with Reader access to every user's mail file reads
/// `/{mailfile}/api/calendar/events?since&before` (JSON, Basic auth) for the mail file named in each user's
/// `calendar` field. Mail files are polled every `poll_interval`; one that fails (404, no ACL access)
/// marks only that user's sync as failed.
public struct CalendarDominoPlugin: HubPlugin {
    /// Kind `calendar_domino`: a presence source.
    public static let descriptor = PluginDescriptor(
        kind: "calendar_domino",
        summary: "Sets presence from HCL Domino (Notes) calendars read through Domino Access Services",
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

    /// Reads every user's mail file on the calendar sync engine's schedule until cancelled.
    public func run(context: PluginContext) async throws {
        let options = try settings.syncOptions()
        let http: CurlHTTPClient
        do { http = try CurlHTTPClient(configuration: settings.httpConfiguration) } catch {
            throw PluginError.unavailable("cannot start the HTTP client: \(error)")
        }
        defer { http.shutdown() }
        let engine = CalendarSyncEngine(source: DominoCalendarSource(settings: settings, transport: http, context: context), options: options)
        try await engine.run(context: context)
    }
}
