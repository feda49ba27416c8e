import Foundation
import HubCore
import HubPluginSupport
import Logging

/// The CalDAV adapter behind ``CalendarSyncEngine``: reads one user's collection per fetch.
///
/// Full read (no token): `sync-collection` with an empty token for a fresh token, then `calendar-query`
/// over the window. Incremental read: `sync-collection` from the token, `calendar-multiget` of the members
/// whose ETag changed; deleted members and occurrences that disappeared from a rewritten series become
/// removed ids. Recurrences are expanded here (Radicale 3.1.8 has no server-side expand).
public struct CalDAVSource: CalendarSource {
    let client: CalDAVClient
    let template: String
    let zone: TimeZone
    let directory: any DirectoryLookup
    let logger: Logger
    let counters: CalDAVCounters
    let index = CalDAVCollectionIndex()
    private let clock: HubClock

    /// Creates the source of an instance with `settings`, authenticating as `settings.username` with `password`.
    public init(settings: CalendarCalDAVPlugin.Settings, password: String, transport: any HTTPTransport, context: PluginContext) {
        let clock = context.clock
        let client = CalDAVClient(
            transport: transport, auth: .basic(user: settings.username, password: password),
            timeout: settings.requestTimeout.duration, now: { clock.now() })
        self.init(
            client: client, template: settings.calendarURL, zone: TimeZone(identifier: settings.timeZone) ?? ICalZones.utc,
            context: context, counters: CalDAVCounters())
    }

    init(client: CalDAVClient, template: String, zone: TimeZone, context: PluginContext, counters: CalDAVCounters) {
        self.client = client
        self.template = template
        self.zone = zone
        self.directory = context.directory
        self.logger = context.logger
        self.counters = counters
        self.clock = context.clock
    }

    /// Counters of this source.
    public var statistics: CalDAVStatistics { counters.snapshot }

    /// One server for all users: the template's host.
    public func serverKey(for mailbox: CalendarMailbox) -> String {
        "caldav:" + (URL(string: CalendarURLTemplate.expand(template, address: "x"))?.host ?? template)
    }

    /// Reads one user's collection: in full without a token, else the changes since it.
    public func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
        let collection = CalendarURLTemplate.expand(template, address: request.mailbox.address)
        var owner = [request.mailbox.address]
        if let email = await directory.user(request.mailbox.user)?.email { owner.append(email) }
        let mapper = CalendarBlockMapper(ownerAddresses: owner)
        do throws(CalDAVError) {
            let result: CalendarFetchResult
            if let token = request.syncToken {
                // Without the href → ids map of this token we cannot name removed blocks: read in full.
                guard let entry = index.entry(collection, token: token) else { throw CalDAVError.invalidSyncToken }
                result = try await incremental(collection, entry: entry, window: request.window, mapper: mapper)
            } else {
                result = try await full(collection, window: request.window, mapper: mapper)
            }
            counters.update { $0.usersSynced += 1 }
            return result
        } catch {
            counters.update {
                $0.usersFailed += 1
                if error == .invalidSyncToken { $0.tokenResyncs += 1 }
            }
            throw error.sourceError
        }
    }

    private func full(_ collection: String, window: DateInterval, mapper: CalendarBlockMapper) async throws(CalDAVError) -> CalendarFetchResult {
        let changes = try await client.syncCollection(collection, token: nil)
        let resources = try await client.calendarQuery(collection, from: window.start, to: window.end)
        counters.update { $0.requests += 2 }
        var entry = CalDAVCollectionIndex.Entry(token: changes.token, objects: [:])
        var blocks: [CalendarBlock] = []
        for resource in resources {
            let expanded = expand(resource, window: window, mapper: mapper)
            entry.objects[resource.href] = (resource.etag, expanded.map(\.id))
            blocks += expanded
        }
        index.store(entry, for: collection)
        return .full(blocks, syncToken: changes.token)
    }

    private func incremental(
        _ collection: String, entry old: CalDAVCollectionIndex.Entry, window: DateInterval, mapper: CalendarBlockMapper
    ) async throws(CalDAVError) -> CalendarFetchResult {
        let changes = try await client.syncCollection(collection, token: old.token)
        counters.update { $0.requests += 1 }
        var entry = CalDAVCollectionIndex.Entry(token: changes.token, objects: old.objects)
        var removed: [String] = []
        for href in changes.removed {
            removed += entry.objects.removeValue(forKey: href)?.ids ?? []
        }
        // A member whose ETag matches what we hold changed nothing we need.
        let wanted = changes.changed.filter { changes.etags[$0] == nil || entry.objects[$0]?.etag != changes.etags[$0] }
        var upserted: [CalendarBlock] = []
        if !wanted.isEmpty {
            let resources = try await client.multiget(collection, hrefs: wanted)
            counters.update { $0.requests += 1 }
            let fetched = Set(resources.map(\.href))
            for href in wanted where !fetched.contains(href) {
                removed += entry.objects.removeValue(forKey: href)?.ids ?? []  // deleted since the sync answer
            }
            for resource in resources {
                let expanded = expand(resource, window: window, mapper: mapper)
                let ids = expanded.map(\.id)
                removed += (entry.objects[resource.href]?.ids ?? []).filter { !ids.contains($0) }
                entry.objects[resource.href] = (resource.etag, ids)
                upserted += expanded
            }
        }
        index.store(entry, for: collection)
        return .changes(upserted: upserted, removed: removed, syncToken: changes.token)
    }

    /// Blocks of one calendar object; problems are counted and logged at most every 5 minutes.
    private func expand(_ resource: CalDAVResource, window: DateInterval, mapper: CalendarBlockMapper) -> [CalendarBlock] {
        var problems: [String] = []
        var blocks: [CalendarBlock] = []
        do {
            let expansion = try ICalExpansion(text: resource.calendarData, from: window.start, to: window.end, floatingZone: zone)
            problems = expansion.problems
            blocks = expansion.occurrences.map(mapper.block)
        } catch {
            problems = ["\(error)"]
        }
        if !problems.isEmpty {
            counters.update { $0.entryProblems += problems.count }
            let now = clock.now()
            if let suppressed = counters.recordProblemLog(at: now) {
                logger.warning("calendar object read with problems: \(problems.joined(separator: "; "))",
                    metadata: ["href": "\(resource.href)", "suppressed": "\(suppressed)"])
            }
        }
        return blocks
    }
}
