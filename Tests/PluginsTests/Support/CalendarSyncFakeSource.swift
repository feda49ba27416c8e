import Foundation
import HubCore
import HubPluginSupport
import Synchronization

/// A scripted ``CalendarSource``: calendars by address, versioned so incremental reads return real
/// differences, scripted errors, and a record of every request and of concurrency per server.
final class CalendarSyncFakeSource: CalendarSource {
    private struct State {
        var history: [String: [[CalendarBlock]]] = [:]
        var errors: [String: [CalendarSourceError]] = [:]
        var stickyErrors: [String: CalendarSourceError] = [:]
        var requests: [CalendarFetchRequest] = []
        var inFlight: [String: Int] = [:]
        var maxInFlight: [String: Int] = [:]
    }

    private let state = Mutex(State())
    /// Real time each fetch takes (lets reads overlap so concurrency limits show).
    let latency: Duration

    init(latency: Duration = .zero) {
        self.latency = latency
    }

    func serverKey(for mailbox: CalendarMailbox) -> String {
        mailbox.address.split(separator: "@").last.map(String.init) ?? "default"
    }

    /// Replaces the calendar of `address` (a new version).
    func setCalendar(_ address: String, _ blocks: [CalendarBlock]) {
        state.withLock { $0.history[address, default: []].append(blocks) }
    }

    /// The next fetches of `address` fail with these errors, one each.
    func failNext(_ address: String, _ errors: CalendarSourceError...) {
        state.withLock { $0.errors[address, default: []] += errors }
    }

    /// Every fetch of `address` fails with `error` until cleared with nil.
    func failAlways(_ address: String, _ error: CalendarSourceError?) {
        state.withLock { $0.stickyErrors[address] = error }
    }

    var requests: [CalendarFetchRequest] { state.withLock { $0.requests } }
    /// Most fetches that overlapped, per server key.
    var maxInFlight: [String: Int] { state.withLock { $0.maxInFlight } }

    func requests(for address: String) -> [CalendarFetchRequest] {
        requests.filter { $0.mailbox.address == address }
    }

    func fetch(_ request: CalendarFetchRequest) async throws(CalendarSourceError) -> CalendarFetchResult {
        let address = request.mailbox.address
        let server = serverKey(for: request.mailbox)
        let scripted = state.withLock { state -> CalendarSourceError? in
            state.requests.append(request)
            state.inFlight[server, default: 0] += 1
            state.maxInFlight[server] = max(state.maxInFlight[server] ?? 0, state.inFlight[server] ?? 0)
            if var queue = state.errors[address], !queue.isEmpty {
                let error = queue.removeFirst()
                state.errors[address] = queue
                return error
            }
            return state.stickyErrors[address]
        }
        if latency > .zero { try? await Task.sleep(for: latency) }
        defer { state.withLock { $0.inFlight[server, default: 1] -= 1 } }
        if let scripted { throw scripted }
        return state.withLock { state in
            let versions = state.history[address] ?? [[]]
            let current = versions.last ?? []
            let token = "v\(versions.count - 1)"
            guard let old = request.syncToken, old.hasPrefix("v"), let index = Int(old.dropFirst()), versions.indices.contains(index) else {
                return .full(current, syncToken: token)
            }
            let before = versions[index]
            let upserted = current.filter { block in !before.contains(block) }
            let removed = before.map(\.id).filter { id in !current.contains { $0.id == id } }
            return .changes(upserted: upserted, removed: removed, syncToken: token)
        }
    }
}
