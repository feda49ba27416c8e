import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Kind `calendar_caldav`: sets presence from users' calendars on a CalDAV server (RFC 4791).
///
/// A service account reads the collection `calendar_url` names for every user whose record names a
/// calendar. The shared ``CalendarSyncEngine`` schedules the reads, applies the tenant's presence rules
/// and persists each user's sync token and status in the plugin state; this kind supplies the reads
/// (``CalDAVSource``): `sync-collection` (RFC 6578) for changes, `calendar-multiget` for changed entries,
/// `calendar-query` over the window for a full read, and client-side expansion of recurring entries
/// (RRULE, EXDATE, RDATE, RECURRENCE-ID, time zones). A user whose calendar fails (404, 403) is marked
/// failed without stopping the others.
public struct CalendarCalDAVPlugin: HubPlugin {
    /// Kind `calendar_caldav`: a presence source.
    public static let descriptor = PluginDescriptor(
        kind: "calendar_caldav",
        summary: "Sets presence from CalDAV calendars (Radicale, Nextcloud, SOGo, Baikal …) read by a service account",
        roles: [.presenceSource],
        sampleConfig: sampleConfig
    )

    /// The validated settings.
    public let settings: Settings
    private let counters = CalDAVCounters()

    /// Validates `settings`; no I/O (a `password_file` is read when `run` starts).
    public init(settings: Settings, context: PluginContext) throws {
        try settings.validate()
        self.settings = settings
    }

    /// Counters since the instance was created.
    public var statistics: CalDAVStatistics { counters.snapshot }

    /// Reads the password, starts the HTTP client and runs the sync engine until cancelled.
    public func run(context: PluginContext) async throws {
        let password = try settings.resolvedPassword()
        let http = CurlHTTPClient.Configuration.calendar(maxConcurrent: settings.maxConcurrent, caFile: settings.caFile, proxy: settings.proxy)
        try await CalendarSyncEngine.run(context: context, options: try settings.options(), http: http) { transport in
            source(transport: transport, password: password, context: context)
        }
    }

    /// The engine over any transport and options (tests pass their own, e.g. without jitter).
    public func run(context: PluginContext, transport: any HTTPTransport, password: String, options: CalendarSyncOptions) async throws {
        let source = source(transport: transport, password: password, context: context)
        try await CalendarSyncEngine(source: source, options: options).run(context: context)
    }

    /// The adapter reading through `transport` with the service account's `password`.
    private func source(transport: any HTTPTransport, password: String, context: PluginContext) -> CalDAVSource {
        let clock = context.clock
        let client = CalDAVClient(
            transport: transport, auth: .basic(user: settings.username, password: password),
            timeout: settings.requestTimeout.duration, now: { clock.now() })
        let zone = TimeZone(identifier: settings.timeZone) ?? ICalZones.utc
        return CalDAVSource(client: client, template: settings.calendarURL, zone: zone, context: context, counters: counters)
    }
}
