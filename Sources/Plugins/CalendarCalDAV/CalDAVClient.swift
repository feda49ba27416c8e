import Foundation
import HubPluginSupport

/// A calendar object resource as a REPORT returns it.
public struct CalDAVResource: Sendable, Equatable {
    /// Its href (path as the server wrote it).
    public var href: String
    /// Its ETag, if sent.
    public var etag: String?
    /// The iCalendar text.
    public var calendarData: String

    /// Creates a resource.
    public init(href: String, etag: String?, calendarData: String) {
        self.href = href
        self.etag = etag
        self.calendarData = calendarData
    }
}

/// What changed in a collection since a sync token (RFC 6578).
public struct CalDAVChanges: Sendable, Equatable {
    /// Members created or modified.
    public var changed: [String]
    /// ETags the server sent for changed members, by href.
    public var etags: [String: String]
    /// Members deleted (reported with status 404).
    public var removed: [String]
    /// The token to send next time.
    public var token: String

    /// Creates a change set.
    public init(changed: [String], etags: [String: String], removed: [String], token: String) {
        self.changed = changed
        self.etags = etags
        self.removed = removed
        self.token = token
    }
}

/// The three CalDAV REPORTs the adapter needs, over any ``HTTPTransport``.
public struct CalDAVClient: Sendable {
    /// Sends the requests.
    public var transport: any HTTPTransport
    /// Credentials for every request.
    public var auth: HTTPAuth?
    /// Per-request timeout.
    public var timeout: Duration
    /// Wall time, for `Retry-After` dates.
    public var now: @Sendable () -> Date

    /// Creates a client.
    public init(transport: any HTTPTransport, auth: HTTPAuth?, timeout: Duration = .seconds(30), now: @escaping @Sendable () -> Date) {
        self.transport = transport
        self.auth = auth
        self.timeout = timeout
        self.now = now
    }

    /// Calendar objects of `collection` with VEVENTs overlapping `[from, to)` (master and overrides whole).
    public func calendarQuery(_ collection: String, from: Date, to: Date) async throws(CalDAVError) -> [CalDAVResource] {
        let status = try await report(collection, depth: "1", body: CalDAVRequestBody.calendarQuery(from: from, to: to))
        return try resources(status)
    }

    /// Changes since `token` (nil for the initial sync); throws ``CalDAVError/invalidSyncToken`` when the
    /// server no longer knows the token.
    public func syncCollection(_ collection: String, token: String?) async throws(CalDAVError) -> CalDAVChanges {
        let status = try await report(collection, depth: "0", body: CalDAVRequestBody.syncCollection(token: token))
        guard let newToken = status.syncToken, !newToken.isEmpty else { throw .badResponse("sync-collection answer has no DAV:sync-token") }
        var changes = CalDAVChanges(changed: [], etags: [:], removed: [], token: newToken)
        for response in status.responses where !response.href.isEmpty {
            if response.status == 404 { changes.removed.append(response.href) } else {
                changes.changed.append(response.href)
                if let etag = response.etag { changes.etags[response.href] = etag }
            }
        }
        return changes
    }

    /// The calendar objects `hrefs` of `collection`; missing ones are left out.
    public func multiget(_ collection: String, hrefs: [String]) async throws(CalDAVError) -> [CalDAVResource] {
        guard !hrefs.isEmpty else { return [] }
        let status = try await report(collection, depth: "1", body: CalDAVRequestBody.multiget(hrefs: hrefs))
        return try resources(status)
    }

    private func resources(_ status: Multistatus) throws(CalDAVError) -> [CalDAVResource] {
        status.responses.compactMap { response in
            guard let data = response.calendarData, response.status.map({ (200..<300).contains($0) }) ?? true else { return nil }
            return CalDAVResource(href: response.href, etag: response.etag, calendarData: data)
        }
    }

    private func report(_ url: String, depth: String, body: String) async throws(CalDAVError) -> Multistatus {
        let request = HTTPRequest(
            method: "REPORT", url: url,
            headers: [HTTPField("Depth", depth), HTTPField("Content-Type", "application/xml; charset=utf-8")],
            body: Data(body.utf8), auth: auth, timeout: timeout)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch { throw .transport(error) }
        switch response.status {
        case 207: return try Multistatus.parse(response.body)
        case 401: throw .unauthorized(url: url)
        case 403, 409:
            if davErrorConditions(response.body).contains("valid-sync-token") { throw .invalidSyncToken }
            throw response.status == 403 ? .forbidden(url: url) : .status(409, url: url)
        case 404, 410: throw .notFound(url: url)
        case 429, 503: throw .throttled(retryAfter: RetryHint.delay(for: response, now: now()), url: url)
        default: throw .status(response.status, url: url)
        }
    }
}
