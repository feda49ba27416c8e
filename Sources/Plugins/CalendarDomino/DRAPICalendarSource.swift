import Foundation
import HubCore
import HubPluginSupport
import Logging

/// The Domino REST API (DRAPI) adapter of the calendar sync engine: the PIM calendar of one mailbox per
/// fetch, `GET /api/pim-v1/calendar/default?startdate&enddate&mailboxid`, with a JWT from
/// `POST /api/v1/auth` (``DRAPITokenSource``) as bearer.
///
/// `mailboxid` is the user's calendar field: an e-mail address, a mail file path, a short name or a
/// replica id. The PIM API has no paging and no change token, so every fetch is full.
public struct DRAPICalendarSource: CalendarSource {
    private let transport: any HTTPTransport
    private let settings: CalendarDominoPlugin.Settings
    private let context: PluginContext
    private let counters: DominoCounters
    private let tokens: BearerTokenCache
    private let zone: TimeZone

    /// Creates a source sending through `transport`.
    public init(settings: CalendarDominoPlugin.Settings, transport: any HTTPTransport, context: PluginContext) {
        self.transport = transport
        self.settings = settings
        self.context = context
        self.counters = DominoCounters()
        self.tokens = DRAPITokenSource.cache(transport: transport, clock: context.clock, settings: settings)
        self.zone = TimeZone(identifier: settings.timeZone) ?? .gmt
    }

    /// Every mailbox of the server shares one concurrency limit.
    public func serverKey(for mailbox: CalendarMailbox) -> String {
        "drapi:\(settings.url.lowercased())"
    }

    /// Every entry of `request.mailbox`'s default calendar in the days `request.window` touches.
    public func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
        let mailbox = try Self.mailboxID(request.mailbox.address)
        let url = url(mailbox: mailbox, window: request.window)
        var response = try await send(url, token: try await tokens.token())
        if response.status == 401 {
            // The JWT expired early or the server restarted with new keys: log in again, once.
            response = try await send(url, token: try await tokens.token())
        }
        let events = try decode(response, mailbox: mailbox)
        var blocks: [CalendarBlock] = []
        for event in events where event.isEvent {
            if event.hasRecurrenceRules, event.recurrenceId == nil { counters.update { $0.unexpandedSeries += 1 } }
            do { blocks.append(try event.block(mailbox: mailbox, zone: zone)) } catch {
                counters.update { $0.badEvents += 1 }
                if let suppressed = counters.logBadInput(at: context.clock.now()) {
                    context.logger.warning(
                        "skipped calendar entry: \(error)",
                        metadata: ["mailbox": "\(mailbox)", "entry": "\(event.uid ?? "?")", "suppressed": "\(suppressed)"])
                }
            }
        }
        return .full(blocks, syncToken: nil)
    }

    /// The `mailboxid` from a user's calendar field; a mail file path is normalised like for DAS.
    static func mailboxID(_ address: String) throws(CalendarSourceError) -> String {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasSuffix(".nsf") { return try DominoCalendarSource.mailFilePath(trimmed) }
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isNewline || $0 == "?" || $0 == "#" || $0 == "&" }) else {
            throw .mailboxNotFound("calendar '\(address)' is not a DRAPI mailbox id (e-mail, mail file path or replica id)")
        }
        return trimmed
    }

    /// `{url}/api/pim-v1/calendar/default?startdate=…&enddate=…&mailboxid=…` (dates inclusive, UTC).
    func url(mailbox: String, window: DateInterval) -> String {
        let last = window.end.addingTimeInterval(-1)
        return settings.baseURL + "/api/pim-v1/calendar/default?startdate=\(Self.day(window.start))&enddate=\(Self.day(last))"
            + "&mailboxid=\(Self.queryEncode(mailbox))"
    }

    private func send(_ url: String, token: String) async throws(CalendarSourceError) -> HTTPResponse {
        let request = HTTPRequest(
            method: "GET", url: url, headers: [HTTPField("Accept", "application/json")], auth: .bearer(token),
            timeout: settings.requestTimeout.duration)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch { throw .unavailable("\(error)") }
        counters.update { $0.requests += 1 }
        if response.status == 401 { await tokens.invalidate(token) }
        return response
    }

    private func decode(_ response: HTTPResponse, mailbox: String) throws(CalendarSourceError) -> [DRAPIEvent] {
        switch response.status {
        case 200:
            do { return try JSONDecoder().decode([DRAPIEvent].self, from: response.body) } catch {
                throw .invalidResponse("calendar list is not a JSON array of JSCalendar events: \(error)")
            }
        case 301, 302, 303, 307, 308:
            throw .mailboxNotFound(
                "HTTP \(response.status): mailbox \(mailbox) is on another Domino server (\(response.header("Location") ?? "no Location")); "
                    + "read it with an instance for that server")
        case 401:
            throw .accessDenied("HTTP 401: the Domino REST API refused a fresh JWT for \(mailbox)")
        case 403:
            throw .accessDenied("HTTP 403: \(Self.reason(response)): the service account may not read \(mailbox) (mail file ACL, scope MAIL)")
        case 404:
            throw .mailboxNotFound("HTTP 404: \(Self.reason(response)) for \(mailbox)")
        default:
            throw .httpFailure(response, reason: Self.reason(response), now: context.clock.now())
        }
    }

    /// The DRAPI error message of `response`, if its body is one.
    static func reason(_ response: HTTPResponse) -> String {
        let summary = (try? JSONDecoder().decode(DRAPIErrorBody.self, from: response.body))?.summary ?? ""
        return summary.isEmpty ? "no DRAPI error body" : summary
    }

    /// `yyyy-MM-dd` of `date` in UTC.
    static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// Percent-encoding for one query value (`/`, `@`, `&`, `=`, `+` and spaces encoded).
    static func queryEncode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Counters since the source was created.
    public var statistics: DominoStatistics { counters.snapshot }
}
