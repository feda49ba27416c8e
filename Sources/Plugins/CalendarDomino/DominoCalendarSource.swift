import Foundation
import HubCore
import HubPluginSupport
import Logging

/// The Domino adapter of the calendar sync engine: Domino Access Services calendar events of one mail
/// file per fetch (`/{mailfile}/api/calendar/events?since&before`, paged with `count`/`start`), Basic auth.
///
/// DAS has no change token, so every fetch is full.
public struct DominoCalendarSource: CalendarSource {
    private let transport: any HTTPTransport
    private let settings: CalendarDominoPlugin.Settings
    private let context: PluginContext
    private let counters: DominoCounters
    private let zone: TimeZone

    /// Creates a source sending through `transport`.
    public init(settings: CalendarDominoPlugin.Settings, transport: any HTTPTransport, context: PluginContext) {
        self.transport = transport
        self.settings = settings
        self.context = context
        self.counters = DominoCounters()
        self.zone = TimeZone(identifier: settings.timeZone) ?? .gmt
    }

    /// Every mail file of the server shares one concurrency limit.
    public func serverKey(for mailbox: CalendarMailbox) -> String {
        "domino:\(settings.url.lowercased())"
    }

    /// Every entry of the mail file `request.mailbox.address` (`mail/alice.nsf`) in `request.window`.
    public func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
        let path = try Self.mailFilePath(request.mailbox.address)
        var blocks: [CalendarBlock] = []
        var start = 0
        for _ in 0..<settings.maxPages {
            let page = try await fetchPage(path: path, window: request.window, start: start)
            for event in page.events {
                do { blocks.append(try event.block(zone: zone)) } catch {
                    counters.update { $0.badEvents += 1 }
                    if let suppressed = counters.logBadInput(at: context.clock.now()) {
                        context.logger.warning(
                            "skipped event: \(error)", metadata: ["mailbox": "\(path)", "event": "\(event.id)", "suppressed": "\(suppressed)"])
                    }
                }
            }
            guard page.events.count >= settings.pageSize else { return .full(blocks, syncToken: nil) }
            start += page.events.count
        }
        throw .invalidResponse("more than \(settings.maxPages) pages of \(settings.pageSize) events")
    }

    /// The mail file path from a user's calendar field: `mail/alice.nsf`, `mail\alice.nsf` or `/mail/alice.nsf`.
    static func mailFilePath(_ address: String) throws(CalendarSourceError) -> String {
        let path = address.replacingOccurrences(of: "\\", with: "/").trimmingCharacters(in: CharacterSet(charactersIn: "/ "))
        guard path.lowercased().hasSuffix(".nsf"), !path.contains(".."), !path.contains("?"), !path.contains("#") else {
            throw .mailboxNotFound("calendar '\(address)' is not a mail file path like mail/alice.nsf")
        }
        return path
    }

    /// `{url}/{path}/api/calendar/events?since=…&before=…&count=…&start=…`.
    func url(path: String, window: DateInterval, start: Int) -> String {
        let encoded = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
        return "\(settings.baseURL)/\(encoded.joined(separator: "/"))/api/calendar/events?since=\(window.start.formatted(.iso8601))"
            + "&before=\(window.end.formatted(.iso8601))&count=\(settings.pageSize)&start=\(start)"
    }

    private func fetchPage(path: String, window: DateInterval, start: Int) async throws(CalendarSourceError) -> DominoEventList {
        let request = HTTPRequest(
            method: "GET", url: url(path: path, window: window, start: start), headers: [HTTPField("Accept", "application/json")],
            auth: .basic(user: settings.username, password: settings.password), timeout: settings.requestTimeout.duration)
        let response: HTTPResponse
        do { response = try await transport.send(request) } catch { throw .unavailable("\(error)") }
        counters.update { $0.requests += 1 }
        switch response.status {
        case 200:
            do { return try JSONDecoder().decode(DominoEventList.self, from: response.body) } catch {
                throw .invalidResponse("events list is not DAS JSON (is Domino Access Services enabled for calendars?): \(error)")
            }
        case 401, 403:
            throw .accessDenied("HTTP \(response.status): the service account may not read \(path) (mail file ACL)")
        case 404:
            throw .mailboxNotFound("HTTP 404: \(Self.reason(response)) for \(path)")
        default:
            throw .httpFailure(response, reason: Self.reason(response), now: context.clock.now())
        }
    }

    /// The DAS error message of `response`, if its body is one.
    static func reason(_ response: HTTPResponse) -> String {
        (try? JSONDecoder().decode(DominoErrorBody.self, from: response.body))?.summary ?? "no DAS error body"
    }

    /// Counters since the source was created.
    public var statistics: DominoStatistics { counters.snapshot }
}
