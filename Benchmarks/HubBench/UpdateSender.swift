import HubCore
import NIOCore
import NIOHTTP1

/// Sends presence PATCHes from a few concurrent keep-alive connections, each waiting for its answer
/// before the next, and records when each send started and how long the round trip took.
struct UpdateSender {
    var endpoint: HubEndpoint
    var senders: Int

    struct Report {
        /// When the PATCH of each update started (monotonic ns), by update index.
        var started: [UInt64]
        /// Round trip of each PATCH (send → 200 response), in ns.
        var roundTrips: [UInt64]
        /// From the first send to the last response.
        var elapsed: UInt64
        /// Answers other than 200 with result "applied".
        var failures: [String]

        var updatesPerSecond: Double { Double(roundTrips.count) / (Double(elapsed) / 1e9) }
    }

    static let activities = ["busy", "in_meeting", "at_lunch", "available", "remote_work"]

    /// Sends `count` updates, each to another user with the note `tag.note(index)`; with `pace`, each
    /// sender calls it after every answer and sends its next update only when it returns.
    func send(count: Int, tag: NoteTag, pace: (@Sendable (_ index: Int) async throws -> Void)? = nil) async throws -> Report {
        let endpoint = endpoint
        let senders = senders
        let users = endpoint.userIDs
        guard !users.isEmpty else { throw BenchError("the hub has no users to update") }
        let perSender = try await withThrowingTaskGroup(of: [(index: Int, start: UInt64, end: UInt64, failure: String?)].self) { tasks in
            for sender in 0..<senders {
                tasks.addTask {
                    try await HTTPConnection.with(host: HubEndpoint.host, port: endpoint.port, group: endpoint.group) { connection in
                        var records: [(index: Int, start: UInt64, end: UInt64, failure: String?)] = []
                        for index in stride(from: sender, to: count, by: senders) {
                            let user = users[index % users.count]
                            let body = #"{"activity":"\#(Self.activities[index % Self.activities.count])","note":"\#(tag.note(index))"}"#
                            let start = Monotonic.now()
                            let reply = try await connection.send(.PATCH, Self.path(user), bearer: endpoint.adminToken, json: body)
                            let end = Monotonic.now()
                            let ok = reply.status == 200 && reply.body.contains(#""result":"applied""#)
                            records.append((index, start, end, ok ? nil : "HTTP \(reply.status): \(reply.body.prefix(200))"))
                            try await pace?(index)
                        }
                        return records
                    }
                }
            }
            var all: [[(index: Int, start: UInt64, end: UInt64, failure: String?)]] = []
            for try await records in tasks { all.append(records) }
            return all
        }
        let records = perSender.flatMap { $0 }
        var started = Array(repeating: UInt64(0), count: count)
        for record in records { started[record.index] = record.start }
        let first = records.map(\.start).min() ?? 0
        let last = records.map(\.end).max() ?? 0
        return Report(
            started: started, roundTrips: records.map { $0.end - $0.start }, elapsed: last - first,
            failures: records.compactMap(\.failure))
    }

    /// Sends the stop note that ends every subscriber of the phase (after all its updates were answered).
    func sendStop(tag: NoteTag) async throws {
        guard let user = endpoint.userIDs.first else { return }
        let endpoint = endpoint
        let reply = try await HTTPConnection.with(host: HubEndpoint.host, port: endpoint.port, group: endpoint.group) { connection in
            try await connection.send(.PATCH, Self.path(user), bearer: endpoint.adminToken, json: #"{"note":"\#(tag.stopNote)"}"#)
        }
        guard reply.status == 200 else { throw BenchError("stop PATCH answered \(reply.status): \(reply.body)") }
    }

    static func path(_ user: UserID) -> String {
        "/api/v1/tenants/\(GeneratedTenant.tenantID)/users/\(user)/presence"
    }
}
