import HubCore
import NIOCore
import NIOHTTP1

/// How benchmark clients reach a running hub: its port, tokens and users.
struct HubEndpoint: Sendable {
    static let host = "127.0.0.1"

    var port: Int
    var group: any EventLoopGroup
    var userIDs: [UserID]
    /// A main_admin token of the generated tenant (changes presence, opens streams).
    var adminToken: String
    /// A hub_admin token (reads /metrics).
    var operatorToken: String

    /// The WebSocket event stream URL of the generated tenant.
    var streamURL: String {
        "ws://\(Self.host):\(port)/api/v1/tenants/\(GeneratedTenant.tenantID)/events/ws?access_token=\(adminToken)"
    }

    /// The hub's `hub_stream_subscribers` gauge.
    func streamSubscribers() async throws -> Int {
        let reply = try await HTTPConnection.with(host: Self.host, port: port, group: group) { connection in
            try await connection.send(.GET, "/metrics", bearer: operatorToken)
        }
        guard reply.status == 200 else { throw BenchError("/metrics answered \(reply.status): \(reply.body)") }
        for line in reply.body.split(separator: "\n") where line.hasPrefix("hub_stream_subscribers ") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return Int(value) }
        }
        throw BenchError("/metrics has no hub_stream_subscribers")
    }
}
