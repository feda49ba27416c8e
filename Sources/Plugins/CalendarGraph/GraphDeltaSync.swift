import Foundation
import HubCore
import HubPluginSupport
import Logging

/// Reads one mailbox's calendar window through `calendarView/delta`.
///
/// A round follows `@odata.nextLink` pages to the `@odata.deltaLink`, which becomes the sync token; a
/// round started from a token returns only changes (`@removed` entries are removals). An expired token
/// (410 Gone, `SyncStateNotFound`) is ``CalendarSourceError/syncTokenExpired`` so the engine reads in
/// full; 429/503 are ``CalendarSourceError/throttled(retryAfter:_:)`` with `Retry-After`. A 401 renews
/// the token once.
struct GraphDeltaSync: Sendable {
    let transport: any HTTPTransport
    let tokens: BearerTokenCache
    let settings: CalendarGraphPlugin.Settings
    let context: PluginContext
    let counters: GraphCounters

    /// One delta round for `request`.
    func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
        let mailbox = request.mailbox.address
        var url = request.syncToken ?? initialURL(mailbox: mailbox, window: request.window)
        var upserted: [String: CalendarBlock] = [:]
        var removed: [String] = []
        for _ in 0..<settings.maxPages {
            let page = try await fetchPage(url, mailbox: mailbox, incremental: request.syncToken != nil)
            for event in page.value {
                if event.removed != nil {
                    upserted[event.id] = nil
                    removed.append(event.id)
                    continue
                }
                do {
                    let block = try event.block()
                    // Delta also reports changes outside the window; an entry moved out of it is a removal.
                    if block.end > request.window.start && block.start < request.window.end {
                        upserted[event.id] = block
                    } else {
                        upserted[event.id] = nil
                        removed.append(event.id)
                    }
                } catch {
                    counters.update { $0.badEvents += 1 }
                    if let suppressed = counters.logBadInput(at: context.clock.now()) {
                        context.logger.warning(
                            "skipped event: \(error)", metadata: ["mailbox": "\(mailbox)", "event": "\(event.id)", "suppressed": "\(suppressed)"])
                    }
                }
            }
            if let next = page.nextLink {
                url = next
                continue
            }
            guard let delta = page.deltaLink else {
                throw .invalidResponse("delta page has neither @odata.nextLink nor @odata.deltaLink")
            }
            let blocks = upserted.values.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            if request.syncToken == nil { return .full(blocks, syncToken: delta) }
            let kept = Set(upserted.keys)
            return .changes(upserted: blocks, removed: removed.filter { !kept.contains($0) }, syncToken: delta)
        }
        throw .invalidResponse("more than \(settings.maxPages) pages in one delta round")
    }

    /// `{graph}/users/{id}/calendarView/delta?startDateTime=…&endDateTime=…`.
    func initialURL(mailbox: String, window: DateInterval) -> String {
        let base = settings.graphURL.hasSuffix("/") ? String(settings.graphURL.dropLast()) : settings.graphURL
        return "\(base)/users/\(GraphTokenRequest.formEncode(mailbox))/calendarView/delta?startDateTime="
            + "\(GraphDateTime.query(window.start))&endDateTime=\(GraphDateTime.query(window.end))"
    }

    private func fetchPage(_ url: String, mailbox: String, incremental: Bool) async throws(CalendarSourceError) -> GraphDeltaPage {
        var renewedToken = false
        while true {
            let token = try await tokens.token()
            let request = HTTPRequest(
                method: "GET", url: url,
                headers: [HTTPField("Prefer", "outlook.timezone=\"UTC\""), HTTPField("Accept", "application/json")],
                auth: .bearer(token), timeout: settings.requestTimeout.duration)
            let response: HTTPResponse
            do { response = try await transport.send(request) } catch { throw .unavailable("\(error)") }
            counters.update { $0.requests += 1 }
            switch response.status {
            case 200:
                do { return try JSONDecoder().decode(GraphDeltaPage.self, from: response.body) } catch {
                    throw .invalidResponse("delta page is not a Graph collection: \(error)")
                }
            case 401 where !renewedToken:
                renewedToken = true
                await tokens.invalidate()
            case 401:
                throw .accessDenied("Graph refused a fresh token: \(Self.reason(response))")
            case 410 where incremental:
                counters.update { $0.expiredTokens += 1 }
                throw .syncTokenExpired
            case 400..<500 where incremental && Self.isSyncStateError(response):
                counters.update { $0.expiredTokens += 1 }
                throw .syncTokenExpired
            case 429, 503:
                counters.update { $0.throttled += 1 }
                throw .throttled(retryAfter: RetryHint.delay(for: response, now: context.clock.now()), Self.reason(response))
            case 404:
                throw .mailboxNotFound(Self.reason(response))
            case 403:
                throw .accessDenied(Self.reason(response))
            case 400..<500:
                throw .invalidResponse(Self.reason(response))
            default:
                throw .unavailable(Self.reason(response))
            }
        }
    }

    /// Whether a 4xx body says the delta token is unknown (`SyncStateNotFound`, `syncStateInvalid`, `resyncRequired`).
    static func isSyncStateError(_ response: HTTPResponse) -> Bool {
        guard let code = (try? JSONDecoder().decode(GraphErrorBody.self, from: response.body))?.error.code?.lowercased() else { return false }
        return ["syncstatenotfound", "syncstateinvalid", "resyncrequired"].contains(code)
    }

    /// `HTTP <status>: code: message` of a Graph error body (never the request, so no token).
    static func reason(_ response: HTTPResponse) -> String {
        guard let error = (try? JSONDecoder().decode(GraphErrorBody.self, from: response.body))?.error else {
            return "HTTP \(response.status)"
        }
        return "HTTP \(response.status): " + [error.code, error.message].compactMap { $0 }.joined(separator: ": ")
    }
}
